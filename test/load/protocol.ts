// Messages between the load orchestrator (generator.ts) and its agent processes (agent.ts).

export interface CandidateSpec {
  sessionCode: string;
  candidateCode: string;
  candidateId: number;
}

export interface DashboardSpec {
  cookie: string;
  sessionIds: number[];
}

export interface AgentInit {
  baseUrl: string;
  role: 'candidates' | 'dashboards';
  candidates: CandidateSpec[];
  dashboards: DashboardSpec[];
  questionIds: string[];
  /** Bytes of each saved answer, drawn uniformly in [min, max]. */
  textBytes: [number, number];
  /** Saves in flight for one candidate beyond which the next is skipped (counted as an error). */
  maxInFlight: number;
  /** The ceiling sends no clock: its candidates type as soon as their socket is open. */
  assumeRunning: boolean;
  heartbeatMs: number;
}

export type AgentCommand =
  | { cmd: 'init'; init: AgentInit }
  /** Log in candidates [from, to) of this agent, each at a random moment within spreadMs (0: as fast as `concurrency` allows). */
  | { cmd: 'login'; from: number; to: number; spreadMs: number; concurrency: number; fetchAttempt: boolean; phase: string }
  /** Saves sent from now on are counted under `phase`; each candidate saves every [min, max] ms. */
  | { cmd: 'type'; phase: string; intervalMs: [number, number] }
  | { cmd: 'stop-typing' }
  /** Waits until no save is in flight, or the timeout. */
  | { cmd: 'drain'; timeoutMs: number }
  /** Dashboards: open the sockets; latencies are counted under `phase`. */
  | { cmd: 'connect-dashboards'; phase: string }
  | { cmd: 'collect' }
  | { cmd: 'close' };

export interface PhaseFigures {
  /** Acknowledgement latencies (ms) of saves sent in this phase. */
  ack: Float64Array;
  sent: number;
  acked: number;
  /** Seconds between the phase's first and last send, for the throughput. */
  firstSendAt: number | null;
  lastSendAt: number | null;
  /** Event-loop delay of the agent during the phase (p99, ms): a busy generator inflates latencies. */
  agentLagP99: number | null;
  /** Dashboards: event latencies. */
  events: Float64Array;
}

export interface AgentResults {
  phases: Record<string, PhaseFigures>;
  /** Login round trips (POST /api/candidate/login), per login phase. */
  logins: Record<string, Float64Array>;
  /** Login, then GET /api/attempt, then the socket open: time until the kiosk is usable. */
  ready: Record<string, Float64Array>;
  /** GET /api/attempt after the session-started message. */
  attemptAfterStart: Float64Array;
  /** When each kiosk had the exam in hand after the start (epoch ms), with its session's code. */
  examShown: { sessionCode: string; at: number }[];
  errors: Record<string, number>;
  /** Saves still unacknowledged when collected. */
  unacked: number;
  /** Triplets (candidateId, question index, highest acknowledged revision). */
  acked: Int32Array;
  dashboardsConnected: number;
  dashboardsRefused: number;
  dashboardRefusal: string | null;
}

export type AgentReply =
  | { reply: 'ok'; cmd: AgentCommand['cmd']; detail?: Record<string, number> }
  | { reply: 'results'; results: AgentResults }
  | { reply: 'failed'; cmd: string; message: string };
