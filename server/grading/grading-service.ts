// Grading: who reads which script, the marks (saved like answers: with a revision, acknowledged
// only once committed), finishing a reading, third readings, closing, and the results.
//
// Anonymity: nothing here returns a candidate's name except `results(..., { named: true })`,
// which the routes offer to admins only, once grading is closed.
import type { LecternDb } from '../db/open-database.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { PackRegistry } from '../exam/pack-registry.js';
import type { CandidateRow, ExamService, ExamSessionRow } from '../exam/exam-service.js';
import type { Pack } from '../content/pack-types.js';
import { formatCode } from '../contract/rules/code-format.js';
import { userError } from '../errors.js';
import { THIRD_READING, type CompetenceJudgement, type InterpretationJudgement, type KeyPointJudgement } from '../db/schema/grading.js';
import { gradingModel, missingJudgements, validateAnswerMark, validateScriptMark, type AnswerMark, type GradingModel, type ScriptMark } from './rubric-model.js';
import { decide, disagreements, type Decision, type Disagreement } from './decisions.js';
import { documentPieces, passageAt } from './document-text.js';
import { findCopiedRuns, indexDocument, type DocumentIndex } from './overlap.js';
import { agreementRows } from './session-agreement.js';
import type {
  AnswerView,
  CandidateResult,
  FinalDecision,
  GradingSessionSummary,
  MarkSaveResult,
  OverviewView,
  ReadingsView,
  ReadingView,
  ResultsView,
  ScriptStatus,
  SettledBy,
  StoredAnswerMark,
  StoredScriptMark,
  WorkspaceView,
} from '../contract/grading.js';

interface ReadingRow {
  candidateId: number;
  correctorId: number;
  reading: number;
  assignedAt: number;
  finishedAt: number | null;
  corrector: string;
}

export interface LoadedReading extends ReadingRow {
  answers: Map<string, StoredAnswerMark>;
  script: StoredScriptMark | null;
}

export interface LoadedScript {
  candidate: CandidateRow;
  answers: Map<string, { text: string; words: number }>;
  answered: Set<string>;
  readings: LoadedReading[];
}

export interface LoadedSession {
  session: ExamSessionRow;
  pack: Pack;
  model: GradingModel;
  scripts: LoadedScript[];
  absent: CandidateRow[];
}

export interface ScriptState {
  status: ScriptStatus;
  settledBy: SettledBy | null;
  disagreements: Disagreement[];
  decisions: Map<number, Decision[]>;
}

export interface AnswerMarkInput extends AnswerMark {
  candidateId: number;
  questionId: string;
  revision: number;
}

export interface ScriptMarkInput extends ScriptMark {
  candidateId: number;
  revision: number;
}

type Actor = { kind: 'account'; id: number } | { kind: 'system' };

const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b))) : v,
  );

export class GradingService {
  private readonly st;
  private readonly models = new Map<string, GradingModel>();
  private readonly documents = new Map<string, DocumentIndex>();

