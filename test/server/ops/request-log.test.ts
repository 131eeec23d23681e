// The server's request log: one line per failed or slow request, none for a request that went
// well (a room's thousand paper fetches at the start must not flood the log, issue 15 item 3).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type LecternApp } from '../../../server/app.js';
import { bundledContentDir } from '../../helpers/build-app.js';

const lines: Record<string, unknown>[] = [];
let app: LecternApp;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'lectern-request-log-'));
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  app = await buildApp({ dataDir, contentDir: bundledContentDir, logger: { level: 'info', stream } });
  // A route that fails as a bug would: the error handler answers 500 with a reference.
  app.get('/test/fails', () => {
    throw new Error('the failure under test');
  });
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const requestLines = () => lines.filter((l) => typeof l.msg === 'string' && /request/.test(l.msg));

describe('the request log', () => {
  it('writes nothing for a request that went well', async () => {
    lines.length = 0;
    const r = await app.inject({ method: 'GET', url: '/healthz' });
    expect(r.statusCode).toBe(200);
    expect(requestLines()).toEqual([]);
  });

  it('writes one line for a refused request, with its method, path without the query, status and time', async () => {
    lines.length = 0;
    const r = await app.inject({ method: 'GET', url: '/api/attempt?x=secret' });
    expect(r.statusCode).toBe(401);
    const logged = requestLines();
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ msg: 'request refused', method: 'GET', url: '/api/attempt', statusCode: 401, level: 30 });
    expect(typeof logged[0]!.ms).toBe('number');
    expect(JSON.stringify(logged[0])).not.toContain('secret');
  });

  it('writes a failure once: the error with its stack under the reference the person was given, the path without the query', async () => {
    lines.length = 0;
    const r = await app.inject({ method: 'GET', url: '/test/fails?x=secret' });
    expect(r.statusCode).toBe(500);
    const reference = r.json<{ error: { message: string } }>().error.message.match(/reference: (\S+)\.$/)?.[1];
    const logged = requestLines();
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ msg: 'request failed', method: 'GET', url: '/test/fails', reqId: reference, level: 50 });
    expect((logged[0]!.err as { message: string; stack: string }).message).toBe('the failure under test');
    expect((logged[0]!.err as { stack: string }).stack).toContain('request-log.test.ts');
    expect(JSON.stringify(logged[0])).not.toContain('secret');
  });
});
