// The shapes the admin page reads from and sends to the server, in one import: the contract's.
export type { AccountView, PackList, PackSummary, PasswordResetView, SessionsEndedView } from '../../server/contract/admin.js';
export type { CsvProblem, NewCandidateLine, SessionDetail, SessionSummary } from '../../server/contract/sessions.js';
