// A corrector's reading of a script: finishing it (every judgement made), reopening it while the
// readings have not been compared, and seeing the other readings once allowed.
import { transaction } from '../db/connection.js';
import type { LecternDb } from '../db/open-database.js';
import type { AuditLog } from '../audit/audit-log.js';
import { formatCode } from '../contract/rules/code-format.js';
import { userError } from '../errors.js';
import { THIRD_READING } from '../db/schema/grading.js';
import { missingJudgements } from './rubric-model.js';
import type { AssignmentsRepository } from './assignments.repo.js';
import type { LoadedScript, LoadedSession, SessionLoader } from './loaded-session.js';
import { requireOpen, type GradingAccess } from './grading-access.js';
import { othersVisible, readingView, stateOf } from './script-state.js';
import type { ExamLookup } from './exam-lookup.js';
import type { ReadingsView, ScriptStatus } from '../contract/grading.js';

/** The script of a candidate in a loaded session, or a 404. */
export function requireLoadedScript(loaded: LoadedSession, candidateId: number, message = 'This candidate has no script in this session.'): LoadedScript {
  const script = loaded.scripts.find((s) => s.candidate.id === candidateId);
  if (!script) throw userError(404, 'unknown-script', message);
  return script;
}

export class Readings {
  constructor(
    private readonly db: LecternDb,
    private readonly audit: AuditLog,
    private readonly exam: ExamLookup,
    private readonly access: GradingAccess,
    private readonly loader: SessionLoader,
    private readonly assignments: AssignmentsRepository,
  ) {}

  finish(sessionId: number, accountId: number, candidateId: number, now = Date.now()): { finishedAt: number; status: ScriptStatus } {
    const session = this.access.requireCorrectorOf(sessionId, accountId);
    requireOpen(session);
    const assignment = this.access.requireScriptOf(session, candidateId, accountId);
    const loaded = this.loader.load(sessionId);
    const script = loaded.scripts.find((s) => s.candidate.id === candidateId)!;
    const reading = script.readings.find((r) => r.correctorId === accountId)!;
    if (assignment.finishedAt !== null) return { finishedAt: assignment.finishedAt, status: stateOf(loaded, script).status };
    const missing = missingJudgements(loaded.model, script.answered, reading.answers, reading.script);
    if (missing.length > 0) {
      throw userError(409, 'reading-incomplete', `Some judgements are missing: ${missing.join(', ')}.`, { missing });
    }
    transaction(this.db, () => {
      this.assignments.setFinished(candidateId, accountId, now);
      this.audit.append({ actorKind: 'account', actorId: accountId, sessionId, action: 'grading.reading-finished', detail: { candidateId, reading: assignment.reading } }, now);
    })();
    reading.finishedAt = now;
    return { finishedAt: now, status: stateOf(loaded, script).status };
  }

  reopen(sessionId: number, accountId: number, candidateId: number, now = Date.now()): void {
    const session = this.access.requireCorrectorOf(sessionId, accountId);
    requireOpen(session);
    const assignment = this.access.requireScriptOf(session, candidateId, accountId);
    if (assignment.finishedAt === null) return;
    if (session.doubleMarking && assignment.reading < THIRD_READING) {
      const script = this.loader.load(sessionId).scripts.find((s) => s.candidate.id === candidateId)!;
      const other = script.readings.find((r) => r.reading < THIRD_READING && r.correctorId !== accountId);
      if (other?.finishedAt != null) {
        throw userError(409, 'readings-compared', 'Both readings of this script are finished and have been compared: they can no longer be changed. A disagreement goes to a third reading.');
      }
    }
    transaction(this.db, () => {
      this.assignments.setFinished(candidateId, accountId, null);
      this.audit.append({ actorKind: 'account', actorId: accountId, sessionId, action: 'grading.reading-reopened', detail: { candidateId, reading: assignment.reading } }, now);
    })();
  }

  /** The other readings of a script, for a corrector allowed to see them (see othersVisible); every reading for an admin (null). */
  readings(sessionId: number, accountId: number | null, candidateId: number): ReadingsView {
    const session = accountId === null ? this.exam.requireSession(sessionId) : this.access.requireCorrectorOf(sessionId, accountId);
    if (accountId !== null) this.access.requireScriptOf(session, candidateId, accountId);
    const loaded = this.loader.load(sessionId);
    const script = requireLoadedScript(loaded, candidateId);
    if (accountId !== null) {
      const mine = script.readings.find((r) => r.correctorId === accountId)!;
      if (!othersVisible(script, mine)) {
        throw userError(403, 'readings-hidden', "The other corrector's marks are shown only once both of you have finished this script.");
      }
    }
    return {
      candidateId,
      code: formatCode(script.candidate.code),
      readings: script.readings.filter((r) => accountId === null || r.correctorId !== accountId).map((r) => readingView(loaded, script, r)),
      disagreements: stateOf(loaded, script).disagreements,
    };
  }
}
