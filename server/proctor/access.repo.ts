import { and, eq, sql } from 'drizzle-orm';
import type { LecternDb } from '../db/open-database.js';
import { sessionStaff } from '../db/schema/exam-sessions.js';

/** Who is assigned to which session (`session_staff`), as the access checks ask it. */
export class SessionStaffRepo {
  private readonly proctorOf;

  constructor(db: LecternDb) {
    // Asked on every proctor request and socket: prepared once.
    this.proctorOf = db
      .select({ sessionId: sessionStaff.sessionId })
      .from(sessionStaff)
      .where(and(eq(sessionStaff.sessionId, sql.placeholder('sessionId')), eq(sessionStaff.accountId, sql.placeholder('accountId')), eq(sessionStaff.role, 'proctor')))
      .prepare();
  }

  isProctorOf(sessionId: number, accountId: number): boolean {
    return this.proctorOf.get({ sessionId, accountId }) !== undefined;
  }
}
