import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp, type LecternApp } from '../../server/app.js';
import { hashPassword } from '../../server/auth/passwords.js';
import { accounts, type StaffRole } from '../../server/db/schema/accounts.js';
import { projectRoot } from '../../server/paths.js';
import type { ThrottleRules } from '../../server/auth/login-limiter.js';

export const bundledContentDir = join(projectRoot, 'content');

export interface TestApp {
  app: LecternApp;
  dataDir: string;
  close: () => Promise<void>;
}

/** A fresh app on its own SQLite file (WAL, migrations applied), with the bundled packs. */
export async function buildTestApp(options: { contentDir?: string; throttleRules?: Partial<ThrottleRules>; dataDir?: string; sealRecipient?: string } = {}): Promise<TestApp> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'lectern-test-'));
  const app = await buildApp({ dataDir, contentDir: options.contentDir ?? bundledContentDir, throttleRules: options.throttleRules, sealRecipient: options.sealRecipient });
  await app.ready();
  return {
    app,
    dataDir,
    close: async () => {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface Login {
  cookie: string;
  csrfToken: string;
  /** Headers for a state-changing request. */
  headers: Record<string, string>;
}

function loginFrom(response: { headers: Record<string, unknown>; json: () => { csrfToken: string } }): Login {
  const setCookie = response.headers['set-cookie'];
  const raw = Array.isArray(setCookie) ? setCookie[0] : String(setCookie);
  const cookie = raw.split(';')[0]!;
  const { csrfToken } = response.json();
  return { cookie, csrfToken, headers: { cookie, 'x-csrf-token': csrfToken } };
}

export async function createStaff(app: LecternApp, role: StaffRole, username = `${role}-${Math.random().toString(36).slice(2, 8)}`, password = 'correct horse battery staple'): Promise<{ id: number; username: string; password: string }> {
  const row = app.db
    .insert(accounts)
    .values({ username, displayName: `${role} ${username}`, role, passwordHash: await hashPassword(password), createdAt: Date.now() })
    .returning()
    .get();
  return { id: row.id, username, password };
}

export async function loginStaff(app: LecternApp, username: string, password: string): Promise<Login> {
  const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (response.statusCode !== 200) throw new Error(`staff login failed: ${response.statusCode} ${response.body}`);
  return loginFrom(response);
}

export async function loginCandidate(app: LecternApp, sessionCode: string, candidateCode: string, workstation?: string): Promise<Login> {
  const response = await app.inject({ method: 'POST', url: '/api/candidate/login', payload: { sessionCode, candidateCode, ...(workstation ? { workstation } : {}) } });
  if (response.statusCode !== 200) throw new Error(`candidate login failed: ${response.statusCode} ${response.body}`);
  return loginFrom(response);
}

/** An admin, logged in, and a session of the DevOps pack with `count` candidates. */
export async function openSession(app: LecternApp, count = 3, packId = 'devops-title-qp') {
  const admin = await createStaff(app, 'admin');
  const adminLogin = await loginStaff(app, admin.username, admin.password);
  const response = await app.inject({ method: 'POST', url: '/api/sessions', headers: adminLogin.headers, payload: { packId, candidateCount: count, room: 'B12' } });
  if (response.statusCode !== 200) throw new Error(`session creation failed: ${response.statusCode} ${response.body}`);
  const session = response.json<{ id: number; code: string; candidates: { id: number; code: string; workstation: string }[] }>();
  return { admin, adminLogin, session };
}

export async function startSession(app: LecternApp, adminLogin: Login, sessionId: number) {
  const response = await app.inject({ method: 'POST', url: `/api/sessions/${sessionId}/start`, headers: adminLogin.headers });
  if (response.statusCode !== 200) throw new Error(`start failed: ${response.statusCode} ${response.body}`);
  return response.json();
}

/** An answer's text as the server's database holds it (undefined before its first save): what a test checks nothing was lost against. */
export function storedAnswerText(app: LecternApp, candidateId: number, questionId = 'q1'): string | undefined {
  return (app.db.$client.prepare('SELECT text FROM answers WHERE candidate_id = ? AND question_id = ?').get(candidateId, questionId) as { text: string } | undefined)?.text;
}
