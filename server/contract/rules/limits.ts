// Limits both sides enforce: the kiosk warns before the server refuses, with the same numbers.

/** Characters in one answer: a save longer than this is refused as too-long. */
export const MAX_ANSWER_CHARS = 50_000;
/** Bytes in one WebSocket frame: the socket refuses anything larger before parsing it. */
export const MAX_MESSAGE_BYTES = 256 * 1024;
/** From this length on, the candidate is warned that the limit is near. */
export const NEAR_LIMIT_CHARS = MAX_ANSWER_CHARS - 5_000;
/** Characters in a corrector's comment. */
export const MAX_COMMENT_CHARS = 4000;
