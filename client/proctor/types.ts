// The types the dashboard shares with the server, in one import.
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
} from '../../server/proctor/dashboard-protocol.js';
export type { SessionState } from '../../server/live/protocol.js';
