// One load-generator process: simulated candidates (log in, open the kiosk socket, type) or
// simulated proctor dashboards. Forked by generator.ts, driven over IPC; several run side by
// side so the generator is not the bottleneck. It only ever connects to the base URL it is
// given (127.0.0.1), and every loop stops on the orchestrator's command or when it exits.
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import { frameText } from '../helpers/frame-text.js';
import { openSealedPaper } from '../helpers/sealed-paper.js';
import { httpGetDecoded, httpJson, login, makeAgent, type Login } from './http.js';
import { SampleBuffer } from './stats.js';
import { socketPath } from '../../server/contract/protocol-version.js';
import { defaultDashboardProtocol } from './dashboard-protocol.js';
import type { AgentCommand, AgentInit, AgentReply, AgentResults, CandidateSpec, DashboardSpec, PhaseFigures } from './protocol.js';

interface PhaseState {
  ack: SampleBuffer;
  events: SampleBuffer;
  sent: number;
  acked: number;
  firstSendAt: number | null;
  lastSendAt: number | null;
  agentLagP99: number | null;
}

const phases = new Map<string, PhaseState>();
const logins = new Map<string, SampleBuffer>();
const ready = new Map<string, SampleBuffer>();
const attemptAfterStart = new SampleBuffer();
/** When each kiosk had the exam in hand (epoch ms, with fractions), and its session's code. */
const examShown: { sessionCode: string; at: number }[] = [];
const errors: Record<string, number> = {};
const loopDelay = monitorEventLoopDelay({ resolution: 10 });
loopDelay.enable();

let init: AgentInit;
let http: ReturnType<typeof makeAgent>;
let typing: { phase: PhaseState; interval: [number, number] } | null = null;
let currentPhaseName: string | null = null;
let closing = false;
let texts: string[] = [];

function phase(name: string): PhaseState {
  let p = phases.get(name);
  if (!p) phases.set(name, (p = { ack: new SampleBuffer(), events: new SampleBuffer(), sent: 0, acked: 0, firstSendAt: null, lastSendAt: null, agentLagP99: null }));
  return p;
}

function bufferOf(map: Map<string, SampleBuffer>, name: string): SampleBuffer {
  let b = map.get(name);
  if (!b) map.set(name, (b = new SampleBuffer()));
  return b;
}

function countError(kind: string): void {
  errors[kind] = (errors[kind] ?? 0) + 1;
}

const between = (min: number, max: number) => min + Math.random() * (max - min);

/** Answers of 1 to 4 KB made of plausible English words: the server counts the words of each. */
function makeTexts(count: number, [min, max]: [number, number]): string[] {
  const words = 'the timer unit runs every night and the service restarts when the check fails so the administrator reads the log before changing the configuration because a missed run is started at boot'.split(' ');
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const size = Math.round(between(min, max));
    let text = '';
    while (text.length < size - 20) text += words[Math.floor(Math.random() * words.length)] + (Math.random() < 0.08 ? '. ' : ' ');
    out.push(text);
  }
  return out;
}

/**
 * The sealed papers this process's kiosks open, one per turn of the event loop. Each real kiosk
 * opens its own on its own CPU; here hundreds share one thread, and opening them all in one go
 * (about 0.3 ms each) held this process's loop for a few hundred milliseconds at the start, late
 * for the acknowledgements of the saves it measures meanwhile.
 */
const openings: (() => void)[] = [];
function openedInTurn(open: () => boolean): Promise<boolean> {
  return new Promise((resolve) => {
    openings.push(() => resolve(open()));
    if (openings.length === 1) setImmediate(nextOpening);
  });
}
function nextOpening(): void {
  openings.shift()?.();
  if (openings.length > 0) setImmediate(nextOpening);
}

// ---------- candidates ----------

