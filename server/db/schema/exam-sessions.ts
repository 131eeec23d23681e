import { sqliteTable, integer, text, index, uniqueIndex, primaryKey } from 'drizzle-orm/sqlite-core';
import { epochMs } from './columns.js';
import { accounts } from './accounts.js';

export const examSessionStates = ['waiting', 'running', 'paused', 'ended'] as const;
export type ExamSessionState = (typeof examSessionStates)[number];

/** One sitting of one pack in one room. */
export const examSessions = sqliteTable('exam_sessions', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  /** Typed by candidates at login: short, unambiguous, unique. */
  code: text('code').notNull().unique(),
  packId: text('pack_id').notNull(),
  /** The pack's digest when the session was created: the content a session ran is provable. */
  packDigest: text('pack_digest').notNull(),
  /** The form of the pack the session runs (docs/forms.md); null for a pack with a single form. */
  formId: text('form_id'),
  /** A pilot tries the questions out: graded as usual, never in the jury export or report. */
  pilot: integer('pilot', { mode: 'boolean' }).notNull().default(false),
  title: text('title').notNull(),
  room: text('room').notNull().default(''),
  /** When the session is planned to start (the convocation's date and time); null for one opened on the spot. */
  scheduledAt: epochMs('scheduled_at'),
  state: text('state', { enum: examSessionStates }).notNull().default('waiting'),
  durationMs: integer('duration_ms').notNull(),
  startedAt: epochMs('started_at'),
  endedAt: epochMs('ended_at'),
  /** Two independent correctors per script. */
  doubleMarking: integer('double_marking', { mode: 'boolean' }).notNull().default(false),
  gradingClosedAt: epochMs('grading_closed_at'),
  /** Optional Safe Exam Browser Config Key (hex); when set, kiosk requests must carry the matching header. */
  sebConfigKey: text('seb_config_key'),
  createdBy: integer('created_by').references(() => accounts.id),
  createdAt: epochMs('created_at').notNull(),
});

export const sessionStaffRoles = ['proctor', 'corrector'] as const;

/** Which proctors supervise and which correctors grade a session. */
export const sessionStaff = sqliteTable(
  'session_staff',
  {
    sessionId: integer('session_id').notNull().references(() => examSessions.id),
    accountId: integer('account_id').notNull().references(() => accounts.id),
    role: text('role', { enum: sessionStaffRoles }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.accountId, t.role] })],
);

export const submitKinds = ['candidate', 'deadline', 'proctor'] as const;

/** A candidate's attempt at a session: one row per candidate code. */
export const candidates = sqliteTable(
  'candidates',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    sessionId: integer('session_id').notNull().references(() => examSessions.id),
    /** Printed on the login slip; stored normalised (upper case, no separator). */
    code: text('code').notNull(),
    workstation: text('workstation'),
    noticeAcknowledgedAt: epochMs('notice_acknowledged_at'),
    lockedAt: epochMs('locked_at'),
    absentAt: epochMs('absent_at'),
    submittedAt: epochMs('submitted_at'),
    submitKind: text('submit_kind', { enum: submitKinds }),
    /** SHA-256 of the submitted answers, shown on the candidate's receipt. */
    receiptDigest: text('receipt_digest'),
  },
  (t) => [uniqueIndex('candidates_session_code').on(t.sessionId, t.code), index('candidates_session').on(t.sessionId)],
);

/**
 * Names live apart from candidate codes so that grading stays anonymous:
 * only the jury export, run by an admin after grading is closed, joins them.
 */
export const candidateIdentities = sqliteTable('candidate_identities', {
  candidateId: integer('candidate_id').primaryKey().references(() => candidates.id),
  fullName: text('full_name').notNull(),
  /** From the centre's list (CSV import): kept apart so the list can be exported back as it came. */
  lastName: text('last_name'),
  firstName: text('first_name'),
  /** The centre's own candidate number (not the login code). */
  candidateNumber: text('candidate_number'),
});

/** Pauses of the whole room (candidateId null) or of one candidate. An open pause has no endedAt. */
export const pauses = sqliteTable(
  'pauses',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    sessionId: integer('session_id').notNull().references(() => examSessions.id),
    candidateId: integer('candidate_id').references(() => candidates.id),
    startedAt: epochMs('started_at').notNull(),
    endedAt: epochMs('ended_at'),
    reason: text('reason').notNull().default(''),
    createdBy: integer('created_by').references(() => accounts.id),
  },
  (t) => [index('pauses_session').on(t.sessionId)],
);

export const extensionKinds = ['accommodation', 'incident'] as const;

/** Extra time for one candidate: an accommodation set beforehand, or incident time with a reason. */
export const timeExtensions = sqliteTable(
  'time_extensions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    sessionId: integer('session_id').notNull().references(() => examSessions.id),
    candidateId: integer('candidate_id').notNull().references(() => candidates.id),
    durationMs: integer('duration_ms').notNull(),
    kind: text('kind', { enum: extensionKinds }).notNull(),
    reason: text('reason').notNull(),
    createdBy: integer('created_by').references(() => accounts.id),
    createdAt: epochMs('created_at').notNull(),
  },
  (t) => [index('time_extensions_candidate').on(t.candidateId)],
);
