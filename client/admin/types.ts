// The shapes the admin page reads from the server (see server/routes/admin-routes.ts and session-routes.ts).
import type { Localized } from '../../server/content/pack-types.js';

export interface PackSummary {
  id: string;
  title: Localized;
  certification: Localized;
  durationMinutes: number;
  sections: number;
  questions: number;
  digest: string;
}

export interface PackList {
  packs: PackSummary[];
  problems: { file: string; line: number; message: string }[];
}

export interface SessionSummary {
  id: number;
  code: string;
  title: string;
  room: string;
  packId: string;
  state: 'waiting' | 'running' | 'paused' | 'ended';
  durationMs: number;
  startedAt: number | null;
  endedAt: number | null;
  candidateCount: number;
}

export interface SessionDetail extends SessionSummary {
  candidates: { id: number; code: string; workstation: string | null; submittedAt: number | null; absent: boolean }[];
}

export interface AccountView {
  id: number;
  username: string;
  displayName: string;
  role: 'admin' | 'proctor' | 'corrector';
  disabled: boolean;
}

export interface NewCandidateLine {
  workstation?: string;
  fullName?: string;
  accommodationMinutes?: number;
}
