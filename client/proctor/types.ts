// The types the dashboard shares with the server, in one import: the contract's.
export type {
  CandidateTile,
  DashboardDelta,
  DashboardQuestion,
  DashboardSession,
  DashboardSnapshot,
  FeedItem,
  IncidentView,
  MessageSummary,
  ServerToStaff,
  StaffToServer,
} from '../../server/contract/staff-protocol.js';
export type { SessionState } from '../../server/contract/kiosk-protocol.js';
