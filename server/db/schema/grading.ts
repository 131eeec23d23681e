import { sqliteTable, integer, text, primaryKey } from 'drizzle-orm/sqlite-core';
import { epochMs } from './columns.js';
import { accounts } from './accounts.js';
import { candidates } from './exam-sessions.js';

export const keyPointJudgements = ['found', 'partly', 'missing'] as const;
export const interpretationJudgements = ['correct', 'partial', 'misunderstanding'] as const;
export const competenceJudgements = ['met', 'partly', 'notMet'] as const;

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
  (t) => [primaryKey({ columns: [t.candidateId, t.correctorId] })],
);

/** One corrector's judgement of one answer against the reading rubric (and competence criteria). */
export const answerMarks = sqliteTable(
  'answer_marks',
  {
    candidateId: integer('candidate_id').notNull().references(() => candidates.id),
    questionId: text('question_id').notNull(),
    correctorId: integer('corrector_id').notNull().references(() => accounts.id),
    keyPoints: text('key_points', { mode: 'json' }).$type<Record<string, (typeof keyPointJudgements)[number]>>().notNull(),
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
    writingBands: text('writing_bands', { mode: 'json' }).$type<Record<string, number>>().notNull(),
    competence: text('competence', { mode: 'json' }).$type<Record<string, (typeof competenceJudgements)[number]>>().notNull(),
    comment: text('comment').notNull().default(''),
    revision: integer('revision').notNull(),
    updatedAt: epochMs('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.candidateId, t.correctorId] })],
);
