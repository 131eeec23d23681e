// What the session report (procès-verbal) holds: the shape the builder fills and the HTML page
// and CSV files render.

export interface ReportCandidate {
  candidateId: number;
  code: string;
  workstation: string | null;
  /** Logged in at least once and not marked absent. */
  present: boolean;
  absentMarkedAt: number | null;
  firstLoginAt: number | null;
  moves: { at: number; from: string | null; to: string }[];
  submittedAt: number | null;
  submitKind: 'candidate' | 'deadline' | 'proctor' | null;
  receiptDigest: string | null;
  extraMs: number;
  answered: number;
  words: number;
  lateSaves: number;
  /** Supervision events by kind. */
  events: Record<string, number>;
  /** Total time away from the page (focus lost), from the kiosk's measurements. */
  focusAwayMs: number;
  pastes: { document: number; ownAnswer: number; outside: number; outsideChars: number };
  incidents: number;
}

export interface SessionReport {
  generatedAt: number;
  timeZone: string;
  session: {
    id: number;
    code: string;
    title: string;
    room: string;
    state: string;
    packId: string;
    packTitle: { fr: string; en: string };
    packDigest: string;
    durationMs: number;
    createdAt: number;
    startedAt: number | null;
    endedAt: number | null;
    sebConfigKeySet: boolean;
  };
  proctors: { name: string; username: string }[];
  pauses: { candidateId: number | null; candidateCode: string | null; startedAt: number; endedAt: number | null; reason: string; by: string | null }[];
  extensions: { candidateId: number; candidateCode: string; at: number; durationMs: number; kind: string; reason: string; by: string | null }[];
  incidents: { id: number; at: number; candidateId: number | null; candidateCode: string | null; text: string; by: string | null }[];
  messages: { id: number; sentAt: number; candidateCode: string | null; text: string; recipients: number; acknowledged: number; by: string | null }[];
  actions: { at: number; by: string | null; action: string; candidateCode: string | null; detail: Record<string, unknown> }[];
  candidates: ReportCandidate[];
  totals: { candidates: number; present: number; absent: number; submitted: number; events: Record<string, number> };
  audit: {
    /** Hash of the audit row that ended the session: the log's digest at closing. Null before the end. */
    closingDigest: string | null;
    closingAt: number | null;
    /** The chain's head now, and whether the whole chain verifies. */
    headDigest: string;
    rows: number;
    intact: boolean;
    brokenAt: number | null;
  };
}
