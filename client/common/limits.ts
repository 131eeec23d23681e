import { MAX_ANSWER_CHARS } from '../../server/live/protocol.js';

// The server's limit comes from the protocol module itself (it has no Node import), so the
// page and the server can never disagree.
export { MAX_ANSWER_CHARS };
/** From this length on, the candidate is warned that the limit is near. */
export const NEAR_LIMIT_CHARS = MAX_ANSWER_CHARS - 5_000;