class SimCandidate {
  login: Login | null = null;
  socket: WebSocket | null = null;
  /** The paper sealed in the waiting room, opened by the start's key (server/exam/sealed-paper.ts). */
  sealed: { keyId: string; nonce: string; sealed: string } | null = null;
  running = false;
  timer: NodeJS.Timeout | null = null;
  heartbeat: NodeJS.Timeout | null = null;
  readonly revisions: Int32Array;
  readonly acked: Int32Array;
  /** key: revision * 64 + question index */
  readonly inFlight = new Map<number, { sentAt: number; phase: PhaseState }>();

  constructor(readonly spec: CandidateSpec) {
    this.revisions = new Int32Array(init.questionIds.length);
    this.acked = new Int32Array(init.questionIds.length);
  }

  async logIn(loginPhase: string, fetchAttempt: boolean): Promise<void> {
    const t0 = performance.now();
    try {
      this.login = await login(http, init.baseUrl, '/api/candidate/login', { sessionCode: this.spec.sessionCode, candidateCode: this.spec.candidateCode });
    } catch {
      countError('login-failed');
      return;
    }
    bufferOf(logins, loginPhase).push(performance.now() - t0);
    if (fetchAttempt) {
      const r = await httpJson<{ session?: { state?: string }; candidate?: { noticeAcknowledgedAt?: number | null } }>(http, init.baseUrl, 'GET', '/api/attempt', { login: this.login }).catch(() => null);
      if (!r || r.status !== 200) countError('attempt-failed');
      else if (r.body.candidate?.noticeAcknowledgedAt === null) {
        // Lectern: the candidate reads the monitoring notice in the waiting room, as at a real
        // kiosk; the paper is served (sealed, then opened at the start) only after it.
        const notice = await httpJson(http, init.baseUrl, 'POST', '/api/attempt/notice', { login: this.login, body: {} }).catch(() => null);
        if (!notice || notice.status !== 200) countError('notice-failed');
      }
      // As the kiosk does in the waiting room: the sealed paper, opened at the start.
      if (r?.status === 200 && r.body.session?.state === 'waiting') {
        const sealed = await httpJson<{ keyId: string; nonce: string; sealed: string }>(http, init.baseUrl, 'GET', '/api/attempt/sealed-paper', { login: this.login }).catch(() => null);
        if (sealed?.status === 200) this.sealed = sealed.body;
        else countError('sealed-paper-failed');
      }
    }
    await this.openSocket();
    if (this.socket) bufferOf(ready, loginPhase).push(performance.now() - t0);
  }

  private openSocket(): Promise<void> {
    return new Promise((resolve) => {
      const socket = new WebSocket(init.baseUrl.replace(/^http/, 'ws') + socketPath(), { headers: { cookie: this.login!.cookie }, perMessageDeflate: false });
      let opened = false;
      socket.on('open', () => {
        opened = true;
        this.socket = socket;
        if (init.assumeRunning) this.running = true;
        this.heartbeat = setInterval(() => this.send({ type: 'heartbeat', activity: 'typing' }), init.heartbeatMs);
        this.maybeStartTyping();
        resolve();
      });
      socket.on('message', (data) => this.onMessage(frameText(data)));
      socket.on('error', () => {
        if (!closing) countError('socket-error');
        if (!opened) resolve();
      });
      socket.on('close', () => {
        if (!closing && opened) countError('socket-closed');
        this.stop();
        this.socket = null;
        if (!opened) resolve();
      });
    });
  }

  private send(m: unknown): void {
    if (this.socket && this.socket.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(m));
  }

