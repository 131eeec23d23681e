import { and, eq, isNull, sql } from 'drizzle-orm';
import type { LecternDb } from '../db/open-database.js';
import { accounts, authSessions } from '../db/schema/accounts.js';
import { candidates } from '../db/schema/exam-sessions.js';

/** Every column given, null included: each is a placeholder of the prepared insert (a type, not an interface: drizzle's run() takes a record). */
export type NewLoginSession = {
  tokenHash: string;
  accountId: number | null;
  candidateId: number | null;
  csrfToken: string;
  address: string;
  createdAt: number;
  expiresAt: number;
};

/**
 * The `auth_sessions` table, through drizzle's query builder with every statement prepared once:
 * the lookup runs on every request and every socket upgrade.
 */
export class LoginSessionsRepo {
  private readonly insertRow;
  private readonly lookup;
  private readonly revokeOne;
  private readonly revokeCandidate;

  constructor(db: LecternDb) {
    this.insertRow = db
      .insert(authSessions)
      .values({
        tokenHash: sql.placeholder('tokenHash'),
        accountId: sql.placeholder('accountId'),
        candidateId: sql.placeholder('candidateId'),
        csrfToken: sql.placeholder('csrfToken'),
        address: sql.placeholder('address'),
        createdAt: sql.placeholder('createdAt'),
        expiresAt: sql.placeholder('expiresAt'),
      })
      .prepare();
    // One read for both kinds of owner: a staff account, or a candidate and their session.
    this.lookup = db
      .select({
        tokenHash: authSessions.tokenHash,
        accountId: authSessions.accountId,
        candidateId: authSessions.candidateId,
        csrfToken: authSessions.csrfToken,
        expiresAt: authSessions.expiresAt,
        revokedAt: authSessions.revokedAt,
        role: accounts.role,
        username: accounts.username,
        displayName: accounts.displayName,
        disabledAt: accounts.disabledAt,
        sessionId: candidates.sessionId,
        code: candidates.code,
      })
      .from(authSessions)
      .leftJoin(accounts, eq(accounts.id, authSessions.accountId))
      .leftJoin(candidates, eq(candidates.id, authSessions.candidateId))
      .where(eq(authSessions.tokenHash, sql.placeholder('tokenHash')))
      .prepare();
    this.revokeOne = db
      .update(authSessions)
      .set({ revokedAt: sql`${sql.placeholder('at')}` })
      .where(and(eq(authSessions.tokenHash, sql.placeholder('tokenHash')), isNull(authSessions.revokedAt)))
      .prepare();
    this.revokeCandidate = db
      .update(authSessions)
      .set({ revokedAt: sql`${sql.placeholder('at')}` })
      .where(and(eq(authSessions.candidateId, sql.placeholder('candidateId')), isNull(authSessions.revokedAt)))
      .prepare();
  }

  insert(s: NewLoginSession): void {
    this.insertRow.run(s);
  }

  /** The login session with its owner's account or candidate columns (null where there is none). */
  byTokenHash(tokenHash: string) {
    return this.lookup.get({ tokenHash });
  }

  revoke(tokenHash: string, at: number): void {
    this.revokeOne.run({ tokenHash, at });
  }

  revokeAllOfCandidate(candidateId: number, at: number): void {
    this.revokeCandidate.run({ candidateId, at });
  }
}
