import { and, asc, eq, gt, isNull, ne, sql } from 'drizzle-orm';
import type { LecternDb } from '../db/open-database.js';
import { accounts, authSessions, type StaffRole } from '../db/schema/accounts.js';
import { examSessions, pauses, sessionStaff, timeExtensions } from '../db/schema/exam-sessions.js';
import { answerMarks, gradingAssignments, scriptMarks } from '../db/schema/grading.js';
import { incidents, proctorMessages } from '../db/schema/supervision.js';

export type AccountRow = typeof accounts.$inferSelect;
export type NewAccountRow = typeof accounts.$inferInsert;

/** Staff accounts, through drizzle's query builder: none of these runs per keystroke. */
export class AccountsRepo {
  constructor(private readonly db: LecternDb) {}

  /** Every account, by user name. */
  list(): AccountRow[] {
    return this.db.select().from(accounts).orderBy(asc(accounts.username)).all();
  }

  byId(id: number): AccountRow | undefined {
    return this.db.select().from(accounts).where(eq(accounts.id, id)).get();
  }

  byUsername(username: string): AccountRow | undefined {
    return this.db.select().from(accounts).where(eq(accounts.username, username)).get();
  }

  /** Whether any account has this role (a fresh database has no admin yet). */
  hasRole(role: StaffRole): boolean {
    return this.db.select({ id: accounts.id }).from(accounts).where(eq(accounts.role, role)).get() !== undefined;
  }

  /** How many accounts of this role can log in. */
  enabledCount(role: StaffRole): number {
    return this.db.select({ n: sql<number>`count(*)` }).from(accounts).where(and(eq(accounts.role, role), isNull(accounts.disabledAt))).get()?.n ?? 0;
  }

  insert(values: NewAccountRow): AccountRow {
    return this.db.insert(accounts).values(values).returning().get();
  }

  /** A new password and role, and the account enabled again. */
  reset(accountId: number, values: { passwordHash: string; role: StaffRole }): void {
    this.db.update(accounts).set({ ...values, disabledAt: null }).where(eq(accounts.id, accountId)).run();
  }

  setPassword(accountId: number, passwordHash: string): void {
    this.db.update(accounts).set({ passwordHash }).where(eq(accounts.id, accountId)).run();
  }

  setDisabled(accountId: number, disabledAt: number | null): void {
    this.db.update(accounts).set({ disabledAt }).where(eq(accounts.id, accountId)).run();
  }

  setLastLogin(accountId: number, at: number): void {
    this.db.update(accounts).set({ lastLoginAt: at }).where(eq(accounts.id, accountId)).run();
  }

  /** Ends every open login session of the account but `keep` (the caller's own); returns how many were open. */
  revokeSessions(accountId: number, at: number, keep = ''): number {
    return this.db
      .update(authSessions)
      .set({ revokedAt: at })
      .where(and(eq(authSessions.accountId, accountId), isNull(authSessions.revokedAt), gt(authSessions.expiresAt, at), ne(authSessions.tokenHash, keep)))
      .run().changes;
  }

  /**
   * Whether the account left a trace in an exam: a session it created, supervised or grades, a
   * pause, extra time, incident or message it gave, a reading or a mark. Such an account is part
   * of the record and is never deleted.
   */
  hasWork(accountId: number): boolean {
    const db = this.db;
    const found = [
      db.select({ one: sql`1` }).from(sessionStaff).where(eq(sessionStaff.accountId, accountId)).limit(1),
      db.select({ one: sql`1` }).from(examSessions).where(eq(examSessions.createdBy, accountId)).limit(1),
      db.select({ one: sql`1` }).from(pauses).where(eq(pauses.createdBy, accountId)).limit(1),
      db.select({ one: sql`1` }).from(timeExtensions).where(eq(timeExtensions.createdBy, accountId)).limit(1),
      db.select({ one: sql`1` }).from(incidents).where(eq(incidents.createdBy, accountId)).limit(1),
      db.select({ one: sql`1` }).from(proctorMessages).where(eq(proctorMessages.sentBy, accountId)).limit(1),
      db.select({ one: sql`1` }).from(gradingAssignments).where(eq(gradingAssignments.correctorId, accountId)).limit(1),
      db.select({ one: sql`1` }).from(answerMarks).where(eq(answerMarks.correctorId, accountId)).limit(1),
      db.select({ one: sql`1` }).from(scriptMarks).where(eq(scriptMarks.correctorId, accountId)).limit(1),
    ];
    return found.some((q) => q.get() !== undefined);
  }

  /** Deletes an account that has no work (see hasWork), with its login sessions. */
  delete(accountId: number): void {
    this.db.delete(authSessions).where(eq(authSessions.accountId, accountId)).run();
    this.db.delete(accounts).where(eq(accounts.id, accountId)).run();
  }
}
