import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { TSchema } from '@sinclair/typebox';
import { expect } from 'vitest';
import { createStaff, loginCandidate, loginStaff, type Login, type TestApp } from '../../helpers/build-app.js';
import { roles, type Role } from './authorization-rules.js';

/**
 * A digest of every row of every table: equal before and after a refused request means the
 * request stored nothing. The login sessions' last-seen times move on every request, and the
 * server's heartbeat (server_runs.last_beat_at) every 5 s whatever the requests: those columns
 * alone are left out.
 */
export function databaseFingerprint(db: Database.Database): string {
  const hash = createHash('sha256');
  const tables = db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%' ORDER BY name").all();
  for (const { name } of tables) {
    const columns = db.prepare<[], { name: string }>(`SELECT name FROM pragma_table_info('${name}')`).all().map((c) => c.name).filter((c) => !/last_seen|last_used|last_beat/.test(c));
    hash.update(name);
    for (const row of db.prepare(`SELECT ${columns.map((c) => `"${c}"`).join(', ')} FROM "${name}" ORDER BY rowid`).raw().all()) hash.update(JSON.stringify(row));
  }
  return hash.digest('hex');
}

/** The `type` literals of a union of message schemas (the contract's list of message types). */
export function literalTypes(union: TSchema): string[] {
  const members = (union as { anyOf?: { properties?: { type?: { const?: unknown } } }[] }).anyOf ?? [];
  return members.map((m) => m.properties?.type?.const).filter((c): c is string => typeof c === 'string');
}

export type RolesRoom = Awaited<ReturnType<typeof rolesRoom>>;

/**
 * Two sessions, A and B, and a login for every role: a candidate of A and one of B, A's proctor
 * and B's, A's corrector, an admin. Requests name session A; `relogin` opens a role's login
 * again after a request that ended it (a logout, a move).
 */
export async function rolesRoom(app: TestApp['app']) {
  const logins = new Map<Role, Login>();
  const ids = { sessionA: 0, candidateA2: 0, throttleA: 0, throttleStaff: 0, spareAccount: 0 };
  const adminAccount = await createStaff(app, 'admin', 'chef');
  const proctor = await createStaff(app, 'proctor', 'surveillant-a');
  const otherProctor = await createStaff(app, 'proctor', 'surveillant-b');
  const corrector = await createStaff(app, 'corrector', 'correcteur-a');
  // The account the admin's account routes act on (reset, disable, delete): nobody logs in with it.
  ids.spareAccount = (await createStaff(app, 'corrector', 'remplacant')).id;
  const staffAccounts: Partial<Record<Role, { username: string; password: string }>> = { admin: adminAccount, proctor, otherProctor, corrector };
  const adminLogin = await loginStaff(app, 'chef', adminAccount.password);
  const open = async (proctorId: number, correctorIds: number[]) => {
    const r = await app.inject({ method: 'POST', url: '/api/sessions', headers: adminLogin.headers, payload: { packId: 'devops-title-qp', candidateCount: 3, proctorIds: [proctorId], correctorIds } });
    expect(r.statusCode).toBe(200);
    return r.json<{ id: number; code: string; candidates: { id: number; code: string; workstation: string }[] }>();
  };
  const a = await open(proctor.id, [corrector.id]);
  const b = await open(otherProctor.id, []);
  // Both running, so that a candidate's document is refused only for who asks, not for when.
  for (const s of [a, b]) expect((await app.inject({ method: 'POST', url: `/api/sessions/${s.id}/start`, headers: adminLogin.headers })).statusCode).toBe(200);
  ids.sessionA = a.id;
  ids.candidateA2 = a.candidates[1]!.id;
  // Something to clear: a wrong candidate code in session A, a wrong password for an account.
  await app.inject({ method: 'POST', url: '/api/candidate/login', payload: { sessionCode: a.code, candidateCode: 'ZZZZ-ZZZZ' } });
  await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'surveillant-b', password: 'faux' } });
  ids.throttleA = app.throttles.forSession(a.id, Date.now()).find((r) => r.kind === 'candidate-code')!.id;
  ids.throttleStaff = app.throttles.forStaff(Date.now()).find((r) => r.kind === 'account')!.id;
  const candidateLogins: Partial<Record<Role, () => Promise<Login>>> = {
    candidate: () => loginCandidate(app, a.code, a.candidates[0]!.code, a.candidates[0]!.workstation),
    otherCandidate: () => loginCandidate(app, b.code, b.candidates[0]!.code, b.candidates[0]!.workstation),
  };
  const relogin = async (role: Role) => {
    const staff = staffAccounts[role];
    if (staff) logins.set(role, await loginStaff(app, staff.username, staff.password));
    const candidate = candidateLogins[role];
    if (candidate) logins.set(role, await candidate());
  };
  for (const role of roles) if (role !== 'anonymous') await relogin(role);
  /** The URL of a route with session A's ids in it. */
  const urlOf = (pattern: string): string =>
    pattern
      .replace(':id', String(pattern.startsWith('/api/admin/accounts/') ? ids.spareAccount : ids.sessionA))
      .replace(':candidateId', String(ids.candidateA2))
      .replace(':sectionId', 'reading')
      .replace(':packId', 'devops-title-qp')
      .replace(':export', 'report.csv')
      .replace(':formId', 'b')
      .replace(':throttleId', String(pattern.startsWith('/api/admin') ? ids.throttleStaff : ids.throttleA))
      .replace('*', 'figure.png');
  return { logins, ids, relogin, urlOf };
}

let sentinels = 0;

/**
 * Sends one socket message, then a sentinel whose answer is certain and names it (a kiosk's save
 * of an unknown question is refused with its question id; a dashboard's ping is answered with its
 * time): what came back before the sentinel's answer is the message's outcome.
 */
export async function exchange(socket: import('ws').WebSocket, message: unknown, kiosk: boolean): Promise<{ answers: { type: string; code?: string }[]; closeCode: number | null }> {
  const n = ++sentinels;
  // A socket the server closed at once (a corrector's: no live view for the role) refuses all.
  await new Promise((r) => setTimeout(r, 20));
  if (socket.readyState !== socket.OPEN) return { answers: [], closeCode: -1 };
  const seen: { type: string; code?: string; questionId?: string; sentAt?: number }[] = [];
  const listener = (data: Buffer) => seen.push(JSON.parse(data.toString()) as { type: string });
  socket.on('message', listener);
  const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
  socket.send(JSON.stringify(message));
  socket.send(JSON.stringify(kiosk ? { type: 'save', questionId: `sentinel-${n}`, revision: 1, text: '' } : { type: 'ping', sentAt: -n }));
  const isSentinel = (m: (typeof seen)[number]) => (kiosk ? m.type === 'save-refused' && m.questionId === `sentinel-${n}` : m.type === 'pong' && m.sentAt === -n);
  const answered = (async () => {
    for (let i = 0; i < 200 && !seen.some(isSentinel); i++) await new Promise((r) => setTimeout(r, 15));
    return null;
  })();
  const closeCode = await Promise.race([closed, answered]);
  socket.off('message', listener);
  const at = seen.findIndex(isSentinel);
  return { answers: at >= 0 ? seen.slice(0, at) : seen, closeCode };
}
