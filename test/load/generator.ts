import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { setNice, tsxLoader } from './server-process.js';
import type { AgentCommand, AgentInit, AgentReply, AgentResults, CandidateSpec, DashboardSpec } from './protocol.js';

// The orchestrator: forks agent processes (simulated kiosks split round-robin between them,
// and one process for the dashboards), sends them the same commands, and merges what they
// measured. Agents are separate processes so that, on two cores, the generator's own work is
// spread out and never shares an event loop with the server under test.

export interface GeneratorOptions {
  baseUrl: string;
  candidates: CandidateSpec[];
  dashboards?: DashboardSpec[];
  questionIds: string[];
  /** Processes simulating candidates (default 2). */
  agents?: number;
  textBytes?: [number, number];
  assumeRunning?: boolean;
  heartbeatMs?: number;
  maxInFlight?: number;
  /** Nice value for the agent processes (see StartOptions.priority). */
  priority?: number;
}

export interface PhaseResult {
  /** Wall-clock length of the phase, from the first `type` command to the next. */
  durationS: number;
  ack: Float64Array;
  events: Float64Array;
  sent: number;
  acked: number;
  savesPerS: number;
  agentLagP99: number | null;
}

export interface GeneratorResults {
  phases: Record<string, PhaseResult>;
  logins: Record<string, Float64Array>;
  ready: Record<string, Float64Array>;
  attemptAfterStart: Float64Array;
  examShown: { sessionCode: string; at: number }[];
  errors: Record<string, number>;
  errorCount: number;
  unacked: number;
  /** Triplets (candidateId, question index, highest acknowledged revision). */
  acked: Int32Array;
  dashboardsConnected: number;
  dashboardsRefused: number;
  dashboardRefusal: string | null;
}

const agentPath = fileURLToPath(new URL('./agent.ts', import.meta.url));

class AgentHandle {
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (r: AgentReply) => void; reject: (e: Error) => void }>();
  private readonly exited: Promise<void>;

  constructor(
    readonly child: ChildProcess,
    readonly role: AgentInit['role'],
  ) {
    child.on('message', ({ id, reply }: { id: number; reply: AgentReply }) => {
      const w = this.waiting.get(id);
      if (!w) return;
      this.waiting.delete(id);
      if (reply.reply === 'failed') w.reject(new Error(`load agent failed on ${reply.cmd}: ${reply.message}`));
      else w.resolve(reply);
    });
    this.exited = new Promise((resolve) =>
      child.once('exit', (code) => {
        for (const w of this.waiting.values()) w.reject(new Error(`load agent exited with ${code}`));
        this.waiting.clear();
        resolve();
      }),
    );
  }

  ask(command: AgentCommand): Promise<AgentReply> {
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      this.waiting.set(id, { resolve, reject });
      this.child.send({ id, command });
    });
  }

  async close(): Promise<void> {
    if (this.child.exitCode !== null) return;
    await this.ask({ cmd: 'close' }).catch(() => undefined);
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 3000);
    await this.exited;
    clearTimeout(timer);
  }
}

export class LoadGenerator {
  private phaseStarts: { name: string; at: number }[] = [];
  private stoppedAt: number | null = null;

  private constructor(
    private readonly candidateAgents: AgentHandle[],
    private readonly dashboardAgent: AgentHandle | null,
    private readonly total: number,
  ) {}

