// The shapes the admin page reads from and sends to the server, in one import: the contract's.
export type { AccountView, PackList, PackSummary } from '../../server/contract/admin.js';
export type { NewCandidateLine, SessionDetail, SessionSummary } from '../../server/contract/sessions.js';
