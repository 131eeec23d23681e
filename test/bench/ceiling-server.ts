// The ceiling: the smallest server that does the same durable work as Lectern's autosave, and
// nothing else. Fastify + @fastify/websocket + better-sqlite3; WAL with synchronous=FULL; the
// saves that arrive in one turn of the event loop are written in one transaction (one fsync),
// and each is acknowledged only after that commit. A newer revision replaces an older one,
// never the reverse. It speaks the kiosk's protocol (`save` -> `saved`) and accepts any
// candidate code `C<n>` as candidate n, so the same load generator drives both servers.
//
//   node --import tsx test/bench/ceiling-server.ts --port 0 --data /tmp/dir
import Fastify from 'fastify';
import websocket from '@fastify/websocket';
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { frameText } from '../helpers/frame-text.js';

export interface CeilingOptions {
  host?: string;
  port?: number;
  dataDir: string;
}

interface PendingSave {
  candidateId: number;
  questionId: string;
  revision: number;
  text: string;
  send: (m: string) => void;
}

export async function startCeiling(options: CeilingOptions) {
  mkdirSync(options.dataDir, { recursive: true });
  const db = new Database(join(options.dataDir, 'ceiling.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(`CREATE TABLE IF NOT EXISTS answers (
    candidate_id INTEGER NOT NULL, question_id TEXT NOT NULL, text TEXT NOT NULL,
    revision INTEGER NOT NULL, saved_at INTEGER NOT NULL, PRIMARY KEY (candidate_id, question_id))`);
  const upsert = db.prepare(
    `INSERT INTO answers (candidate_id, question_id, text, revision, saved_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (candidate_id, question_id) DO UPDATE SET text = excluded.text, revision = excluded.revision, saved_at = excluded.saved_at
     WHERE excluded.revision > answers.revision`,
  );
  const writeBatch = db.transaction((batch: PendingSave[], now: number) => {
    for (const s of batch) upsert.run(s.candidateId, s.questionId, s.text, s.revision, now);
  });

  let queue: PendingSave[] = [];
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    const batch = queue;
    queue = [];
    if (batch.length === 0) return;
    const now = Date.now();
    try {
      writeBatch(batch, now);
    } catch {
      for (const s of batch) s.send(JSON.stringify({ type: 'error', code: 'internal', message: 'not saved' }));
      return;
    }
    const serverNow = Date.now();
    for (const s of batch) s.send(JSON.stringify({ type: 'saved', questionId: s.questionId, revision: s.revision, savedAt: now, serverNow }));
  };

  const app = Fastify({ logger: false });
  await app.register(websocket, { options: { maxPayload: 256 * 1024 } });

  app.post('/api/candidate/login', async (request, reply) => {
    const body = request.body as { candidateCode?: unknown } | null;
    const code = body?.candidateCode;
    const m = /^C(\d+)$/.exec(typeof code === 'string' ? code : '');
    if (!m) return reply.code(401).send({ error: 'unknown-candidate' });
    reply.header('set-cookie', `lectern_session=${m[1]}; Path=/; HttpOnly; SameSite=Strict`);
    return { csrfToken: 'ceiling' };
  });
  app.get('/api/attempt', async () => ({ session: { state: 'running' } }));

  app.get('/ws', { websocket: true }, (socket, request) => {
    const m = /lectern_session=(\d+)/.exec(request.headers.cookie ?? '');
    if (!m) return socket.close(1008, 'not logged in');
    const candidateId = Number(m[1]);
    const send = (text: string) => {
      if (socket.readyState === socket.OPEN) socket.send(text);
    };
    socket.on('message', (data) => {
      let msg: { type?: unknown; questionId?: unknown; revision?: unknown; text?: unknown };
      try {
        msg = JSON.parse(frameText(data));
      } catch {
        return;
      }
      if (msg.type !== 'save' || typeof msg.questionId !== 'string' || typeof msg.revision !== 'number' || typeof msg.text !== 'string') return;
      queue.push({ candidateId, questionId: msg.questionId, revision: msg.revision, text: msg.text, send });
      if (!scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
    });
  });

  app.addHook('onClose', async () => {
    flush();
    db.close();
  });
  await app.listen({ host: options.host ?? '127.0.0.1', port: options.port ?? 0 });
  return app;
}

async function main() {
  const { values } = parseArgs({ options: { host: { type: 'string' }, port: { type: 'string' }, data: { type: 'string' } } });
  if (!values.data) {
    console.error('usage: ceiling-server --data DIR [--port N] [--host 127.0.0.1]');
    process.exit(2);
  }
  const app = await startCeiling({ host: values.host ?? '127.0.0.1', port: Number(values.port ?? 0), dataDir: values.data });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  console.log(`ceiling listening at http://127.0.0.1:${port}`);
  const stop = () => void app.close().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

if (import.meta.url === `file://${process.argv[1]}`) void main();