  private onMessage(raw: string): void {
    let m: { type: string; questionId?: string; revision?: number; reason?: string; code?: string; clock?: { sessionState: string }; paperKey?: { keyId: string; key: string } };
    try {
      m = JSON.parse(raw);
    } catch {
      countError('bad-json-from-server');
      return;
    }
    switch (m.type) {
      case 'saved': {
        const q = init.questionIds.indexOf(m.questionId!);
        const entry = this.inFlight.get(m.revision! * 64 + q);
        if (!entry) {
          countError('unexpected-ack');
          return;
        }
        this.inFlight.delete(m.revision! * 64 + q);
        entry.phase.ack.push(performance.now() - entry.sentAt);
        entry.phase.acked++;
        if (m.revision! > this.acked[q]!) this.acked[q] = m.revision!;
        return;
      }
      case 'save-refused': {
        const q = init.questionIds.indexOf(m.questionId!);
        this.inFlight.delete(m.revision! * 64 + q);
        countError(`refused:${m.reason}`);
        return;
      }
      case 'clock':
        if (m.clock?.sessionState === 'running' && !this.running) {
          this.running = true;
          this.maybeStartTyping();
        }
        return;
      case 'session-started':
        if (!this.running) void this.onSessionStarted(m.paperKey);
        return;
      case 'error':
        countError(`server-error:${m.code}`);
        return;
      case 'logged-out':
        countError('logged-out');
        return;
      default:
        return;
    }
  }

  /**
   * What a kiosk does when the proctor starts: open the sealed paper with the frame's key, or
   * fetch the paper, then every section's document and the images it shows (issue 15, item 3: all
   * of it within 500 ms p99), then the candidate types.
   */
  private async onSessionStarted(paperKey: { keyId: string; key: string } | undefined): Promise<void> {
    const t0 = performance.now();
    if (await openedInTurn(() => this.openSealed(paperKey))) {
      this.examInHand(t0);
      return;
    }
    countError('paper-fetched-at-start');
    const r = await httpJson<{ pack?: { sections?: { id: string; hasDocument: boolean }[] } }>(http, init.baseUrl, 'GET', '/api/attempt', { login: this.login }).catch(() => null);
    if (!r || r.status !== 200) countError('attempt-failed');
    else if (await this.fetchDocuments(r.body.pack?.sections ?? [])) return this.examInHand(t0);
    this.running = true;
    this.maybeStartTyping();
  }

  private examInHand(t0: number): void {
    attemptAfterStart.push(performance.now() - t0);
    examShown.push({ sessionCode: this.spec.sessionCode, at: performance.timeOrigin + performance.now() });
    this.running = true;
    this.maybeStartTyping();
  }

  /** The sealed paper opened with the start's key, as the kiosk does: true when it held questions and documents. */
  private openSealed(paperKey: { keyId: string; key: string } | undefined): boolean {
    const held = this.sealed;
    this.sealed = null;
    if (!paperKey || !held || held.keyId !== paperKey.keyId) return false;
    try {
      const contents = openSealedPaper(held, paperKey);
      return contents.paper.sections.some((s) => s.questions.length > 0) && contents.documents.length > 0;
    } catch {
      countError('sealed-paper-unopened');
      return false;
    }
  }

  /** The documents of the paper and their images, as the kiosk fetches them; false if one failed. */
  private async fetchDocuments(sections: { id: string; hasDocument: boolean }[]): Promise<boolean> {
    const images = new Set<string>();
    for (const section of sections.filter((s) => s.hasDocument)) {
      const doc = await httpGetDecoded(http, init.baseUrl, `/api/attempt/sections/${encodeURIComponent(section.id)}/document`, this.login).catch(() => null);
      if (!doc || doc.status !== 200) {
        countError('document-failed');
        return false;
      }
      const html = (JSON.parse(doc.text) as { html?: string }).html ?? '';
      for (const m of html.matchAll(/src="(\/api\/packs\/[^"]+)"/g)) images.add(m[1]!);
    }
    for (const image of images) {
      const got = await httpGetDecoded(http, init.baseUrl, image, this.login).catch(() => null);
      if (!got || got.status !== 200) {
        countError('image-failed');
        return false;
      }
    }
    return true;
  }

  maybeStartTyping(): void {
    if (!typing || !this.running || !this.socket || this.timer || closing) return;
    // A random first moment, so a room does not save in lockstep.
    this.timer = setTimeout(() => this.tick(), Math.random() * typing.interval[1]);
  }