  constructor(
    private readonly db: LecternDb,
    private readonly audit: AuditLog,
    private readonly packs: PackRegistry,
    private readonly exam: ExamService,
  ) {
    const c = db.$client;
    this.st = {
      readingsOfSession: c.prepare(
        `SELECT ga.candidate_id AS candidateId, ga.corrector_id AS correctorId, ga.reading, ga.assigned_at AS assignedAt,
                ga.finished_at AS finishedAt, a.display_name AS corrector
         FROM grading_assignments ga JOIN candidates c ON c.id = ga.candidate_id JOIN accounts a ON a.id = ga.corrector_id
         WHERE c.session_id = ? ORDER BY ga.candidate_id, ga.reading`,
      ),
      answerMarksOfSession: c.prepare(
        `SELECT am.candidate_id AS candidateId, am.question_id AS questionId, am.corrector_id AS correctorId, am.key_points AS keyPoints,
                am.interpretation, am.comment, am.revision, am.updated_at AS updatedAt
         FROM answer_marks am JOIN candidates c ON c.id = am.candidate_id WHERE c.session_id = ?`,
      ),
      scriptMarksOfSession: c.prepare(
        `SELECT sm.candidate_id AS candidateId, sm.corrector_id AS correctorId, sm.writing_bands AS writing, sm.competence,
                sm.comment, sm.revision, sm.updated_at AS updatedAt
         FROM script_marks sm JOIN candidates c ON c.id = sm.candidate_id WHERE c.session_id = ?`,
      ),
      answersOfSession: c.prepare(
        `SELECT an.candidate_id AS candidateId, an.question_id AS questionId, an.text, an.word_count AS words
         FROM answers an JOIN candidates c ON c.id = an.candidate_id WHERE c.session_id = ?`,
      ),
      isCorrectorOf: c.prepare("SELECT 1 FROM session_staff WHERE session_id = ? AND account_id = ? AND role = 'corrector'"),
      correctorsOfSession: c.prepare("SELECT account_id AS id FROM session_staff WHERE session_id = ? AND role = 'corrector' ORDER BY account_id"),
      sessionsOfCorrector: c.prepare("SELECT session_id AS id FROM session_staff WHERE account_id = ? AND role = 'corrector'"),
      correctorAccounts: c.prepare(
        "SELECT id, username, display_name AS displayName FROM accounts WHERE role = 'corrector' AND disabled_at IS NULL ORDER BY display_name, username",
      ),
      account: c.prepare('SELECT id, role, display_name AS displayName, disabled_at AS disabledAt FROM accounts WHERE id = ?'),
      assignment: c.prepare('SELECT reading, finished_at AS finishedAt FROM grading_assignments WHERE candidate_id = ? AND corrector_id = ?'),
      answerMark: c.prepare(
        `SELECT key_points AS keyPoints, interpretation, comment, revision, updated_at AS updatedAt FROM answer_marks
         WHERE candidate_id = ? AND question_id = ? AND corrector_id = ?`,
      ),
      upsertAnswerMark: c.prepare(
        `INSERT INTO answer_marks (candidate_id, question_id, corrector_id, key_points, interpretation, comment, revision, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (candidate_id, question_id, corrector_id) DO UPDATE SET key_points = excluded.key_points,
           interpretation = excluded.interpretation, comment = excluded.comment, revision = excluded.revision, updated_at = excluded.updated_at`,
      ),
      scriptMark: c.prepare(
        `SELECT writing_bands AS writing, competence, comment, revision, updated_at AS updatedAt FROM script_marks
         WHERE candidate_id = ? AND corrector_id = ?`,
      ),
      upsertScriptMark: c.prepare(
        `INSERT INTO script_marks (candidate_id, corrector_id, writing_bands, competence, comment, revision, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (candidate_id, corrector_id) DO UPDATE SET writing_bands = excluded.writing_bands,
           competence = excluded.competence, comment = excluded.comment, revision = excluded.revision, updated_at = excluded.updated_at`,
      ),
      setFinished: c.prepare('UPDATE grading_assignments SET finished_at = ? WHERE candidate_id = ? AND corrector_id = ?'),
      marksInSession: c.prepare(
        `SELECT (SELECT COUNT(*) FROM answer_marks am JOIN candidates c ON c.id = am.candidate_id WHERE c.session_id = ?)
              + (SELECT COUNT(*) FROM script_marks sm JOIN candidates c ON c.id = sm.candidate_id WHERE c.session_id = ?) AS n`,
      ),
      marksOfReader: c.prepare(
        `SELECT (SELECT COUNT(*) FROM answer_marks WHERE candidate_id = ? AND corrector_id = ?)
              + (SELECT COUNT(*) FROM script_marks WHERE candidate_id = ? AND corrector_id = ?) AS n`,
      ),
      deleteAssignmentsOfSession: c.prepare('DELETE FROM grading_assignments WHERE candidate_id IN (SELECT id FROM candidates WHERE session_id = ?)'),
      deleteAssignment: c.prepare('DELETE FROM grading_assignments WHERE candidate_id = ? AND corrector_id = ?'),
      deleteReading: c.prepare('DELETE FROM grading_assignments WHERE candidate_id = ? AND reading = ?'),
      insertAssignment: c.prepare('INSERT INTO grading_assignments (candidate_id, corrector_id, reading, assigned_at) VALUES (?, ?, ?, ?)'),
      deleteSessionCorrectors: c.prepare("DELETE FROM session_staff WHERE session_id = ? AND role = 'corrector'"),
      insertSessionCorrector: c.prepare("INSERT OR IGNORE INTO session_staff (session_id, account_id, role) VALUES (?, ?, 'corrector')"),
      setDoubleMarking: c.prepare('UPDATE exam_sessions SET double_marking = ? WHERE id = ?'),
      setGradingClosed: c.prepare('UPDATE exam_sessions SET grading_closed_at = ? WHERE id = ?'),
      identities: c.prepare(
        'SELECT ci.candidate_id AS candidateId, ci.full_name AS fullName FROM candidate_identities ci JOIN candidates c ON c.id = ci.candidate_id WHERE c.session_id = ?',
      ),
    };
  }

  // ---------- the pack, as grading sees it ----------

  model(packId: string): GradingModel {
    let model = this.models.get(packId);
    if (!model) {
      const pack = this.packs.get(packId);
      if (!pack) throw userError(409, 'pack-unavailable', `The content pack "${packId}" of this session is missing or invalid: run npm run content:check.`);
      model = gradingModel(pack);
      this.models.set(packId, model);
    }
    return model;
  }

  private documentIndex(pack: Pack, sectionId: string): DocumentIndex | null {
    const section = pack.sections.find((s) => s.id === sectionId);
    if (!section?.documentHtml) return null;
    const key = `${pack.id}\u0000${sectionId}`;
    let index = this.documents.get(key);
    if (!index) {
      index = indexDocument(documentPieces(section.documentHtml));
      this.documents.set(key, index);
    }
    return index;
  }