  static async start(options: GeneratorOptions): Promise<LoadGenerator> {
    const count = Math.max(1, Math.min(options.agents ?? 2, options.candidates.length || 1));
    const base: Omit<AgentInit, 'role' | 'candidates' | 'dashboards'> = {
      baseUrl: options.baseUrl,
      questionIds: options.questionIds,
      textBytes: options.textBytes ?? [1024, 4096],
      maxInFlight: options.maxInFlight ?? 50,
      assumeRunning: options.assumeRunning ?? false,
      heartbeatMs: options.heartbeatMs ?? 2000,
    };
    const spawn = (role: AgentInit['role']) => {
      const child = fork(agentPath, [], { execArgv: ['--import', tsxLoader], serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
      if (options.priority !== undefined) setNice(child.pid, options.priority);
      return new AgentHandle(child, role);
    };
    const agents = Array.from({ length: count }, () => spawn('candidates'));
    const dashboards = options.dashboards?.length ? spawn('dashboards') : null;
    const generator = new LoadGenerator(agents, dashboards, options.candidates.length);
    try {
      await Promise.all(
        agents.map((a, k) =>
          a.ask({ cmd: 'init', init: { ...base, role: 'candidates', candidates: options.candidates.filter((_, i) => i % count === k), dashboards: [] } }),
        ),
      );
      if (dashboards) await dashboards.ask({ cmd: 'init', init: { ...base, role: 'dashboards', candidates: [], dashboards: options.dashboards! } });
    } catch (err) {
      await generator.close();
      throw err;
    }
    return generator;
  }

  private get all(): AgentHandle[] {
    return this.dashboardAgent ? [...this.candidateAgents, this.dashboardAgent] : this.candidateAgents;
  }

  /**
   * Logs in candidates [from, to) of the list (default all): each at a random moment within
   * spreadMs (a storm), or as fast as `concurrency` logins at a time per agent allow.
   * Returns how many kiosks have their socket open.
   */
  async login(options: { phase: string; from?: number; to?: number; spreadMs?: number; concurrency?: number; fetchAttempt?: boolean }): Promise<number> {
    const from = options.from ?? 0;
    const to = options.to ?? this.total;
    const n = this.candidateAgents.length;
    const replies = await Promise.all(
      this.candidateAgents.map((a, k) =>
        a.ask({
          cmd: 'login',
          from: Math.max(0, Math.ceil((from - k) / n)),
          to: Math.max(0, Math.ceil((to - k) / n)),
          spreadMs: options.spreadMs ?? 0,
          concurrency: options.concurrency ?? 16,
          fetchAttempt: options.fetchAttempt ?? true,
          phase: options.phase,
        }),
      ),
    );
    return replies.reduce((sum, r) => sum + (r.reply === 'ok' ? (r.detail?.connected ?? 0) : 0), 0);
  }

  async connectDashboards(phase: string): Promise<{ connected: number; refused: number }> {
    if (!this.dashboardAgent) return { connected: 0, refused: 0 };
    const r = await this.dashboardAgent.ask({ cmd: 'connect-dashboards', phase });
    return { connected: r.reply === 'ok' ? (r.detail?.connected ?? 0) : 0, refused: r.reply === 'ok' ? (r.detail?.refused ?? 0) : 0 };
  }

  /** From now on every candidate saves every [min, max] ms, counted under `phase`. */
  async type(phase: string, intervalMs: [number, number]): Promise<void> {
    this.phaseStarts.push({ name: phase, at: performance.now() });
    this.stoppedAt = null;
    await Promise.all(this.all.map((a) => a.ask({ cmd: 'type', phase, intervalMs })));
  }

  async stopTyping(): Promise<void> {
    this.stoppedAt = performance.now();
    await Promise.all(this.all.map((a) => a.ask({ cmd: 'stop-typing' })));
  }

  /** Waits for the acknowledgements of saves in flight; returns how many are still missing. */
  async drain(timeoutMs = 10_000): Promise<number> {
    const replies = await Promise.all(this.candidateAgents.map((a) => a.ask({ cmd: 'drain', timeoutMs })));
    return replies.reduce((sum, r) => sum + (r.reply === 'ok' ? (r.detail?.pending ?? 0) : 0), 0);
  }

  async collect(): Promise<GeneratorResults> {
    const all = (await Promise.all(this.all.map((a) => a.ask({ cmd: 'collect' })))).map((r) => (r as Extract<AgentReply, { reply: 'results' }>).results);
    return this.merge(all);
  }

  async close(): Promise<void> {
    await Promise.all(this.all.map((a) => a.close()));
  }

  private merge(all: AgentResults[]): GeneratorResults {
    const concat = (arrays: Float64Array[]) => {
      const out = new Float64Array(arrays.reduce((n, a) => n + a.length, 0));
      let at = 0;
      for (const a of arrays) {
        out.set(a, at);
        at += a.length;
      }
      return out;
    };
    const mergeRecords = (pick: (r: AgentResults) => Record<string, Float64Array>) => {
      const names = new Set(all.flatMap((r) => Object.keys(pick(r))));
      return Object.fromEntries([...names].map((name) => [name, concat(all.map((r) => pick(r)[name] ?? new Float64Array()))]));
    };
    const end = this.stoppedAt ?? performance.now();
    const phases: Record<string, PhaseResult> = {};
    this.phaseStarts.forEach((p, i) => {
      const until = this.phaseStarts[i + 1]?.at ?? end;
      const durationS = Math.max(0.001, (until - p.at) / 1000);
      const parts = all.map((r) => r.phases[p.name]).filter((x) => x !== undefined);
      const acked = parts.reduce((n, x) => n + x.acked, 0);
      const lags = parts.map((x) => x.agentLagP99).filter((x): x is number => x !== null);
      phases[p.name] = {
        durationS,
        ack: concat(parts.map((x) => x.ack)),
        events: concat(parts.map((x) => x.events)),
        sent: parts.reduce((n, x) => n + x.sent, 0),
        acked,
        savesPerS: acked / durationS,
        agentLagP99: lags.length ? Math.max(...lags) : null,
      };
    });
    const errors: Record<string, number> = {};
    for (const r of all) for (const [k, v] of Object.entries(r.errors)) errors[k] = (errors[k] ?? 0) + v;
    const acked = new Int32Array(all.reduce((n, r) => n + r.acked.length, 0));
    let at = 0;
    for (const r of all) {
      acked.set(r.acked, at);
      at += r.acked.length;
    }
    return {
      phases,
      logins: mergeRecords((r) => r.logins),
      ready: mergeRecords((r) => r.ready),
      attemptAfterStart: concat(all.map((r) => r.attemptAfterStart)),
      examShown: all.flatMap((r) => r.examShown),
      errors,
      errorCount: Object.values(errors).reduce((n, v) => n + v, 0),
      unacked: all.reduce((n, r) => n + r.unacked, 0),
      acked,
      dashboardsConnected: all.reduce((n, r) => n + r.dashboardsConnected, 0),
      dashboardsRefused: all.reduce((n, r) => n + r.dashboardsRefused, 0),
      dashboardRefusal: all.map((r) => r.dashboardRefusal).find((x) => x !== null) ?? null,
    };
  }
}