  private tick(): void {
    this.timer = null;
    if (!typing || !this.socket) return;
    this.save(typing.phase);
    this.timer = setTimeout(() => this.tick(), between(typing.interval[0], typing.interval[1]));
  }

  private save(p: PhaseState): void {
    if (this.inFlight.size >= init.maxInFlight) {
      countError('backlog-skipped');
      return;
    }
    const q = Math.floor(Math.random() * init.questionIds.length);
    const revision = ++this.revisions[q]!;
    const base = texts[(this.spec.candidateId * 7 + q * 3 + revision) % texts.length]!;
    const text = `${base} r${revision}`;
    const now = performance.now();
    this.inFlight.set(revision * 64 + q, { sentAt: now, phase: p });
    p.sent++;
    if (p.firstSendAt === null) p.firstSendAt = now;
    p.lastSendAt = now;
    this.send({ type: 'save', questionId: init.questionIds[q], revision, text });
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
  }

  close(): void {
    this.stop();
    this.socket?.close(1000, 'load run over');
  }
}

let candidates: SimCandidate[] = [];

async function logInRange(cmd: Extract<AgentCommand, { cmd: 'login' }>): Promise<Record<string, number>> {
  const group = candidates.slice(cmd.from, cmd.to);
  if (cmd.spreadMs > 0) {
    // The storm: each workstation logs in at its own random moment within the window.
    await Promise.all(group.map((c) => new Promise<void>((resolve) => setTimeout(() => void c.logIn(cmd.phase, cmd.fetchAttempt).then(resolve), Math.random() * cmd.spreadMs))));
  } else {
    let next = 0;
    const worker = async () => {
      while (next < group.length) await group[next++]!.logIn(cmd.phase, cmd.fetchAttempt);
    };
    await Promise.all(Array.from({ length: Math.max(1, cmd.concurrency) }, worker));
  }
  return { connected: group.filter((c) => c.socket).length };
}

// ---------- dashboards ----------

let dashboardPhase: PhaseState | null = null;
let dashboardsConnected = 0;
let dashboardsRefused = 0;
let dashboardRefusal: string | null = null;
const dashboardSockets: WebSocket[] = [];

function connectDashboard(spec: DashboardSpec): Promise<void> {
  const protocol = defaultDashboardProtocol;
  return new Promise((resolve) => {
    const socket = new WebSocket(init.baseUrl.replace(/^http/, 'ws') + socketPath(), { headers: { cookie: spec.cookie }, perMessageDeflate: false });
    let settled = false;
    const settle = () => {
      if (!settled) {
        settled = true;
        resolve();
      }
    };
    socket.on('open', () => {
      dashboardSockets.push(socket);
      for (const m of protocol.openingMessages(spec.sessionIds)) socket.send(JSON.stringify(m));
      // A server without a live view for staff closes at once: give it a moment to say so.
      setTimeout(() => {
        if (socket.readyState === WebSocket.OPEN) dashboardsConnected++;
        settle();
      }, 300);
    });
    socket.on('message', (data) => {
      const p = dashboardPhase;
      if (!p) return;
      let m: unknown;
      try {
        m = JSON.parse(frameText(data));
      } catch {
        countError('bad-json-from-server');
        return;
      }
      const now = Date.now();
      for (const t of protocol.saveTimestamps(m)) p.events.push(now - t);
    });
    socket.on('error', () => {
      if (!closing) countError('dashboard-socket-error');
      settle();
    });
    socket.on('close', (code, reason) => {
      if (closing) return;
      if (code === 1008) {
        dashboardsRefused++;
        dashboardRefusal = reason.toString() || `closed with ${code}`;
      } else countError('dashboard-socket-closed');
      settle();
    });
  });
}

// ---------- commands ----------

function finishPhaseLag(): void {
  if (currentPhaseName) phase(currentPhaseName).agentLagP99 = Math.max(0, Math.round((loopDelay.percentile(99) / 1e6 - 10) * 100) / 100);
  loopDelay.reset();
}

