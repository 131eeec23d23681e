// Sharing the scripts out: each script's readings go to different correctors, in turn. An admin
// may share them out again, differently, until the first grade.
import { transaction } from '../db/connection.js';
import type { LecternDb } from '../db/open-database.js';
import type { AuditLog } from '../audit/audit-log.js';
import { userError } from '../errors.js';
import type { AssignmentsRepository } from './assignments.repo.js';
import type { CorrectorsRepository } from './correctors.repo.js';
import type { GradingSessionsRepository } from './grading-sessions.repo.js';
import type { MarksRepository } from './marks.repo.js';
import type { SessionLoader } from './loaded-session.js';
import { requireOpen, type GradingAccess } from './grading-access.js';
import type { ExamLookup, ExamSessionRow } from './exam-lookup.js';
import { actorFields, type GradingActor } from './grading-actor.js';

export interface DistributionRequest {
  correctorIds: number[];
  doubleMarking: boolean;
}

export interface DistributionRepositories {
  assignments: AssignmentsRepository;
  correctors: CorrectorsRepository;
  marks: MarksRepository;
  sessions: GradingSessionsRepository;
}

export class Distribution {
  constructor(
    private readonly db: LecternDb,
    private readonly audit: AuditLog,
    private readonly exam: ExamLookup,
    private readonly access: GradingAccess,
    private readonly loader: SessionLoader,
    private readonly repos: DistributionRepositories,
  ) {}

  /**
   * The first time a corrector opens an ended session whose scripts were never shared out, they are
   * shared out among the session's correctors (so a session set up with its correctors needs no
   * admin step).
   */
  ensureDistributed(session: ExamSessionRow): void {
    if (session.state !== 'ended' || session.gradingClosedAt !== null) return;
    const loaded = this.loader.load(session.id);
    if (loaded.scripts.length === 0 || loaded.scripts.some((s) => s.readings.length > 0)) return;
    const correctors = this.repos.correctors.ofSession(session.id);
    if (correctors.length < (session.doubleMarking ? 2 : 1)) return;
    this.distribute(session.id, { correctorIds: correctors, doubleMarking: session.doubleMarking }, { kind: 'system' });
  }

  /** Whether scripts may (still) be shared out: the session has ended and nobody has graded yet. */
  canDistribute(session: ExamSessionRow): boolean {
    return session.state === 'ended' && session.gradingClosedAt === null && this.repos.marks.countInSession(session.id) === 0;
  }

  /** Shares the scripts out: each script's readings go to different correctors, in turn. */
  distribute(sessionId: number, input: DistributionRequest, actor: GradingActor, now = Date.now()): void {
    const session = this.exam.requireSession(sessionId);
    requireOpen(session);
    if (session.state !== 'ended') throw userError(409, 'session-not-ended', 'Scripts can be shared out once the session has ended.');
    const ids = [...new Set(input.correctorIds)];
    for (const id of ids) this.access.requireCorrectorAccount(id);
    const needed = input.doubleMarking ? 2 : 1;
    if (ids.length < needed) {
      throw userError(400, 'too-few-correctors', input.doubleMarking ? 'Double marking needs at least two correctors.' : 'Choose at least one corrector.');
    }
    if (this.repos.marks.countInSession(sessionId) > 0) {
      throw userError(409, 'grading-started', 'Grading has started: scripts can no longer be shared out again. Choose third readers for the scripts that need one.');
    }
    const scripts = this.exam.candidates(sessionId).filter((c) => c.submittedAt !== null);
    const { assignments, correctors, sessions } = this.repos;
    transaction(this.db, () => {
      assignments.deleteOfSession(sessionId);
      correctors.removeAllFromSession(sessionId);
      for (const id of ids) correctors.addToSession(sessionId, id);
      sessions.setDoubleMarking(sessionId, input.doubleMarking);
      scripts.forEach((c, i) => {
        for (let reading = 1; reading <= needed; reading++) assignments.insert(c.id, ids[(i + reading - 1) % ids.length]!, reading, now);
      });
      this.audit.append(
        { ...actorFields(actor), sessionId, action: 'grading.distributed', detail: { correctorIds: ids, doubleMarking: input.doubleMarking, scripts: scripts.length } },
        now,
      );
    })();
  }
}
