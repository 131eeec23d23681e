import { sqliteTable, integer, text, primaryKey, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { epochMs } from './columns.js';
import { accounts } from './accounts.js';
import { candidates } from './exam-sessions.js';
import {
  competenceJudgements,
  interpretationJudgements,
  keyPointJudgements,
  type CompetenceJudgement,
  type KeyPointJudgement,
} from '../../contract/rules/rubric-scales.js';

// The scales are the contract's (the grading view offers the same levels): the columns take them.
export { competenceJudgements, interpretationJudgements, keyPointJudgements };
export type { CompetenceJudgement, InterpretationJudgement, KeyPointJudgement } from '../../contract/rules/rubric-scales.js';

/** Readings of a script: 1 and 2 are independent (double marking), 3 settles a disagreement. */
export const THIRD_READING = 3;

/** Which reading a corrector does for a script: first, second (double marking) or third (settles). */
export const gradingAssignments = sqliteTable(
  'grading_assignments',
  {
    candidateId: integer('candidate_id').notNull().references(() => candidates.id),
    correctorId: integer('corrector_id').notNull().references(() => accounts.id),
    reading: integer('reading').notNull(),
    assignedAt: epochMs('assigned_at').notNull(),
    finishedAt: epochMs('finished_at'),
  },
  (t) => [
    primaryKey({ columns: [t.candidateId, t.correctorId] }),
    // A script has at most one first, one second and one third reading.
    uniqueIndex('grading_assignments_reading').on(t.candidateId, t.reading),
    index('grading_assignments_corrector').on(t.correctorId),
  ],
);

/** One corrector's judgement of one answer against the reading rubric (and competence criteria). */
export const answerMarks = sqliteTable(
  'answer_marks',
  {
    candidateId: integer('candidate_id').notNull().references(() => candidates.id),
    questionId: text('question_id').notNull(),
    correctorId: integer('corrector_id').notNull().references(() => accounts.id),
    keyPoints: text('key_points', { mode: 'json' }).$type<Record<string, KeyPointJudgement>>().notNull(),
    interpretation: text('interpretation', { enum: interpretationJudgements }),
    comment: text('comment').notNull().default(''),
    revision: integer('revision').notNull(),
    updatedAt: epochMs('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.candidateId, t.questionId, t.correctorId] })],
);

/** One corrector's judgement of a whole script: writing bands and competence criteria. */
export const scriptMarks = sqliteTable(
  'script_marks',
  {
    candidateId: integer('candidate_id').notNull().references(() => candidates.id),
    correctorId: integer('corrector_id').notNull().references(() => accounts.id),
    /** Band 0..5 per writing rubric, then per criterion: { "writing-b1": { "task": 3, ... } }. */
    writingBands: text('writing_bands', { mode: 'json' }).$type<Record<string, Record<string, number>>>().notNull(),
    /** Judgement per competence rubric, then per criterion. */
    competence: text('competence', { mode: 'json' }).$type<Record<string, Record<string, CompetenceJudgement>>>().notNull(),
    comment: text('comment').notNull().default(''),
    revision: integer('revision').notNull(),
    updatedAt: epochMs('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.candidateId, t.correctorId] })],
);