  /** The overlap report of an answer against its section's document (nothing copied when there is none). */
  overlap(pack: Pack, questionId: string, text: string) {
    const sectionId = this.model(pack.id).questionById.get(questionId)?.sectionId;
    const index = sectionId ? this.documentIndex(pack, sectionId) : null;
    return index ? findCopiedRuns(text, index) : findCopiedRuns(text, indexDocument([]));
  }

  // ---------- loading ----------

  load(sessionId: number): LoadedSession {
    const session = this.exam.requireSession(sessionId);
    const model = this.model(session.packId);
    const all = this.exam.candidates(sessionId);
    const scripts = new Map<number, LoadedScript>();
    const absent: CandidateRow[] = [];
    for (const candidate of all) {
      if (candidate.submittedAt === null) absent.push(candidate);
      else scripts.set(candidate.id, { candidate, answers: new Map(), answered: new Set(), readings: [] });
    }
    for (const a of this.st.answersOfSession.all(sessionId) as { candidateId: number; questionId: string; text: string; words: number }[]) {
      const script = scripts.get(a.candidateId);
      if (!script) continue;
      script.answers.set(a.questionId, { text: a.text, words: a.words });
      if (a.text.trim() !== '') script.answered.add(a.questionId);
    }
    const readingOf = new Map<string, LoadedReading>();
    for (const r of this.st.readingsOfSession.all(sessionId) as ReadingRow[]) {
      const script = scripts.get(r.candidateId);
      if (!script) continue;
      const loaded: LoadedReading = { ...r, answers: new Map(), script: null };
      script.readings.push(loaded);
      readingOf.set(`${r.candidateId}:${r.correctorId}`, loaded);
    }
    type AnswerMarkRow = { candidateId: number; questionId: string; correctorId: number; keyPoints: string; interpretation: InterpretationJudgement | null; comment: string; revision: number; updatedAt: number };
    for (const m of this.st.answerMarksOfSession.all(sessionId) as AnswerMarkRow[]) {
      readingOf.get(`${m.candidateId}:${m.correctorId}`)?.answers.set(m.questionId, {
        keyPoints: JSON.parse(m.keyPoints) as Record<string, KeyPointJudgement>,
        interpretation: m.interpretation,
        comment: m.comment,
        revision: m.revision,
        updatedAt: m.updatedAt,
      });
    }
    type ScriptMarkRow = { candidateId: number; correctorId: number; writing: string; competence: string; comment: string; revision: number; updatedAt: number };
    for (const m of this.st.scriptMarksOfSession.all(sessionId) as ScriptMarkRow[]) {
      const reading = readingOf.get(`${m.candidateId}:${m.correctorId}`);
      if (reading) {
        reading.script = {
          writing: JSON.parse(m.writing) as Record<string, Record<string, number>>,
          competence: JSON.parse(m.competence) as Record<string, Record<string, CompetenceJudgement>>,
          comment: m.comment,
          revision: m.revision,
          updatedAt: m.updatedAt,
        };
      }
    }
    const sorted = [...scripts.values()].sort((a, b) => a.candidate.code.localeCompare(b.candidate.code));
    return { session, pack: model.pack, model, scripts: sorted, absent };
  }

  decisionsOf(model: GradingModel, script: LoadedScript, reading: LoadedReading): Decision[] {
    return decide(model, { answers: reading.answers, script: reading.script, answered: script.answered });
  }

  /** Where a script stands, and (for finished readings) their decisions. */
  stateOf(loaded: LoadedSession, script: LoadedScript): ScriptState {
    const decisions = new Map<number, Decision[]>();
    for (const r of script.readings) if (r.finishedAt !== null) decisions.set(r.reading, this.decisionsOf(loaded.model, script, r));
    const first = script.readings.find((r) => r.reading === 1);
    const second = script.readings.find((r) => r.reading === 2);
    const third = script.readings.find((r) => r.reading === THIRD_READING);
    const none: Disagreement[] = [];
    if (!loaded.session.doubleMarking) {
      if (!first) return { status: 'unassigned', settledBy: null, disagreements: none, decisions };
      if (first.finishedAt === null) return { status: 'in-progress', settledBy: null, disagreements: none, decisions };
      return { status: 'settled', settledBy: 'single', disagreements: none, decisions };
    }
    if (!first || !second) return { status: 'unassigned', settledBy: null, disagreements: none, decisions };
    if (first.finishedAt === null || second.finishedAt === null) return { status: 'in-progress', settledBy: null, disagreements: none, decisions };
    const found = disagreements(loaded.model, decisions.get(1)!, decisions.get(2)!);
    if (found.length === 0) return { status: 'settled', settledBy: 'agreement', disagreements: found, decisions };
    if (!third) return { status: 'needs-third-reading', settledBy: null, disagreements: found, decisions };
    if (third.finishedAt === null) return { status: 'third-reading', settledBy: null, disagreements: found, decisions };
    return { status: 'settled', settledBy: 'third-reading', disagreements: found, decisions };
  }

  // ---------- who may do what ----------

  isCorrectorOf(sessionId: number, accountId: number): boolean {
    return Boolean(this.st.isCorrectorOf.get(sessionId, accountId));
  }

