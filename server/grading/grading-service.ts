// Grading, put together: the repositories and the small services of grading, behind the one
// object the routes (and tests) use as `app.grading`. Each method hands over to the service whose
// job it is; none holds logic of its own.
//
// Anonymity: nothing here returns a candidate's name except `results(..., { named: true })` and
// `juryResults`, which the routes offer to admins only, once grading is closed.
import type { LecternDb } from '../db/open-database.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { PackRegistry } from '../exam/pack-registry.js';
import { AssignmentsRepository } from './assignments.repo.js';
import { CorrectorsRepository } from './correctors.repo.js';
import { GradingSessionsRepository } from './grading-sessions.repo.js';
import { MarksRepository } from './marks.repo.js';
import { ScriptsRepository } from './scripts.repo.js';
import { GradingPacks } from './grading-packs.js';
import { GradingAccess } from './grading-access.js';
import { SessionLoader } from './loaded-session.js';
import { Distribution, type DistributionRequest } from './distribution.js';
import { Marking, type AnswerMarkInput, type ScriptMarkInput } from './marking.js';
import { Readings } from './readings.js';
import { ThirdReadings } from './third-reading.js';
import { CorrectorWorkspace } from './workspace.js';
import { GradingOverview } from './overview.js';
import { GradingResults } from './results.js';
import { GradingClosing, type JuryFormat } from './closing.js';
import type { ExamLookup } from './exam-lookup.js';
import type { GradingActor } from './grading-actor.js';
import type { GradingSessionSummary, MarkSaveResult, OverviewView, ReadingsView, ResultsView, ScriptStatus, WorkspaceView } from '../contract/grading.js';

export class GradingService {
  private readonly distribution: Distribution;
  private readonly marking: Marking;
  private readonly readingsOfScripts: Readings;
  private readonly thirdReadings: ThirdReadings;
  private readonly correctorWorkspace: CorrectorWorkspace;
  private readonly lists: GradingOverview;
  private readonly grades: GradingResults;
  private readonly closing: GradingClosing;

  constructor(db: LecternDb, audit: AuditLog, packs: PackRegistry, exam: ExamLookup) {
    const assignments = new AssignmentsRepository(db);
    const correctors = new CorrectorsRepository(db);
    const marks = new MarksRepository(db);
    const scripts = new ScriptsRepository(db);
    const sessions = new GradingSessionsRepository(db);
    const gradingPacks = new GradingPacks(packs);
    const access = new GradingAccess(exam, correctors, assignments);
    const loader = new SessionLoader(exam, gradingPacks, { assignments, marks, scripts });
    this.distribution = new Distribution(db, audit, exam, access, loader, { assignments, correctors, marks, sessions });
    this.marking = new Marking(db, audit, access, gradingPacks, marks);
    this.readingsOfScripts = new Readings(db, audit, exam, access, loader, assignments);
    this.thirdReadings = new ThirdReadings(db, audit, exam, access, loader, { assignments, correctors, marks });
    this.correctorWorkspace = new CorrectorWorkspace(access, this.distribution, loader, gradingPacks);
    this.lists = new GradingOverview(exam, gradingPacks, loader, this.distribution, correctors);
    this.grades = new GradingResults(loader, scripts);
    this.closing = new GradingClosing(db, audit, exam, loader, this.grades, sessions);
  }

  summaries(accountId: number, role: 'admin' | 'corrector'): GradingSessionSummary[] {
    return this.lists.summaries(accountId, role);
  }

  distribute(sessionId: number, input: DistributionRequest, actor: GradingActor, now = Date.now()): void {
    this.distribution.distribute(sessionId, input, actor, now);
  }

  workspace(sessionId: number, accountId: number, displayName: string): WorkspaceView {
    return this.correctorWorkspace.workspace(sessionId, accountId, displayName);
  }

  saveAnswerMark(sessionId: number, accountId: number, input: AnswerMarkInput, now = Date.now()): MarkSaveResult {
    return this.marking.saveAnswerMark(sessionId, accountId, input, now);
  }

  saveScriptMark(sessionId: number, accountId: number, input: ScriptMarkInput, now = Date.now()): MarkSaveResult {
    return this.marking.saveScriptMark(sessionId, accountId, input, now);
  }

  finish(sessionId: number, accountId: number, candidateId: number, now = Date.now()): { finishedAt: number; status: ScriptStatus } {
    return this.readingsOfScripts.finish(sessionId, accountId, candidateId, now);
  }

  reopen(sessionId: number, accountId: number, candidateId: number, now = Date.now()): void {
    this.readingsOfScripts.reopen(sessionId, accountId, candidateId, now);
  }

  readings(sessionId: number, accountId: number | null, candidateId: number): ReadingsView {
    return this.readingsOfScripts.readings(sessionId, accountId, candidateId);
  }

  assignThirdReading(sessionId: number, candidateIds: number[], correctorId: number, actor: GradingActor, now = Date.now()): void {
    this.thirdReadings.assign(sessionId, candidateIds, correctorId, actor, now);
  }

  close(sessionId: number, actor: GradingActor, now = Date.now()): number {
    return this.closing.close(sessionId, actor, now);
  }

  overview(sessionId: number): OverviewView {
    return this.lists.overview(sessionId);
  }

  results(sessionId: number, options: { named: boolean }, now = Date.now()): ResultsView {
    return this.grades.results(sessionId, options, now);
  }

  juryResults(sessionId: number, accountId: number, format: JuryFormat): ResultsView {
    return this.closing.juryResults(sessionId, accountId, format);
  }

  juryFileName(sessionId: number, ext: JuryFormat): string {
    return this.closing.juryFileName(sessionId, ext);
  }
}
