// Who may do what in grading: a corrector acts only on the sessions and scripts given to them,
// and nothing changes once grading is closed.
import { userError } from '../errors.js';
import type { AssignmentRow, AssignmentsRepository } from './assignments.repo.js';
import type { CorrectorsRepository } from './correctors.repo.js';
import type { ExamLookup, ExamSessionRow } from './exam-lookup.js';

export function requireOpen(session: ExamSessionRow): void {
  if (session.gradingClosedAt !== null) {
    throw userError(409, 'grading-closed', 'Grading of this session is closed: no mark can be changed any more. Ask the administrator if a correction is needed.');
  }
}

export class GradingAccess {
  constructor(
    private readonly exam: ExamLookup,
    private readonly correctors: CorrectorsRepository,
    private readonly assignments: AssignmentsRepository,
  ) {}

  isCorrectorOf(sessionId: number, accountId: number): boolean {
    return this.correctors.isCorrectorOf(sessionId, accountId);
  }

  requireCorrectorOf(sessionId: number, accountId: number): ExamSessionRow {
    const session = this.exam.requireSession(sessionId);
    if (!this.isCorrectorOf(sessionId, accountId)) {
      throw userError(403, 'not-your-session', 'You are not a corrector of this session: ask the administrator to assign you to it.');
    }
    return session;
  }

  /** The corrector's reading of a script of this session, or a 403. */
  requireScriptOf(session: ExamSessionRow, candidateId: number, accountId: number): AssignmentRow {
    const candidate = this.exam.candidate(candidateId);
    const assignment = candidate?.sessionId === session.id ? this.assignments.assignment(candidateId, accountId) : undefined;
    if (!assignment) throw userError(403, 'not-your-script', 'This script is not assigned to you in this session.');
    return assignment;
  }

  /** An active corrector account, or a 400: scripts go only to those. */
  requireCorrectorAccount(id: number): { id: number; displayName: string } {
    const account = this.correctors.account(id);
    if (!account || account.role !== 'corrector' || account.disabledAt !== null) {
      throw userError(400, 'not-a-corrector', `Account ${id} is not an active corrector account.`);
    }
    return account;
  }
}