  requireCorrectorOf(sessionId: number, accountId: number): ExamSessionRow {
    const session = this.exam.requireSession(sessionId);
    if (!this.isCorrectorOf(sessionId, accountId)) {
      throw userError(403, 'not-your-session', 'You are not a corrector of this session: ask the administrator to assign you to it.');
    }
    return session;
  }

  private requireOpen(session: ExamSessionRow): void {
    if (session.gradingClosedAt !== null) {
      throw userError(409, 'grading-closed', 'Grading of this session is closed: no mark can be changed any more. Ask the administrator if a correction is needed.');
    }
  }

  private requireScriptOf(session: ExamSessionRow, candidateId: number, accountId: number): { reading: number; finishedAt: number | null } {
    const candidate = this.exam.candidate(candidateId);
    const assignment = candidate?.sessionId === session.id ? (this.st.assignment.get(candidateId, accountId) as { reading: number; finishedAt: number | null } | undefined) : undefined;
    if (!assignment) throw userError(403, 'not-your-script', 'This script is not assigned to you in this session.');
    return assignment;
  }

  // ---------- sessions ----------

  summaries(accountId: number, role: 'admin' | 'corrector'): GradingSessionSummary[] {
    const mine = new Set((this.st.sessionsOfCorrector.all(accountId) as { id: number }[]).map((r) => r.id));
    const sessions = this.exam.sessions().filter((s) => (role === 'admin' ? true : mine.has(s.id)));
    return sessions.flatMap((s) => {
      if (!this.packs.get(s.packId)) return [];
      if (role === 'corrector') this.ensureDistributed(s);
      return [this.summary(this.load(s.id), role === 'admin' ? null : accountId)];
    });
  }

  summary(loaded: LoadedSession, accountId: number | null): GradingSessionSummary {
    const s = loaded.session;
    let assigned = 0;
    let finished = 0;
    let settled = 0;
    for (const script of loaded.scripts) {
      for (const r of script.readings) {
        if (accountId !== null && r.correctorId !== accountId) continue;
        assigned++;
        if (r.finishedAt !== null) finished++;
      }
      if (this.stateOf(loaded, script).status === 'settled') settled++;
    }
    return {
      id: s.id,
      title: s.title,
      packId: s.packId,
      state: s.state,
      endedAt: s.endedAt,
      doubleMarking: s.doubleMarking,
      gradingClosedAt: s.gradingClosedAt,
      scripts: loaded.scripts.length,
      readingsAssigned: assigned,
      readingsFinished: finished,
      settled,
    };
  }

  /**
   * The first time a corrector opens an ended session whose scripts were never shared out, they are
   * shared out among the session's correctors (so a session set up with its correctors needs no
   * admin step). An admin may share them out again, differently, until the first grade.
   */
  ensureDistributed(session: ExamSessionRow): void {
    if (session.state !== 'ended' || session.gradingClosedAt !== null) return;
    const loaded = this.load(session.id);
    if (loaded.scripts.length === 0 || loaded.scripts.some((s) => s.readings.length > 0)) return;
    const correctors = (this.st.correctorsOfSession.all(session.id) as { id: number }[]).map((r) => r.id);
    if (correctors.length < (session.doubleMarking ? 2 : 1)) return;
    this.distribute(session.id, { correctorIds: correctors, doubleMarking: session.doubleMarking }, { kind: 'system' });
  }

  /** Shares the scripts out: each script's readings go to different correctors, in turn. */
  distribute(sessionId: number, input: { correctorIds: number[]; doubleMarking: boolean }, actor: Actor, now = Date.now()): void {
    const session = this.exam.requireSession(sessionId);
    this.requireOpen(session);
    if (session.state !== 'ended') throw userError(409, 'session-not-ended', 'Scripts can be shared out once the session has ended.');
    const ids = [...new Set(input.correctorIds)];
    for (const id of ids) this.requireCorrectorAccount(id);
    const needed = input.doubleMarking ? 2 : 1;
    if (ids.length < needed) {
      throw userError(400, 'too-few-correctors', input.doubleMarking ? 'Double marking needs at least two correctors.' : 'Choose at least one corrector.');
    }
    if ((this.st.marksInSession.get(sessionId, sessionId) as { n: number }).n > 0) {
      throw userError(409, 'grading-started', 'Grading has started: scripts can no longer be shared out again. Choose third readers for the scripts that need one.');
    }
    const scripts = this.exam.candidates(sessionId).filter((c) => c.submittedAt !== null);
    this.db.$client.transaction(() => {
      this.st.deleteAssignmentsOfSession.run(sessionId);
      this.st.deleteSessionCorrectors.run(sessionId);
      for (const id of ids) this.st.insertSessionCorrector.run(sessionId, id);
      this.st.setDoubleMarking.run(input.doubleMarking ? 1 : 0, sessionId);
      scripts.forEach((c, i) => {
        for (let reading = 1; reading <= needed; reading++) {
          this.st.insertAssignment.run(c.id, ids[(i + reading - 1) % ids.length]!, reading, now);
        }
      });
      this.audit.append(
        { ...this.actorFields(actor), sessionId, action: 'grading.distributed', detail: { correctorIds: ids, doubleMarking: input.doubleMarking, scripts: scripts.length } },
        now,
      );
    })();
  }

