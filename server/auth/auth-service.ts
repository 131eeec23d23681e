import { createHash, randomBytes } from 'node:crypto';
import type { LecternDb } from '../db/open-database.js';
import type { StaffRole } from '../db/schema/accounts.js';
import { LoginSessionsRepo } from './login-sessions.repo.js';

export const SESSION_COOKIE = 'lectern_session';
/** A day of exams and an evening of grading; the proctor or admin can revoke sooner. */
export const SESSION_LIFETIME_MS = 14 * 60 * 60 * 1000;

export type Principal =
  | { kind: 'staff'; accountId: number; role: StaffRole; username: string; displayName: string; csrfToken: string; tokenHash: string }
  | { kind: 'candidate'; candidateId: number; sessionId: number; code: string; csrfToken: string; tokenHash: string };

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** Server-side login sessions: the cookie carries a random token, the database its hash. */
export class AuthService {
  private readonly sessions: LoginSessionsRepo;

  constructor(db: LecternDb) {
    this.sessions = new LoginSessionsRepo(db);
  }

  /** Returns the cookie token (never stored) and the CSRF token (stored, returned to the client). */
  open(who: { accountId: number } | { candidateId: number }, address: string, now = Date.now()): { token: string; csrfToken: string } {
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(24).toString('base64url');
    this.sessions.insert({
      tokenHash: sha256(token),
      accountId: 'accountId' in who ? who.accountId : null,
      candidateId: 'candidateId' in who ? who.candidateId : null,
      csrfToken,
      address,
      createdAt: now,
      expiresAt: now + SESSION_LIFETIME_MS,
    });
    return { token, csrfToken };
  }

  resolve(token: string | undefined, now = Date.now()): Principal | null {
    if (!token || token.length > 100) return null;
    const row = this.sessions.byTokenHash(sha256(token));
    if (!row || row.revokedAt !== null || row.expiresAt <= now) return null;
    if (row.accountId !== null) {
      // The account's columns are NOT NULL: null here means the join found no account.
      if (row.disabledAt !== null || !row.role || row.username === null || row.displayName === null) return null;
      return {
        kind: 'staff',
        accountId: row.accountId,
        role: row.role,
        username: row.username,
        displayName: row.displayName,
        csrfToken: row.csrfToken,
        tokenHash: row.tokenHash,
      };
    }
    if (row.candidateId !== null && row.sessionId !== null && row.code !== null) {
      return { kind: 'candidate', candidateId: row.candidateId, sessionId: row.sessionId, code: row.code, csrfToken: row.csrfToken, tokenHash: row.tokenHash };
    }
    return null;
  }

  revoke(tokenHash: string, now = Date.now()): void {
    this.sessions.revoke(tokenHash, now);
  }

  /** Logs a candidate out everywhere (moved to another workstation, or logged in again). */
  revokeCandidateSessions(candidateId: number, now = Date.now()): void {
    this.sessions.revokeAllOfCandidate(candidateId, now);
  }
}
