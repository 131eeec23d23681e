// Limits the server enforces, repeated here so no server module is bundled into the page;
// test/client/limits.test.ts checks they stay equal to server/live/protocol.ts.

/** Longest answer the server accepts, in UTF-16 code units (what textarea maxlength counts too). */
export const MAX_ANSWER_CHARS = 50_000;
/** From this length on, the candidate is warned that the limit is near. */
export const NEAR_LIMIT_CHARS = 45_000;
