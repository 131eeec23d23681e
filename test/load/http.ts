import { Agent, request, type IncomingHttpHeaders } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';

// A small JSON client over node:http: the load generator needs the raw Set-Cookie header and
// exact timings, and must not pool more sockets than a room of workstations would open.

export interface JsonResponse<T = unknown> {
  status: number;
  body: T;
  cookie: string | null;
}

export interface Login {
  cookie: string;
  csrfToken: string;
}

export function makeAgent(maxSockets = 64): Agent {
  return new Agent({ keepAlive: true, maxSockets });
}

export function httpJson<T = unknown>(
  agent: Agent,
  baseUrl: string,
  method: 'GET' | 'POST',
  path: string,
  options: { body?: unknown; login?: Login | null; timeoutMs?: number } = {},
): Promise<JsonResponse<T>> {
  const url = new URL(path, baseUrl);
  const payload = options.body === undefined ? undefined : Buffer.from(JSON.stringify(options.body));
  const headers: Record<string, string | number> = {};
  if (payload) {
    headers['content-type'] = 'application/json';
    headers['content-length'] = payload.length;
  }
  if (options.login) {
    headers.cookie = options.login.cookie;
    if (method !== 'GET') headers['x-csrf-token'] = options.login.csrfToken;
  }
  return send(agent, url, method, headers, payload, options.timeoutMs).then(({ status, headers: answered, body: raw }) => {
    const text = raw.toString();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: keep the text for the error report
    }
    const set = answered['set-cookie'];
    const cookie = set && set.length > 0 ? set[0]!.split(';')[0]! : null;
    return { status, body: body as T, cookie };
  });
}

/** One request on the agent: the status, the headers and the body's bytes as they came. */
function send(agent: Agent, url: URL, method: string, headers: Record<string, string | number>, payload?: Buffer, timeoutMs = 30_000): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request({ agent, hostname: url.hostname, port: url.port, path: url.pathname + url.search, method, headers, timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`${method} ${url.pathname} timed out`)));
    req.on('error', reject);
    if (payload) req.write(payload);
    req.end();
  });
}

/** Logs in (staff or candidate) and returns the cookie and the CSRF token. */
export async function login(agent: Agent, baseUrl: string, path: string, body: unknown): Promise<Login> {
  const r = await httpJson<{ csrfToken?: string }>(agent, baseUrl, 'POST', path, { body });
  if (r.status !== 200 || !r.cookie || !r.body?.csrfToken) throw new Error(`login ${path} failed: ${r.status} ${JSON.stringify(r.body)}`);
  return { cookie: r.cookie, csrfToken: r.body.csrfToken };
}

/**
 * A GET as a browser makes it for what it shows (a section's document, an image): compressed if
 * the server will, decoded here so that what it names (images) can be fetched next.
 */
export async function httpGetDecoded(agent: Agent, baseUrl: string, path: string, login: Login | null, timeoutMs = 30_000): Promise<{ status: number; text: string; wireBytes: number }> {
  const headers: Record<string, string> = { 'accept-encoding': 'gzip, deflate, br' };
  if (login) headers.cookie = login.cookie;
  const { status, headers: answered, body: raw } = await send(agent, new URL(path, baseUrl), 'GET', headers, undefined, timeoutMs);
  const encoding = answered['content-encoding'];
  const body = encoding === 'br' ? brotliDecompressSync(raw) : encoding === 'gzip' ? gunzipSync(raw) : raw;
  return { status, text: body.toString(), wireBytes: raw.length };
}
