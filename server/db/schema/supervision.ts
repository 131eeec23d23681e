import { sqliteTable, integer, text, index, primaryKey } from 'drizzle-orm/sqlite-core';
import { epochMs } from './columns.js';
import { accounts } from './accounts.js';
import { candidates, examSessions } from './exam-sessions.js';

/** What the kiosk and the server observe during the exam, with the server's time. */
export const supervisionEvents = sqliteTable(
  'supervision_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    sessionId: integer('session_id').notNull().references(() => examSessions.id),
    candidateId: integer('candidate_id').references(() => candidates.id),
    kind: text('kind').notNull(),
    detail: text('detail', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    at: epochMs('at').notNull(),
  },
  (t) => [index('supervision_events_session').on(t.sessionId, t.at)],
);

/** Incidents written by the proctor, for the session report. */
export const incidents = sqliteTable('incidents', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  sessionId: integer('session_id').notNull().references(() => examSessions.id),
  candidateId: integer('candidate_id').references(() => candidates.id),
  at: epochMs('at').notNull(),
  text: text('text').notNull(),
  createdBy: integer('created_by').references(() => accounts.id),
});

/** Proctor messages to the whole room (candidateId null) or one candidate. */
export const proctorMessages = sqliteTable('proctor_messages', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  sessionId: integer('session_id').notNull().references(() => examSessions.id),
  candidateId: integer('candidate_id').references(() => candidates.id),
  text: text('text').notNull(),
  sentBy: integer('sent_by').references(() => accounts.id),
  sentAt: epochMs('sent_at').notNull(),
});

export const messageAcknowledgements = sqliteTable(
  'message_acknowledgements',
  {
    messageId: integer('message_id').notNull().references(() => proctorMessages.id),
    candidateId: integer('candidate_id').notNull().references(() => candidates.id),
    acknowledgedAt: epochMs('acknowledged_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.messageId, t.candidateId] })],
);
