import { createHash, randomBytes } from 'node:crypto';
import type { LecternDb } from '../db/open-database.js';
import type { StaffRole } from '../db/schema/accounts.js';

export const SESSION_COOKIE = 'lectern_session';
/** A day of exams and an evening of grading; the proctor or admin can revoke sooner. */
export const SESSION_LIFETIME_MS = 14 * 60 * 60 * 1000;

export type Principal =
  | { kind: 'staff'; accountId: number; role: StaffRole; username: string; displayName: string; csrfToken: string; tokenHash: string }
  | { kind: 'candidate'; candidateId: number; sessionId: number; code: string; csrfToken: string; tokenHash: string };

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

interface SessionRow {
  token_hash: string;
  account_id: number | null;
  candidate_id: number | null;
  csrf_token: string;
  expires_at: number;
  revoked_at: number | null;
  role: StaffRole | null;
  username: string | null;
  display_name: string | null;
  disabled_at: number | null;
  session_id: number | null;
  code: string | null;
}

/** Server-side login sessions: the cookie carries a random token, the database its hash. */
export class AuthService {
  private readonly insert;
  private readonly lookup;
  private readonly revokeOne;
  private readonly revokeCandidate;

  constructor(db: LecternDb) {
    const c = db.$client;
    this.insert = c.prepare(
      'INSERT INTO auth_sessions (token_hash, account_id, candidate_id, csrf_token, address, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.lookup = c.prepare(`
      SELECT s.token_hash, s.account_id, s.candidate_id, s.csrf_token, s.expires_at, s.revoked_at,
             a.role, a.username, a.display_name, a.disabled_at, c.session_id, c.code
      FROM auth_sessions s
      LEFT JOIN accounts a ON a.id = s.account_id
      LEFT JOIN candidates c ON c.id = s.candidate_id
      WHERE s.token_hash = ?`);
    this.revokeOne = c.prepare('UPDATE auth_sessions SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL');
    this.revokeCandidate = c.prepare('UPDATE auth_sessions SET revoked_at = ? WHERE candidate_id = ? AND revoked_at IS NULL');
  }

  /** Returns the cookie token (never stored) and the CSRF token (stored, returned to the client). */
  open(who: { accountId: number } | { candidateId: number }, address: string, now = Date.now()): { token: string; csrfToken: string } {
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(24).toString('base64url');
    this.insert.run(
      sha256(token),
      'accountId' in who ? who.accountId : null,
      'candidateId' in who ? who.candidateId : null,
      csrfToken,
      address,
      now,
      now + SESSION_LIFETIME_MS,
    );
    return { token, csrfToken };
  }

  resolve(token: string | undefined, now = Date.now()): Principal | null {
    if (!token || token.length > 100) return null;
    const row = this.lookup.get(sha256(token)) as SessionRow | undefined;
    if (!row || row.revoked_at !== null || row.expires_at <= now) return null;
    if (row.account_id !== null) {
      if (row.disabled_at !== null || !row.role) return null;
      return {
        kind: 'staff',
        accountId: row.account_id,
        role: row.role,
        username: row.username!,
        displayName: row.display_name!,
        csrfToken: row.csrf_token,
        tokenHash: row.token_hash,
      };
    }
    if (row.candidate_id !== null && row.session_id !== null) {
      return { kind: 'candidate', candidateId: row.candidate_id, sessionId: row.session_id, code: row.code!, csrfToken: row.csrf_token, tokenHash: row.token_hash };
    }
    return null;
  }

  revoke(tokenHash: string, now = Date.now()): void {
    this.revokeOne.run(now, tokenHash);
  }

  /** Logs a candidate out everywhere (moved to another workstation, or logged in again). */
  revokeCandidateSessions(candidateId: number, now = Date.now()): void {
    this.revokeCandidate.run(now, candidateId);
  }
}
