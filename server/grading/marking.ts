// Marks: a corrector's judgement of one answer, and of a whole script. They are saved like answers:
// with a revision, by the revision rule of answers (judgeRevision), acknowledged once committed.
import { transaction } from '../db/connection.js';
import type { LecternDb } from '../db/open-database.js';
import type { AuditLog } from '../audit/audit-log.js';
import { userError } from '../errors.js';
import { judgeRevision } from '../contract/rules/revision.js';
import { validateAnswerMark, validateScriptMark, type AnswerMark, type ScriptMark } from './rubric-model.js';
import type { MarksRepository } from './marks.repo.js';
import type { GradingPacks } from './grading-packs.js';
import { requireOpen, type GradingAccess } from './grading-access.js';
import type { ExamSessionRow } from './exam-lookup.js';
import type { MarkSaveResult } from '../contract/grading.js';

export interface AnswerMarkInput extends AnswerMark {
  candidateId: number;
  questionId: string;
  revision: number;
}

export interface ScriptMarkInput extends ScriptMark {
  candidateId: number;
  revision: number;
}

/** A mark as text with its keys sorted, so that the same judgements compare equal whatever their order. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b))) : v,
  );

/**
 * The revision rule of answers (judgeRevision), for marks: the mark's canonical JSON stands for the
 * answer's text. null means "write it", otherwise the answer to give without writing.
 */
export function judgeMark(stored: { revision: number; updatedAt: number; mark: unknown } | undefined, revision: number, mark: unknown): MarkSaveResult | null {
  const verdict = judgeRevision(stored && { revision: stored.revision, text: canonical(stored.mark) }, { revision, text: canonical(mark) });
  if (verdict === 'apply' || !stored) return null;
  return { outcome: verdict, revision: stored.revision, updatedAt: stored.updatedAt };
}

export class Marking {
  constructor(
    private readonly db: LecternDb,
    private readonly audit: AuditLog,
    private readonly access: GradingAccess,
    private readonly packs: GradingPacks,
    private readonly marks: MarksRepository,
  ) {}

  saveAnswerMark(sessionId: number, accountId: number, input: AnswerMarkInput, now = Date.now()): MarkSaveResult {
    const { session, reading } = this.requireWritable(sessionId, accountId, input.candidateId);
    const mark: AnswerMark = { keyPoints: input.keyPoints, interpretation: input.interpretation, comment: input.comment };
    validateAnswerMark(this.packs.model(session.packId), input.questionId, mark);
    return transaction(this.db, (): MarkSaveResult => {
      const stored = this.marks.answerMark(input.candidateId, input.questionId, accountId);
      const verdict = judgeMark(stored && { ...stored, mark: { keyPoints: stored.keyPoints, interpretation: stored.interpretation, comment: stored.comment } }, input.revision, mark);
      if (verdict) return verdict;
      this.marks.saveAnswerMark({ candidateId: input.candidateId, questionId: input.questionId, correctorId: accountId, ...mark, revision: input.revision, updatedAt: now });
      this.audit.append(
        { actorKind: 'account', actorId: accountId, sessionId, action: 'grading.answer-marked', detail: { candidateId: input.candidateId, questionId: input.questionId, reading, revision: input.revision } },
        now,
      );
      return { outcome: 'stored', revision: input.revision, updatedAt: now };
    })();
  }

  saveScriptMark(sessionId: number, accountId: number, input: ScriptMarkInput, now = Date.now()): MarkSaveResult {
    const { session, reading } = this.requireWritable(sessionId, accountId, input.candidateId);
    const mark: ScriptMark = { writing: input.writing, competence: input.competence, comment: input.comment };
    validateScriptMark(this.packs.model(session.packId), mark);
    return transaction(this.db, (): MarkSaveResult => {
      const stored = this.marks.scriptMark(input.candidateId, accountId);
      const verdict = judgeMark(stored && { ...stored, mark: { writing: stored.writing, competence: stored.competence, comment: stored.comment } }, input.revision, mark);
      if (verdict) return verdict;
      this.marks.saveScriptMark({ candidateId: input.candidateId, correctorId: accountId, ...mark, revision: input.revision, updatedAt: now });
      this.audit.append(
        { actorKind: 'account', actorId: accountId, sessionId, action: 'grading.script-marked', detail: { candidateId: input.candidateId, reading, revision: input.revision } },
        now,
      );
      return { outcome: 'stored', revision: input.revision, updatedAt: now };
    })();
  }

  /** The session and the corrector's reading number, when they may still change a mark of this script. */
  private requireWritable(sessionId: number, accountId: number, candidateId: number): { session: ExamSessionRow; reading: number } {
    const session = this.access.requireCorrectorOf(sessionId, accountId);
    requireOpen(session);
    const assignment = this.access.requireScriptOf(session, candidateId, accountId);
    if (assignment.finishedAt !== null) throw userError(409, 'reading-finished', 'You have finished this script: reopen it before changing a mark.');
    return { session, reading: assignment.reading };
  }
}