  private requireCorrectorAccount(id: number): { id: number; displayName: string } {
    const account = this.st.account.get(id) as { id: number; role: string; displayName: string; disabledAt: number | null } | undefined;
    if (!account || account.role !== 'corrector' || account.disabledAt !== null) {
      throw userError(400, 'not-a-corrector', `Account ${id} is not an active corrector account.`);
    }
    return account;
  }

  // ---------- the corrector's workspace ----------

  workspace(sessionId: number, accountId: number, displayName: string): WorkspaceView {
    const session = this.requireCorrectorOf(sessionId, accountId);
    this.ensureDistributed(session);
    const loaded = this.load(sessionId);
    const { pack, model } = loaded;
    const mine = loaded.scripts.flatMap((script) => {
      const reading = script.readings.find((r) => r.correctorId === accountId);
      return reading ? [{ script, reading }] : [];
    });
    const scripts = mine.map(({ script, reading }) => {
      const answers: AnswerView[] = model.questions.map((g) => {
        const a = script.answers.get(g.question.id);
        const text = a?.text ?? '';
        return { questionId: g.question.id, text, words: a?.words ?? 0, overlap: this.overlap(pack, g.question.id, text) };
      });
      return {
        candidateId: script.candidate.id,
        code: formatCode(script.candidate.code),
        reading: reading.reading,
        finishedAt: reading.finishedAt,
        othersVisible: this.othersVisible(script, reading),
        answers,
        marks: { answers: Object.fromEntries(reading.answers), script: reading.script },
      };
    });
    return {
      session: { id: session.id, title: session.title, packId: session.packId, state: session.state, doubleMarking: loaded.session.doubleMarking, gradingClosedAt: session.gradingClosedAt },
      corrector: { accountId, displayName },
      pack: {
        title: pack.title,
        certification: pack.certification,
        sections: pack.sections.map((s) => ({
          id: s.id,
          title: s.title,
          answerLanguage: s.answerLanguage,
          readingRubricId: model.questions.find((g) => g.sectionId === s.id)?.reading?.id ?? null,
          questions: s.questions.map((q) => ({
            id: q.id,
            promptHtml: q.promptHtml,
            keyPoints: q.keyPoints,
            targetWords: q.targetWords,
            passage: q.documentAnchor && s.documentHtml ? passageAt(s.documentHtml, q.documentAnchor) : null,
          })),
        })),
        rubrics: { reading: model.reading, writing: model.writing, competence: model.competence },
      },
      scripts,
      notice: session.state !== 'ended' ? 'session-not-ended' : scripts.length === 0 && loaded.scripts.every((s) => s.readings.length === 0) ? 'not-distributed' : null,
    };
  }

  /**
   * A first or second reader sees the other reading only once both are finished; the third reader
   * sees both (they are there to settle them).
   */
  private othersVisible(script: LoadedScript, reading: LoadedReading): boolean {
    const firstTwo = script.readings.filter((r) => r.reading < THIRD_READING);
    if (reading.reading === THIRD_READING) return true;
    return firstTwo.length >= 2 && firstTwo.every((r) => r.finishedAt !== null);
  }

  // ---------- marks ----------

  saveAnswerMark(sessionId: number, accountId: number, input: AnswerMarkInput, now = Date.now()): MarkSaveResult {
    const session = this.requireCorrectorOf(sessionId, accountId);
    this.requireOpen(session);
    const assignment = this.requireScriptOf(session, input.candidateId, accountId);
    if (assignment.finishedAt !== null) throw this.finishedError();
    const model = this.model(session.packId);
    const mark: AnswerMark = { keyPoints: input.keyPoints, interpretation: input.interpretation, comment: input.comment };
    validateAnswerMark(model, input.questionId, mark);
    return this.db.$client.transaction((): MarkSaveResult => {
      type Row = { keyPoints: string; interpretation: string | null; comment: string; revision: number; updatedAt: number };
      const stored = this.st.answerMark.get(input.candidateId, input.questionId, accountId) as Row | undefined;
      const storedMark = stored && { keyPoints: JSON.parse(stored.keyPoints) as unknown, interpretation: stored.interpretation, comment: stored.comment };
      const verdict = this.judge(stored, storedMark, input.revision, mark);
      if (verdict) return verdict;
      this.st.upsertAnswerMark.run(input.candidateId, input.questionId, accountId, JSON.stringify(mark.keyPoints), mark.interpretation, mark.comment, input.revision, now);
      this.audit.append(
        { actorKind: 'account', actorId: accountId, sessionId, action: 'grading.answer-marked', detail: { candidateId: input.candidateId, questionId: input.questionId, reading: assignment.reading, revision: input.revision } },
        now,
      );
      return { outcome: 'stored', revision: input.revision, updatedAt: now };
    })();
  }

