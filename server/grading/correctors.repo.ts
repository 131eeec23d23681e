// Correctors: the corrector accounts, and which of them grade which session (session_staff rows
// with the role 'corrector').
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { LecternDb } from '../db/open-database.js';
import { accounts, type StaffRole } from '../db/schema/accounts.js';
import { sessionStaff } from '../db/schema/exam-sessions.js';

export interface CorrectorAccountRow {
  id: number;
  username: string;
  displayName: string;
}

export interface AccountRow {
  id: number;
  role: StaffRole;
  displayName: string;
  disabledAt: number | null;
}

export class CorrectorsRepository {
  private readonly st;

  constructor(db: LecternDb) {
    const ss = sessionStaff;
    const bySessionAndAccount = and(eq(ss.sessionId, sql.placeholder('sessionId')), eq(ss.accountId, sql.placeholder('accountId')), eq(ss.role, 'corrector'));
    this.st = {
      isCorrectorOf: db.select({ one: sql<number>`1` }).from(ss).where(bySessionAndAccount).prepare(),
      ofSession: db
        .select({ id: ss.accountId })
        .from(ss)
        .where(and(eq(ss.sessionId, sql.placeholder('sessionId')), eq(ss.role, 'corrector')))
        .orderBy(ss.accountId)
        .prepare(),
      sessionsOf: db
        .select({ id: ss.sessionId })
        .from(ss)
        .where(and(eq(ss.accountId, sql.placeholder('accountId')), eq(ss.role, 'corrector')))
        .prepare(),
      deleteOfSession: db
        .delete(ss)
        .where(and(eq(ss.sessionId, sql.placeholder('sessionId')), eq(ss.role, 'corrector')))
        .prepare(),
      // Adding a corrector who is already on the session changes nothing.
      addToSession: db
        .insert(ss)
        .values({ sessionId: sql.placeholder('sessionId'), accountId: sql.placeholder('accountId'), role: 'corrector' })
        .onConflictDoNothing()
        .prepare(),
      activeAccounts: db
        .select({ id: accounts.id, username: accounts.username, displayName: accounts.displayName })
        .from(accounts)
        .where(and(eq(accounts.role, 'corrector'), isNull(accounts.disabledAt)))
        .orderBy(asc(accounts.displayName), asc(accounts.username))
        .prepare(),
      account: db
        .select({ id: accounts.id, role: accounts.role, displayName: accounts.displayName, disabledAt: accounts.disabledAt })
        .from(accounts)
        .where(eq(accounts.id, sql.placeholder('id')))
        .prepare(),
    };
  }

  isCorrectorOf(sessionId: number, accountId: number): boolean {
    return this.st.isCorrectorOf.get({ sessionId, accountId }) !== undefined;
  }

  /** The session's correctors, by account id. */
  ofSession(sessionId: number): number[] {
    return this.st.ofSession.all({ sessionId }).map((r) => r.id);
  }

  /** The sessions an account corrects. */
  sessionsOf(accountId: number): number[] {
    return this.st.sessionsOf.all({ accountId }).map((r) => r.id);
  }

  removeAllFromSession(sessionId: number): void {
    this.st.deleteOfSession.run({ sessionId });
  }

  addToSession(sessionId: number, accountId: number): void {
    this.st.addToSession.run({ sessionId, accountId });
  }

  /** Corrector accounts that may be given scripts, by display name. */
  activeAccounts(): CorrectorAccountRow[] {
    return this.st.activeAccounts.all();
  }

  account(id: number): AccountRow | undefined {
    return this.st.account.get({ id });
  }
}
