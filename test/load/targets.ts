import Database from 'better-sqlite3';
import { httpJson, login, makeAgent, type Login } from './http.js';
import type { CandidateSpec, DashboardSpec } from './protocol.js';
import type { ServerUnderTest } from './server-process.js';
import { MAX_STAFF_SOCKETS_PER_LOGIN } from '../../server/contract/socket-limits.js';

// What a run needs from the server under test: candidate codes, question ids, dashboards'
// logins, and a way to start sessions. Lectern is set up through its own admin API, exactly as
// a centre would; the ceiling accepts any code.

export interface PreparedTarget {
  candidates: CandidateSpec[];
  questionIds: string[];
  dashboards: DashboardSpec[];
  /** Starts these sessions (Lectern); the kiosks receive `session-started`. */
  startSessions(sessionIds: number[]): Promise<number[]>;
  /** Session of each candidate, in the order of `candidates`. */
  sessionOf: number[];
}

const PACK = 'devops-title-qp';
const SESSION_MAX = 500;

export async function prepareLectern(
  server: ServerUnderTest,
  options: { running: number; waiting?: number; dashboards?: number },
): Promise<PreparedTarget> {
  const http = makeAgent(8);
  const admin = await login(http, server.baseUrl, '/api/auth/login', { username: 'admin', password: server.adminPassword });
  const candidates: CandidateSpec[] = [];
  const sessionOf: number[] = [];
  const running: number[] = [];

  const createSessions = async (count: number, start: boolean) => {
    for (let left = count; left > 0; left -= SESSION_MAX) {
      const n = Math.min(SESSION_MAX, left);
      const r = await httpJson<{ id: number; code: string; candidates: { id: number; code: string }[] }>(http, server.baseUrl, 'POST', '/api/sessions', {
        login: admin,
        body: { packId: PACK, candidateCount: n, room: `load-${candidates.length}` },
      });
      if (r.status !== 200) throw new Error(`session creation failed: ${r.status} ${JSON.stringify(r.body)}`);
      for (const c of r.body.candidates) {
        candidates.push({ sessionCode: r.body.code, candidateCode: c.code, candidateId: c.id });
        sessionOf.push(r.body.id);
      }
      if (start) {
        await startLecternSessions(http, server.baseUrl, admin, [r.body.id]);
        running.push(r.body.id);
      }
    }
  };
  await createSessions(options.running, true);
  await createSessions(options.waiting ?? 0, false);

  const questionIds = await lecternQuestionIds(http, server.baseUrl, candidates[0]!);
  // A login session holds at most MAX_STAFF_SOCKETS_PER_LOGIN live sockets (server/live/socket-guard.ts):
  // 20 dashboards on one login had 12 of them closed, so the dashboards share as few logins as allow.
  const dashboardCount = options.dashboards ?? 0;
  const staffLogins = [admin];
  while (staffLogins.length * MAX_STAFF_SOCKETS_PER_LOGIN < dashboardCount) {
    staffLogins.push(await login(http, server.baseUrl, '/api/auth/login', { username: 'admin', password: server.adminPassword }));
  }
  const dashboards: DashboardSpec[] = Array.from({ length: dashboardCount }, (_, i) => ({
    cookie: staffLogins[Math.floor(i / MAX_STAFF_SOCKETS_PER_LOGIN)]!.cookie,
    sessionIds: running.length ? [running[i % running.length]!] : [],
  }));
  return {
    candidates,
    questionIds,
    dashboards,
    sessionOf,
    startSessions: (ids) => startLecternSessions(http, server.baseUrl, admin, ids),
  };
}

async function startLecternSessions(http: ReturnType<typeof makeAgent>, baseUrl: string, admin: Login, ids: number[]): Promise<number[]> {
  for (const id of ids) {
    const r = await httpJson(http, baseUrl, 'POST', `/api/sessions/${id}/start`, { login: admin, body: {} });
    if (r.status !== 200) throw new Error(`session ${id} did not start: ${r.status} ${JSON.stringify(r.body)}`);
  }
  return ids;
}

/** The paper's question ids, read the way a kiosk reads them (the session must be running). */
async function lecternQuestionIds(http: ReturnType<typeof makeAgent>, baseUrl: string, candidate: CandidateSpec): Promise<string[]> {
  const who = await login(http, baseUrl, '/api/candidate/login', { sessionCode: candidate.sessionCode, candidateCode: candidate.candidateCode });
  const r = await httpJson<{ pack: { sections: { questions: { id: string }[] }[] } }>(http, baseUrl, 'GET', '/api/attempt', { login: who });
  if (r.status !== 200) throw new Error(`GET /api/attempt failed: ${r.status} ${JSON.stringify(r.body)}`);
  const ids = r.body.pack.sections.flatMap((s) => s.questions.map((q) => q.id));
  if (ids.length === 0) throw new Error('the paper has no questions: is the session started?');
  return ids;
}

/** The ceiling knows no sessions: candidate `C<n>` is candidate n. */
export function prepareCeiling(count: number, questionIds: string[]): PreparedTarget {
  const candidates = Array.from({ length: count }, (_, i) => ({ sessionCode: 'CEIL00', candidateCode: `C${i + 1}`, candidateId: i + 1 }));
  return { candidates, questionIds, dashboards: [], sessionOf: candidates.map(() => 0), startSessions: async (ids) => ids };
}

export interface LostReport {
  /** Acknowledged (candidate, question, revision) triplets checked. */
  checked: number;
  /** Of those, how many the database does not hold at that revision or a later one. */
  lost: number;
  examples: { candidateId: number; questionId: string; acked: number; stored: number | null }[];
}

/**
 * Saves lost: acknowledged to the kiosk but not in the database afterwards. Run on the
 * server's SQLite file after the server has stopped.
 */
export function countLost(databaseFile: string, questionIds: string[], acked: Int32Array): LostReport {
  const db = new Database(databaseFile, { readonly: true, fileMustExist: true });
  try {
    const get = db.prepare('SELECT revision FROM answers WHERE candidate_id = ? AND question_id = ?').pluck();
    const report: LostReport = { checked: 0, lost: 0, examples: [] };
    for (let i = 0; i + 2 < acked.length; i += 3) {
      const candidateId = acked[i]!;
      const questionId = questionIds[acked[i + 1]!]!;
      const revision = acked[i + 2]!;
      const stored = get.get(candidateId, questionId) as number | undefined;
      report.checked++;
      if (stored === undefined || stored < revision) {
        report.lost++;
        if (report.examples.length < 5) report.examples.push({ candidateId, questionId, acked: revision, stored: stored ?? null });
      }
    }
    return report;
  } finally {
    db.close();
  }
}

/**
 * Supervision events the server recorded within a window, by kind (Lectern only). In a healthy
 * measurement window nothing is recorded: `connection-lost` means kiosks looked offline to the
 * server (their heartbeats were not read for 4.5 s). Closing the kiosks after a run records one
 * per kiosk, so the window ends before that.
 */
export function supervisionCounts(databaseFile: string, window?: { from: number; to: number }): Record<string, number> {
  const db = new Database(databaseFile, { readonly: true, fileMustExist: true });
  try {
    const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'supervision_events'").get();
    if (!exists) return {};
    const rows = db
      .prepare('SELECT kind, COUNT(*) AS n FROM supervision_events WHERE at BETWEEN ? AND ? GROUP BY kind')
      .all(window?.from ?? 0, window?.to ?? Number.MAX_SAFE_INTEGER) as { kind: string; n: number }[];
    return Object.fromEntries(rows.map((r) => [r.kind, r.n]));
  } finally {
    db.close();
  }
}