function collect(): AgentResults {
  finishPhaseLag();
  currentPhaseName = null;
  const out: Record<string, PhaseFigures> = {};
  for (const [name, p] of phases) {
    out[name] = { ack: p.ack.toArray(), events: p.events.toArray(), sent: p.sent, acked: p.acked, firstSendAt: p.firstSendAt, lastSendAt: p.lastSendAt, agentLagP99: p.agentLagP99 };
  }
  const triplets: number[] = [];
  let unacked = 0;
  for (const c of candidates) {
    unacked += c.inFlight.size;
    c.acked.forEach((rev, q) => {
      if (rev > 0) triplets.push(c.spec.candidateId, q, rev);
    });
  }
  const toRecord = (m: Map<string, SampleBuffer>) => Object.fromEntries([...m].map(([k, v]) => [k, v.toArray()]));
  return {
    phases: out,
    logins: toRecord(logins),
    ready: toRecord(ready),
    attemptAfterStart: attemptAfterStart.toArray(),
    examShown: [...examShown],
    errors: { ...errors },
    unacked,
    acked: Int32Array.from(triplets),
    dashboardsConnected,
    dashboardsRefused,
    dashboardRefusal,
  };
}

async function handle(command: AgentCommand): Promise<AgentReply> {
  switch (command.cmd) {
    case 'init':
      init = command.init;
      // As many connections as kiosks: each kiosk is its own browser, and at the exam start all
      // of a room's kiosks fetch their paper at once. With 256 per agent process, 1,000 kiosks
      // queued behind each other in the generator and the start looked slower than the server was.
      http = makeAgent(Math.max(16, init.candidates.length));
      texts = makeTexts(32, init.textBytes);
      candidates = init.candidates.map((c) => new SimCandidate(c));
      return { reply: 'ok', cmd: 'init' };
    case 'login':
      return { reply: 'ok', cmd: 'login', detail: await logInRange(command) };
    case 'type': {
      finishPhaseLag();
      currentPhaseName = command.phase;
      const p = phase(command.phase);
      typing = { phase: p, interval: command.intervalMs };
      if (init.role === 'dashboards') dashboardPhase = p;
      for (const c of candidates) c.maybeStartTyping();
      return { reply: 'ok', cmd: 'type' };
    }
    case 'stop-typing':
      typing = null;
      for (const c of candidates) {
        if (c.timer) clearTimeout(c.timer);
        c.timer = null;
      }
      return { reply: 'ok', cmd: 'stop-typing' };
    case 'drain': {
      const until = performance.now() + command.timeoutMs;
      const pending = () => candidates.reduce((n, c) => n + c.inFlight.size, 0);
      while (pending() > 0 && performance.now() < until) await new Promise((r) => setTimeout(r, 20));
      return { reply: 'ok', cmd: 'drain', detail: { pending: pending() } };
    }
    case 'connect-dashboards':
      dashboardPhase = phase(command.phase);
      currentPhaseName = command.phase;
      await Promise.all(init.dashboards.map(connectDashboard));
      return { reply: 'ok', cmd: 'connect-dashboards', detail: { connected: dashboardsConnected, refused: dashboardsRefused } };
    case 'collect':
      return { reply: 'results', results: collect() };
    case 'close':
      closing = true;
      typing = null;
      for (const c of candidates) c.close();
      for (const s of dashboardSockets) s.close(1000, 'load run over');
      http?.destroy();
      setTimeout(() => process.exit(0), 200).unref();
      return { reply: 'ok', cmd: 'close' };
  }
}

process.on('message', ({ id, command }: { id: number; command: AgentCommand }) => {
  handle(command).then(
    (reply) => process.send!({ id, reply }),
    (err: Error) => process.send!({ id, reply: { reply: 'failed', cmd: command.cmd, message: err.stack ?? err.message } satisfies AgentReply }),
  );
});
// An orphaned agent (the orchestrator died) stops by itself.
process.on('disconnect', () => process.exit(0));