  saveScriptMark(sessionId: number, accountId: number, input: ScriptMarkInput, now = Date.now()): MarkSaveResult {
    const session = this.requireCorrectorOf(sessionId, accountId);
    this.requireOpen(session);
    const assignment = this.requireScriptOf(session, input.candidateId, accountId);
    if (assignment.finishedAt !== null) throw this.finishedError();
    const model = this.model(session.packId);
    const mark: ScriptMark = { writing: input.writing, competence: input.competence, comment: input.comment };
    validateScriptMark(model, mark);
    return this.db.$client.transaction((): MarkSaveResult => {
      type Row = { writing: string; competence: string; comment: string; revision: number; updatedAt: number };
      const stored = this.st.scriptMark.get(input.candidateId, accountId) as Row | undefined;
      const storedMark = stored && { writing: JSON.parse(stored.writing) as unknown, competence: JSON.parse(stored.competence) as unknown, comment: stored.comment };
      const verdict = this.judge(stored, storedMark, input.revision, mark);
      if (verdict) return verdict;
      this.st.upsertScriptMark.run(input.candidateId, accountId, JSON.stringify(mark.writing), JSON.stringify(mark.competence), mark.comment, input.revision, now);
      this.audit.append(
        { actorKind: 'account', actorId: accountId, sessionId, action: 'grading.script-marked', detail: { candidateId: input.candidateId, reading: assignment.reading, revision: input.revision } },
        now,
      );
      return { outcome: 'stored', revision: input.revision, updatedAt: now };
    })();
  }

  /** The revision rule of answers, for marks: null means "write it". */
  private judge(stored: { revision: number; updatedAt: number } | undefined, storedMark: unknown, revision: number, mark: unknown): MarkSaveResult | null {
    if (!stored || revision > stored.revision) return null;
    if (revision < stored.revision) return { outcome: 'stale', revision: stored.revision, updatedAt: stored.updatedAt };
    return { outcome: canonical(storedMark) === canonical(mark) ? 'duplicate' : 'conflict', revision: stored.revision, updatedAt: stored.updatedAt };
  }

  private finishedError() {
    return userError(409, 'reading-finished', 'You have finished this script: reopen it before changing a mark.');
  }

  // ---------- finishing ----------

  finish(sessionId: number, accountId: number, candidateId: number, now = Date.now()): { finishedAt: number; status: ScriptStatus } {
    const session = this.requireCorrectorOf(sessionId, accountId);
    this.requireOpen(session);
    const assignment = this.requireScriptOf(session, candidateId, accountId);
    const loaded = this.load(sessionId);
    const script = loaded.scripts.find((s) => s.candidate.id === candidateId)!;
    const reading = script.readings.find((r) => r.correctorId === accountId)!;
    if (assignment.finishedAt !== null) return { finishedAt: assignment.finishedAt, status: this.stateOf(loaded, script).status };
    const missing = missingJudgements(loaded.model, script.answered, reading.answers, reading.script);
    if (missing.length > 0) {
      throw userError(409, 'reading-incomplete', `Some judgements are missing: ${missing.join(', ')}.`, { missing });
    }
    this.db.$client.transaction(() => {
      this.st.setFinished.run(now, candidateId, accountId);
      this.audit.append({ actorKind: 'account', actorId: accountId, sessionId, action: 'grading.reading-finished', detail: { candidateId, reading: assignment.reading } }, now);
    })();
    reading.finishedAt = now;
    return { finishedAt: now, status: this.stateOf(loaded, script).status };
  }

  reopen(sessionId: number, accountId: number, candidateId: number, now = Date.now()): void {
    const session = this.requireCorrectorOf(sessionId, accountId);
    this.requireOpen(session);
    const assignment = this.requireScriptOf(session, candidateId, accountId);
    if (assignment.finishedAt === null) return;
    if (session.doubleMarking && assignment.reading < THIRD_READING) {
      const loaded = this.load(sessionId);
      const script = loaded.scripts.find((s) => s.candidate.id === candidateId)!;
      const other = script.readings.find((r) => r.reading < THIRD_READING && r.correctorId !== accountId);
      if (other?.finishedAt != null) {
        throw userError(409, 'readings-compared', 'Both readings of this script are finished and have been compared: they can no longer be changed. A disagreement goes to a third reading.');
      }
    }
    this.db.$client.transaction(() => {
      this.st.setFinished.run(null, candidateId, accountId);
      this.audit.append({ actorKind: 'account', actorId: accountId, sessionId, action: 'grading.reading-reopened', detail: { candidateId, reading: assignment.reading } }, now);
    })();
  }

  /** The other readings of a script, for a corrector allowed to see them (see othersVisible). */
  readings(sessionId: number, accountId: number | null, candidateId: number): ReadingsView {
    const session = accountId === null ? this.exam.requireSession(sessionId) : this.requireCorrectorOf(sessionId, accountId);
    if (accountId !== null) this.requireScriptOf(session, candidateId, accountId);
    const loaded = this.load(sessionId);
    const script = loaded.scripts.find((s) => s.candidate.id === candidateId);
    if (!script) throw userError(404, 'unknown-script', 'This candidate has no script in this session.');
    if (accountId !== null) {
      const mine = script.readings.find((r) => r.correctorId === accountId)!;
      if (!this.othersVisible(script, mine)) {
        throw userError(403, 'readings-hidden', "The other corrector's marks are shown only once both of you have finished this script.");
      }
    }
    const state = this.stateOf(loaded, script);
    return {
      candidateId,
      code: formatCode(script.candidate.code),
      readings: script.readings.filter((r) => accountId === null || r.correctorId !== accountId).map((r) => this.readingView(loaded, script, r)),
      disagreements: state.disagreements,
    };
  }

