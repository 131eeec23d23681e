// What the grading routes return. Types only, shared with the grading view (client/grading).
import type { CompetenceRubric, KeyPoint, Localized, ReadingRubric, WritingRubric } from '../content/pack-types.js';
import type { AgreementFigures } from './agreement.js';
import type { Decision, Disagreement } from './decisions.js';
import type { OverlapReport } from './overlap.js';
import type { Passage } from './document-text.js';
import type { AnswerMark, ScriptMark } from './rubric-model.js';

export type { AnswerMark, ScriptMark, Decision, Disagreement, OverlapReport, Passage, AgreementFigures };

/**
 * - unassigned: not every reading it needs has a corrector yet;
 * - in-progress: a reading is not finished;
 * - needs-third-reading: the two readings disagree and no third reader is chosen;
 * - third-reading: the third reader has not finished;
 * - settled: its result is known.
 */
export type ScriptStatus = 'unassigned' | 'in-progress' | 'needs-third-reading' | 'third-reading' | 'settled';
export type SettledBy = 'single' | 'agreement' | 'third-reading';

export interface GradingSessionSummary {
  id: number;
  title: string;
  packId: string;
  state: string;
  endedAt: number | null;
  doubleMarking: boolean;
  gradingClosedAt: number | null;
  scripts: number;
  /** For a corrector: their readings; for an admin: every reading. */
  readingsAssigned: number;
  readingsFinished: number;
  settled: number;
}

export interface QuestionView {
  id: string;
  promptHtml: string;
  keyPoints: KeyPoint[];
  targetWords: number;
  passage: Passage | null;
}

export interface SectionView {
  id: string;
  title: Localized;
  answerLanguage: 'en' | 'fr';
  readingRubricId: string | null;
  questions: QuestionView[];
}

export interface StoredAnswerMark extends AnswerMark {
  revision: number;
  updatedAt: number;
}

export interface StoredScriptMark extends ScriptMark {
  revision: number;
  updatedAt: number;
}

export interface AnswerView {
  questionId: string;
  text: string;
  words: number;
  overlap: OverlapReport;
}

export interface ScriptView {
  candidateId: number;
  /** The candidate code as printed: the only name a corrector ever sees. */
  code: string;
  reading: number;
  finishedAt: number | null;
  /** True once the other readings of this script may be shown to this corrector. */
  othersVisible: boolean;
  answers: AnswerView[];
  marks: { answers: Record<string, StoredAnswerMark>; script: StoredScriptMark | null };
}

export interface WorkspaceView {
  session: { id: number; title: string; packId: string; state: string; doubleMarking: boolean; gradingClosedAt: number | null };
  corrector: { accountId: number; displayName: string };
  pack: {
    title: Localized;
    certification: Localized;
    sections: SectionView[];
    rubrics: { reading: ReadingRubric[]; writing: WritingRubric[]; competence: CompetenceRubric[] };
  };
  scripts: ScriptView[];
  /** Why there is nothing to grade yet, if so. */
  notice: 'session-not-ended' | 'not-distributed' | null;
}

export interface ReadingView {
  reading: number;
  corrector: string;
  finishedAt: number | null;
  answers: Record<string, AnswerMark>;
  script: ScriptMark | null;
  decisions: Decision[];
}

export interface ReadingsView {
  candidateId: number;
  code: string;
  readings: ReadingView[];
  disagreements: Disagreement[];
}

export interface MarkSaveResult {
  /** stored: written; duplicate: already held; stale: a newer revision is held; conflict: this revision is held with other content. */
  outcome: 'stored' | 'duplicate' | 'stale' | 'conflict';
  /** The revision the server holds after this request. */
  revision: number;
  updatedAt: number;
}

export interface ReaderView {
  reading: number;
  correctorId: number;
  corrector: string;
  finishedAt: number | null;
  /** Judgements made / judgements needed. */
  judged: number;
  needed: number;
}

export interface OverviewScript {
  candidateId: number;
  code: string;
  status: ScriptStatus;
  readers: ReaderView[];
  disagreements: Disagreement[];
}

export interface AgreementRow {
  key: string;
  title: Localized;
  levels: number;
  figures: AgreementFigures;
}

export interface OverviewView {
  session: GradingSessionSummary;
  correctors: { id: number; username: string; displayName: string; onSession: boolean }[];
  scripts: OverviewScript[];
  absent: { candidateId: number; code: string }[];
  counts: Record<ScriptStatus, number>;
  agreement: AgreementRow[];
  /** Scripts may be shared out again only until the first grade. */
  canDistribute: boolean;
}

export interface FinalDecision {
  key: string;
  kind: Decision['kind'];
  rubricId: string;
  title: Localized;
  /** null until the script is settled. */
  reached: boolean | null;
  /** Readings whose marks give this decision. */
  fromReadings: number[];
  /** Reading: mean key-point share and misunderstandings of those readings; writing: band per criterion (mean of agreeing readers). */
  keyPointShare?: number;
  misunderstandings?: number;
  bands?: Record<string, number>;
  judgement?: string | null;
}

export interface CandidateResult {
  candidateId: number;
  code: string;
  /** Only in the jury export, after grading is closed. */
  fullName?: string | null;
  absent: boolean;
  status: ScriptStatus | 'absent';
  settledBy: SettledBy | null;
  decisions: FinalDecision[];
  readings: ReadingView[];
  disagreements: Disagreement[];
}

export interface CriterionHead {
  key: string;
  kind: Decision['kind'];
  rubricId: string;
  title: Localized;
  /** Writing criteria (id and title) of a writing rubric. */
  criteria?: { id: string; title: Localized }[];
}

export interface ResultsView {
  session: { id: number; title: string; code: string; room: string; packId: string; startedAt: number | null; endedAt: number | null; doubleMarking: boolean; gradingClosedAt: number | null };
  pack: { title: Localized; certification: Localized; cefr: { rubricId: string; scale: string; level: string }[] };
  criteria: CriterionHead[];
  candidates: CandidateResult[];
  agreement: AgreementRow[];
  /** True when names are joined (the jury export). */
  named: boolean;
  generatedAt: number;
}
