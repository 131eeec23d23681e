import { sqliteTable, integer, text } from 'drizzle-orm/sqlite-core';
import { epochMs } from './columns.js';
import { candidates, examSessions } from './exam-sessions.js';

/**
 * The fallback file's key of each attempt (issue 10, item 4): AES-256-GCM, random, issued at the
 * candidate's first login and given to the kiosk with the attempt. It is in every backup taken
 * after that login, so a restored or replacement server can open the files the kiosks saved.
 */
export const fallbackKeys = sqliteTable('fallback_keys', {
  candidateId: integer('candidate_id').primaryKey().references(() => candidates.id),
  /** The raw 32-byte key, base64. */
  key: text('key').notNull(),
  issuedAt: epochMs('issued_at').notNull(),
});

/**
 * The session's proctor code for the fallback file: the proctor types it on a kiosk to save the
 * candidate's answers at any time. Issued with the session's first candidate login; the kiosk only
 * holds a salted digest of it (it must be checked while the server is unreachable).
 */
export const fallbackProctorCodes = sqliteTable('fallback_proctor_codes', {
  sessionId: integer('session_id').primaryKey().references(() => examSessions.id),
  code: text('code').notNull(),
  salt: text('salt').notNull(),
  issuedAt: epochMs('issued_at').notNull(),
});