  private readingView(loaded: LoadedSession, script: LoadedScript, r: LoadedReading): ReadingView {
    const strip = <T extends { revision: number; updatedAt: number }>(m: T) => {
      const { revision: _r, updatedAt: _u, ...rest } = m;
      return rest;
    };
    return {
      reading: r.reading,
      corrector: r.corrector,
      finishedAt: r.finishedAt,
      answers: Object.fromEntries([...r.answers].map(([q, m]) => [q, strip(m)])),
      script: r.script ? strip(r.script) : null,
      decisions: this.decisionsOf(loaded.model, script, r),
    };
  }

  // ---------- the admin's side ----------

  assignThirdReading(sessionId: number, candidateIds: number[], correctorId: number, actor: Actor, now = Date.now()): void {
    const session = this.exam.requireSession(sessionId);
    this.requireOpen(session);
    if (!session.doubleMarking) throw userError(409, 'not-double-marked', 'This session is not double marked: there is no third reading.');
    this.requireCorrectorAccount(correctorId);
    const loaded = this.load(sessionId);
    const targets = candidateIds.map((id) => {
      const script = loaded.scripts.find((s) => s.candidate.id === id);
      if (!script) throw userError(404, 'unknown-script', `Candidate ${id} has no script in this session.`);
      const state = this.stateOf(loaded, script);
      const code = formatCode(script.candidate.code);
      if (state.status !== 'needs-third-reading' && state.status !== 'third-reading') {
        throw userError(409, 'no-disagreement', `Script ${code} does not need a third reading (it is ${state.status}).`);
      }
      const current = script.readings.find((r) => r.reading === THIRD_READING);
      if (script.readings.some((r) => r.reading < THIRD_READING && r.correctorId === correctorId)) {
        throw userError(409, 'already-reads-this-script', `This corrector already read script ${code}: the third reader must be someone else.`);
      }
      if (current && current.correctorId !== correctorId && (this.st.marksOfReader.get(id, current.correctorId, id, current.correctorId) as { n: number }).n > 0) {
        throw userError(409, 'third-reading-started', `The third reader of script ${code} has started grading it: they must finish it.`);
      }
      return { id, current };
    });
    this.db.$client.transaction(() => {
      this.st.insertSessionCorrector.run(sessionId, correctorId);
      for (const t of targets) {
        if (t.current?.correctorId === correctorId) continue;
        this.st.deleteReading.run(t.id, THIRD_READING);
        this.st.insertAssignment.run(t.id, correctorId, THIRD_READING, now);
      }
      this.audit.append(
        { ...this.actorFields(actor), sessionId, action: 'grading.third-reading-assigned', detail: { candidateIds, correctorId } },
        now,
      );
    })();
  }

  close(sessionId: number, actor: Actor, now = Date.now()): number {
    const session = this.exam.requireSession(sessionId);
    this.requireOpen(session);
    if (session.state !== 'ended') throw userError(409, 'session-not-ended', 'The session has not ended: there is nothing to close yet.');
    const loaded = this.load(sessionId);
    const open = loaded.scripts.filter((s) => this.stateOf(loaded, s).status !== 'settled').map((s) => formatCode(s.candidate.code));
    if (open.length > 0) {
      throw userError(409, 'grading-unfinished', `${open.length} script(s) are not settled yet: ${open.join(', ')}.`, { scripts: open });
    }
    this.db.$client.transaction(() => {
      this.st.setGradingClosed.run(now, sessionId);
      this.audit.append({ ...this.actorFields(actor), sessionId, action: 'grading.closed', detail: { scripts: loaded.scripts.length } }, now);
    })();
    return now;
  }

  overview(sessionId: number): OverviewView {
    const loaded = this.load(sessionId);
    const onSession = new Set((this.st.correctorsOfSession.all(sessionId) as { id: number }[]).map((r) => r.id));
    const counts: Record<ScriptStatus, number> = { unassigned: 0, 'in-progress': 0, 'needs-third-reading': 0, 'third-reading': 0, settled: 0 };
    const scripts = loaded.scripts.map((script) => {
      const state = this.stateOf(loaded, script);
      counts[state.status]++;
      return {
        candidateId: script.candidate.id,
        code: formatCode(script.candidate.code),
        status: state.status,
        readers: script.readings.map((r) => {
          const missing = missingJudgements(loaded.model, script.answered, r.answers, r.script).length;
          const needed = missingJudgements(loaded.model, script.answered, new Map(), null).length;
          return { reading: r.reading, correctorId: r.correctorId, corrector: r.corrector, finishedAt: r.finishedAt, judged: needed - missing, needed };
        }),
        disagreements: state.disagreements,
      };
    });
    return {
      session: this.summary(loaded, null),
      correctors: (this.st.correctorAccounts.all() as { id: number; username: string; displayName: string }[]).map((a) => ({ ...a, onSession: onSession.has(a.id) })),
      scripts,
      absent: loaded.absent.map((c) => ({ candidateId: c.id, code: formatCode(c.code) })),
      counts,
      agreement: agreementRows(loaded),
      canDistribute: loaded.session.state === 'ended' && loaded.session.gradingClosedAt === null && (this.st.marksInSession.get(sessionId, sessionId) as { n: number }).n === 0,
    };
  }

