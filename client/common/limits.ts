// The answer limits come from the contract, so the page and the server can never disagree.
export { MAX_ANSWER_CHARS, NEAR_LIMIT_CHARS } from '../../server/contract/rules/limits.js';
