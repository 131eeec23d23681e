import { sqliteTable, integer, text, primaryKey, index } from 'drizzle-orm/sqlite-core';
import { epochMs } from './columns.js';
import { candidates } from './exam-sessions.js';

/** The latest acknowledged text of each answer. `revision` only ever grows. */
export const answers = sqliteTable(
  'answers',
  {
    candidateId: integer('candidate_id').notNull().references(() => candidates.id),
    questionId: text('question_id').notNull(),
    text: text('text').notNull(),
    revision: integer('revision').notNull(),
    wordCount: integer('word_count').notNull(),
    savedAt: epochMs('saved_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.candidateId, t.questionId] })],
);

/** Saves that arrived after the deadline and its grace: refused to the client, kept here, flagged. */
export const lateSaves = sqliteTable(
  'late_saves',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    candidateId: integer('candidate_id').notNull().references(() => candidates.id),
    questionId: text('question_id').notNull(),
    revision: integer('revision').notNull(),
    text: text('text').notNull(),
    receivedAt: epochMs('received_at').notNull(),
  },
  (t) => [index('late_saves_candidate').on(t.candidateId)],
);

/**
 * Every save that changed an answer, without its text (the answer row keeps the latest): when it
 * arrived and how many words it held. The timing figures per question (first keystroke, time
 * spent, when answers stop growing) are read from it (server/grading/statistics/timing-*.ts).
 */
export const answerSaves = sqliteTable(
  'answer_saves',
  {
    candidateId: integer('candidate_id').notNull().references(() => candidates.id),
    questionId: text('question_id').notNull(),
    revision: integer('revision').notNull(),
    wordCount: integer('word_count').notNull(),
    savedAt: epochMs('saved_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.candidateId, t.questionId, t.revision] })],
);
