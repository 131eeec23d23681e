// The grading columns of a session: double marking, and when grading was closed.
import { eq, sql } from 'drizzle-orm';
import type { LecternDb } from '../db/open-database.js';
import { examSessions } from '../db/schema/exam-sessions.js';

export class GradingSessionsRepository {
  private readonly st;

  constructor(db: LecternDb) {
    const byId = eq(examSessions.id, sql.placeholder('sessionId'));
    // drizzle types no placeholder in set(): it goes in as SQL, bound as given (so the boolean as 0 or 1).
    this.st = {
      setDoubleMarking: db.update(examSessions).set({ doubleMarking: sql`${sql.placeholder('doubleMarking')}` }).where(byId).prepare(),
      setGradingClosed: db.update(examSessions).set({ gradingClosedAt: sql`${sql.placeholder('closedAt')}` }).where(byId).prepare(),
    };
  }

  setDoubleMarking(sessionId: number, doubleMarking: boolean): void {
    this.st.setDoubleMarking.run({ sessionId, doubleMarking: doubleMarking ? 1 : 0 });
  }

  setGradingClosed(sessionId: number, closedAt: number): void {
    this.st.setGradingClosed.run({ sessionId, closedAt });
  }
}
