// Item 7: with the centre's certificate, HTTPS and WSS, Secure cookies, slips carrying https;
// without it, plain HTTP as before. A self-signed certificate made here with openssl.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type LecternApp } from '../../../server/app.js';
import { readConfig } from '../../../server/config.js';
import { socketPath } from '../../../server/contract/protocol-version.js';
import { projectRoot } from '../../../server/paths.js';
import { loadTls } from '../../../server/tls.js';
import { bundledContentDir, openSession } from '../../helpers/build-app.js';
import { SocketInbox } from '../../helpers/socket.js';

const dir = mkdtempSync(join(tmpdir(), 'lectern-tls-'));
const certFile = join(dir, 'cert.pem');
const keyFile = join(dir, 'key.pem');
execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyFile, '-out', certFile, '-days', '2', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1,DNS:exam-server.lan'], { stdio: 'ignore' });
const tls = loadTls(readConfig(['--tls-cert', certFile, '--tls-key', keyFile], {}).tls!);

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A real HTTPS request that trusts only the test's certificate (no verification turned off). */
function httpsRequest(port: number, path: string, options: { method?: string; headers?: Record<string, string>; body?: unknown } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const body = options.body === undefined ? undefined : JSON.stringify(options.body);
    const req = request({ host: '127.0.0.1', port, path, method: options.method ?? 'GET', ca: tls.cert, headers: { ...options.headers, ...(body ? { 'content-type': 'application/json' } : {}) } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

let app: LecternApp;
let port = 0;
let dataDir = '';

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'lectern-tls-data-'));
  app = await buildApp({ dataDir, contentDir: bundledContentDir, https: tls });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  port = typeof address === 'object' && address ? address.port : 0;
});

afterAll(async () => {
  await app?.close();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(dir, { recursive: true, force: true });
});

describe('with --tls-cert and --tls-key', () => {
  it('answers over HTTPS with the certificate, and plain HTTP is refused on that port', async () => {
    const health = await httpsRequest(port, '/healthz');
    expect(health.status).toBe(200);
    expect(JSON.parse(health.body).status).toBe('ok');
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
  });

  it('sets the session cookie Secure, serves the slips with the https address, and opens WSS', async () => {
    const { admin, session } = await openSession(app, 2);
    const login = await httpsRequest(port, '/api/auth/login', { method: 'POST', body: { username: admin.username, password: admin.password } });
    expect(login.status).toBe(200);
    const setCookie = String(login.headers['set-cookie']);
    expect(setCookie).toMatch(/; Secure/);
    expect(setCookie).toMatch(/; HttpOnly/);
    const cookie = setCookie.split(';')[0]!;

    const slips = await httpsRequest(port, `/proctor/sessions/${session.id}/slips`, { headers: { cookie, host: `exam-server.lan:${port}` } });
    expect(slips.status).toBe(200);
    const addresses = [...slips.body.matchAll(/<code>([^<]+)<\/code>/g)].map((m) => m[1]);
    // One slip per workstation, each QR code and printed address with its workstation.
    expect(addresses).toContain(`https://exam-server.lan:${port}/?workstation=${session.candidates[0]!.workstation}`);
    expect(slips.body).not.toContain('http://exam-server.lan');

    // The kiosk's live connection, over TLS.
    const candidate = session.candidates[0]!;
    const candidateLogin = await httpsRequest(port, '/api/candidate/login', { method: 'POST', body: { sessionCode: session.code, candidateCode: candidate.code } });
    expect(candidateLogin.status).toBe(200);
    const socket = new WebSocket(`wss://127.0.0.1:${port}${socketPath()}`, { ca: tls.cert, headers: { cookie: String(candidateLogin.headers['set-cookie']).split(';')[0]! } });
    const inbox = new SocketInbox(socket);
    try {
      const clock = await inbox.next('clock', 10_000);
      expect(clock.type).toBe('clock');
      expect((socket as unknown as { _socket: { encrypted?: boolean } })._socket.encrypted).toBe(true);
    } finally {
      socket.close();
    }
  });
});

describe('without a certificate', () => {
  it('stays plain HTTP with cookies that are not Secure', async () => {
    const plainDir = mkdtempSync(join(tmpdir(), 'lectern-plain-'));
    const plain = await buildApp({ dataDir: plainDir, contentDir: bundledContentDir });
    try {
      const { admin } = await openSession(plain, 1);
      const r = await plain.inject({ method: 'POST', url: '/api/auth/login', payload: { username: admin.username, password: admin.password } });
      expect(r.statusCode).toBe(200);
      expect(String(r.headers['set-cookie'])).not.toMatch(/secure/i);
      expect(readConfig([], {}).tls).toBeUndefined();
    } finally {
      await plain.close();
      rmSync(plainDir, { recursive: true, force: true });
    }
  });
});

describe('a certificate that cannot serve', () => {
  it('needs both files', () => {
    expect(() => readConfig(['--tls-cert', certFile], {})).toThrow(/^HTTPS needs both the certificate and its key/);
    expect(() => readConfig([], { LECTERN_TLS_KEY: keyFile })).toThrow(/^HTTPS needs both/);
    expect(readConfig([], { LECTERN_TLS_CERT: certFile, LECTERN_TLS_KEY: keyFile }).tls).toEqual({ certFile, keyFile });
  });

  it('names the missing file, the non-PEM file and the key that does not match', () => {
    expect(() => loadTls({ certFile: join(dir, 'nope.pem'), keyFile })).toThrow(`The certificate (--tls-cert) ${join(dir, 'nope.pem')} does not exist: correct the path or the file's permissions.`);
    const der = join(dir, 'cert.der');
    writeFileSync(der, Buffer.from([0x30, 0x82, 0x01, 0x0a]));
    expect(() => loadTls({ certFile: der, keyFile })).toThrow(/is not in PEM format/);
    const otherKey = join(dir, 'other-key.pem');
    execFileSync('openssl', ['genrsa', '-out', otherKey, '2048'], { stdio: 'ignore' });
    expect(() => loadTls({ certFile, keyFile: otherKey })).toThrow(/cannot serve HTTPS .*give the key that goes with this certificate/);
  });

  it('stops the server at start with one sentence and exit code 78 (systemd does not restart it)', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', join(projectRoot, 'server/main.ts'), '--port', '0', '--data', dataDir, '--tls-cert', certFile, '--tls-key', join(dir, 'missing-key.pem')], { cwd: projectRoot, encoding: 'utf8', timeout: 80_000 });
    expect(run.status).toBe(78);
    expect(run.stderr.trim().split('\n')).toEqual([`The private key (--tls-key) ${join(dir, 'missing-key.pem')} does not exist: correct the path or the file's permissions.`]);
  }, 90_000);
});
