// The access log's reads: the audit rows of `data.read`, newest first, with who read.
import { and, desc, eq, type SQL } from 'drizzle-orm';
import type { LecternDb } from '../db/open-database.js';
import { auditLog } from '../db/schema/audit.js';
import { accounts } from '../db/schema/accounts.js';
import { examSessions } from '../db/schema/exam-sessions.js';

export interface DataReadRow {
  at: number;
  accountId: number | null;
  username: string | null;
  displayName: string | null;
  sessionId: number | null;
  sessionCode: string | null;
  detail: string;
}

export class DataReadsRepo {
  constructor(private readonly db: LecternDb) {}

  /** At most `limit` reads, newest first; of one session or one account when asked. */
  list(filter: { sessionId?: number; accountId?: number }, limit: number): DataReadRow[] {
    const where: SQL[] = [eq(auditLog.action, 'data.read')];
    if (filter.sessionId !== undefined) where.push(eq(auditLog.sessionId, filter.sessionId));
    if (filter.accountId !== undefined) where.push(eq(auditLog.actorId, filter.accountId));
    return this.db
      .select({
        at: auditLog.at,
        accountId: auditLog.actorId,
        username: accounts.username,
        displayName: accounts.displayName,
        sessionId: auditLog.sessionId,
        sessionCode: examSessions.code,
        detail: auditLog.detail,
      })
      .from(auditLog)
      .leftJoin(accounts, eq(accounts.id, auditLog.actorId))
      .leftJoin(examSessions, eq(examSessions.id, auditLog.sessionId))
      .where(and(...where))
      .orderBy(desc(auditLog.id))
      .limit(limit)
      .all();
  }
}