  /** Results per candidate. Names only with `named`, which the routes allow to admins after closing. */
  results(sessionId: number, options: { named: boolean }, now = Date.now()): ResultsView {
    const loaded = this.load(sessionId);
    const { session, model, pack } = loaded;
    const names = options.named
      ? new Map((this.st.identities.all(sessionId) as { candidateId: number; fullName: string }[]).map((r) => [r.candidateId, r.fullName]))
      : null;
    const criteria = [
      ...model.reading.map((r) => ({ key: r.id, kind: 'reading' as const, rubricId: r.id, title: r.title })),
      ...model.writing.map((r) => ({ key: r.id, kind: 'writing' as const, rubricId: r.id, title: r.title, criteria: r.criteria.map((c) => ({ id: c.id, title: c.title })) })),
      ...model.competence.flatMap((r) => r.criteria.map((c) => ({ key: `${r.id}/${c.id}`, kind: 'competence' as const, rubricId: r.id, title: c.title }))),
    ];
    const candidates: CandidateResult[] = [];
    for (const script of loaded.scripts) {
      const state = this.stateOf(loaded, script);
      const settling = state.settledBy === 'single' ? [1] : state.settledBy === 'agreement' ? [1, 2] : state.settledBy === 'third-reading' ? [THIRD_READING] : [];
      const decisions: FinalDecision[] = criteria.map((head) => {
        const from = settling.map((n) => state.decisions.get(n)!.find((d) => d.key === head.key)!);
        return this.finalDecision(head, from, settling);
      });
      candidates.push({
        candidateId: script.candidate.id,
        code: formatCode(script.candidate.code),
        ...(names ? { fullName: names.get(script.candidate.id) ?? null } : {}),
        absent: false,
        status: state.status,
        settledBy: state.settledBy,
        decisions,
        readings: script.readings.filter((r) => r.finishedAt !== null).map((r) => this.readingView(loaded, script, r)),
        disagreements: state.disagreements,
      });
    }
    for (const c of loaded.absent) {
      candidates.push({
        candidateId: c.id,
        code: formatCode(c.code),
        ...(names ? { fullName: names.get(c.id) ?? null } : {}),
        absent: true,
        status: 'absent',
        settledBy: null,
        decisions: criteria.map((head) => ({ key: head.key, kind: head.kind, rubricId: head.rubricId, title: head.title, reached: null, fromReadings: [] })),
        readings: [],
        disagreements: [],
      });
    }
    const cefr = [...model.reading, ...model.writing].flatMap((r) => r.cefr.map((c) => ({ rubricId: r.id, scale: c.scale, level: c.level })));
    return {
      session: {
        id: session.id,
        title: session.title,
        code: formatCode(session.code),
        room: session.room,
        packId: session.packId,
        startedAt: session.startedAt,
        endedAt: session.endedAt,
        doubleMarking: session.doubleMarking,
        gradingClosedAt: session.gradingClosedAt,
      },
      pack: { title: pack.title, certification: pack.certification, cefr },
      criteria,
      candidates,
      agreement: agreementRows(loaded),
      named: options.named,
      generatedAt: now,
    };
  }

  private finalDecision(head: { key: string; kind: Decision['kind']; rubricId: string; title: FinalDecision['title'] }, from: Decision[], readings: number[]): FinalDecision {
    const base: FinalDecision = { key: head.key, kind: head.kind, rubricId: head.rubricId, title: head.title, reached: from.length ? from[0]!.reached : null, fromReadings: readings };
    if (from.length === 0) return base;
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    const first = from[0]!.evidence;
    if (first.kind === 'reading') {
      const ev = from.map((d) => d.evidence).filter((e) => e.kind === 'reading');
      return { ...base, keyPointShare: mean(ev.map((e) => e.share)), misunderstandings: mean(ev.map((e) => e.misunderstandings)) };
    }
    if (first.kind === 'writing') {
      const ev = from.map((d) => d.evidence).filter((e) => e.kind === 'writing');
      return { ...base, bands: Object.fromEntries(Object.keys(first.bands).map((c) => [c, mean(ev.map((e) => e.bands[c] ?? 0))])) };
    }
    return { ...base, judgement: first.judgement };
  }

  private actorFields(actor: Actor): { actorKind: 'account' | 'system'; actorId: number | null } {
    return actor.kind === 'account' ? { actorKind: 'account', actorId: actor.id } : { actorKind: 'system', actorId: null };
  }
}
