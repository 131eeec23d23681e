// Third readings: an admin gives the scripts whose two readings disagree to a third corrector,
// who settles them. A third reader who has started keeps the script.
import { transaction } from '../db/connection.js';
import type { LecternDb } from '../db/open-database.js';
import type { AuditLog } from '../audit/audit-log.js';
import { formatCode } from '../contract/rules/code-format.js';
import { userError } from '../errors.js';
import { THIRD_READING } from '../db/schema/grading.js';
import type { AssignmentsRepository } from './assignments.repo.js';
import type { CorrectorsRepository } from './correctors.repo.js';
import type { MarksRepository } from './marks.repo.js';
import type { LoadedReading, LoadedSession, SessionLoader } from './loaded-session.js';
import { requireOpen, type GradingAccess } from './grading-access.js';
import { requireLoadedScript } from './readings.js';
import { stateOf } from './script-state.js';
import type { ExamLookup } from './exam-lookup.js';
import { actorFields, type GradingActor } from './grading-actor.js';

export interface ThirdReadingRepositories {
  assignments: AssignmentsRepository;
  correctors: CorrectorsRepository;
  marks: MarksRepository;
}

interface ThirdReadingTarget {
  candidateId: number;
  current: LoadedReading | undefined;
}

export class ThirdReadings {
  constructor(
    private readonly db: LecternDb,
    private readonly audit: AuditLog,
    private readonly exam: ExamLookup,
    private readonly access: GradingAccess,
    private readonly loader: SessionLoader,
    private readonly repos: ThirdReadingRepositories,
  ) {}

  assign(sessionId: number, candidateIds: number[], correctorId: number, actor: GradingActor, now = Date.now()): void {
    const session = this.exam.requireSession(sessionId);
    requireOpen(session);
    if (!session.doubleMarking) throw userError(409, 'not-double-marked', 'This session is not double marked: there is no third reading.');
    this.access.requireCorrectorAccount(correctorId);
    const loaded = this.loader.load(sessionId);
    const targets = candidateIds.map((id) => this.target(loaded, id, correctorId));
    const { assignments, correctors } = this.repos;
    transaction(this.db, () => {
      correctors.addToSession(sessionId, correctorId);
      for (const t of targets) {
        if (t.current?.correctorId === correctorId) continue;
        assignments.deleteReading(t.candidateId, THIRD_READING);
        assignments.insert(t.candidateId, correctorId, THIRD_READING, now);
      }
      this.audit.append({ ...actorFields(actor), sessionId, action: 'grading.third-reading-assigned', detail: { candidateIds, correctorId } }, now);
    })();
  }

  /** A script that may go to this third reader, with its current third reading if any; a 4xx otherwise. */
  private target(loaded: LoadedSession, candidateId: number, correctorId: number): ThirdReadingTarget {
    const script = requireLoadedScript(loaded, candidateId, `Candidate ${candidateId} has no script in this session.`);
    const state = stateOf(loaded, script);
    const code = formatCode(script.candidate.code);
    if (state.status !== 'needs-third-reading' && state.status !== 'third-reading') {
      throw userError(409, 'no-disagreement', `Script ${code} does not need a third reading (it is ${state.status}).`);
    }
    const current = script.readings.find((r) => r.reading === THIRD_READING);
    if (script.readings.some((r) => r.reading < THIRD_READING && r.correctorId === correctorId)) {
      throw userError(409, 'already-reads-this-script', `This corrector already read script ${code}: the third reader must be someone else.`);
    }
    if (current && current.correctorId !== correctorId && this.repos.marks.countOfReader(candidateId, current.correctorId) > 0) {
      throw userError(409, 'third-reading-started', `The third reader of script ${code} has started grading it: they must finish it.`);
    }
    return { candidateId, current };
  }
}
