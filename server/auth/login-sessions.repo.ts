import type { LecternDb } from '../db/open-database.js';
import type { StaffRole } from '../db/schema/accounts.js';

/** A login session with whoever it belongs to: a staff account or a candidate. */
export interface LoginSessionRow {
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

export interface NewLoginSession {
  tokenHash: string;
  accountId: number | null;
  candidateId: number | null;
  csrfToken: string;
  address: string;
  createdAt: number;
  expiresAt: number;
}

/**
 * The `auth_sessions` table. Raw SQL prepared once: the lookup runs on every request and every
 * socket upgrade, and joins both kinds of owner in one read.
 */
export class LoginSessionsRepo {
  private readonly insertRow;
  private readonly lookup;
  private readonly revokeOne;
  private readonly revokeCandidate;

  constructor(db: LecternDb) {
    const c = db.$client;
    this.insertRow = c.prepare<[string, number | null, number | null, string, string, number, number]>(
      'INSERT INTO auth_sessions (token_hash, account_id, candidate_id, csrf_token, address, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.lookup = c.prepare<[string], LoginSessionRow>(`
      SELECT s.token_hash, s.account_id, s.candidate_id, s.csrf_token, s.expires_at, s.revoked_at,
             a.role, a.username, a.display_name, a.disabled_at, c.session_id, c.code
      FROM auth_sessions s
      LEFT JOIN accounts a ON a.id = s.account_id
      LEFT JOIN candidates c ON c.id = s.candidate_id
      WHERE s.token_hash = ?`);
    this.revokeOne = c.prepare<[number, string]>('UPDATE auth_sessions SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL');
    this.revokeCandidate = c.prepare<[number, number]>('UPDATE auth_sessions SET revoked_at = ? WHERE candidate_id = ? AND revoked_at IS NULL');
  }

  insert(s: NewLoginSession): void {
    this.insertRow.run(s.tokenHash, s.accountId, s.candidateId, s.csrfToken, s.address, s.createdAt, s.expiresAt);
  }

  byTokenHash(tokenHash: string): LoginSessionRow | undefined {
    return this.lookup.get(tokenHash);
  }

  revoke(tokenHash: string, at: number): void {
    this.revokeOne.run(at, tokenHash);
  }

  revokeAllOfCandidate(candidateId: number, at: number): void {
    this.revokeCandidate.run(at, candidateId);
  }
}
