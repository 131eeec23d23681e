import { setTimeout as sleep } from 'node:timers/promises';
import { LoadGenerator, type GeneratorResults } from './generator.js';
import { startServer, type ProbeStats, type ServerUnderTest } from './server-process.js';
import { GENERATOR_LAG_BOUND_MS, loadSampler, type StepLoad } from './machine-load.js';
import { countLost, prepareCeiling, prepareLectern, supervisionCounts, type PreparedTarget } from './targets.js';
import { round, summarize, type LatencySummary } from './stats.js';

// The load shapes of the benchmark. Each starts its own server (fresh data directory, fresh
// process, so peak RSS belongs to that run), drives it, stops it cleanly, then checks every
// acknowledged save against the database file.

export type TargetKind = 'lectern' | 'ceiling';

export interface CommonOptions {
  /** How Lectern is run: 'dist' (built, as `npm start`) or 'tsx' (sources). */
  mode?: 'dist' | 'tsx';
  /** Candidate agent processes. */
  agents?: number;
  /** The ceiling's paper: as many questions as Lectern's. */
  questionIds?: string[];
  nodeFlags?: string[];
  /** false: Lectern with Node's own memory settings instead of those `npm start` applies. */
  tuned?: boolean;
  /** Nice value for the server and the agents (see StartOptions.priority). */
  priority?: number;
  log?: (line: string) => void;
  /** More environment for the server (see StartOptions.env). */
  env?: Record<string, string>;
}

export interface SteadyFigures extends StepLoad {
  target: TargetKind;
  candidates: number;
  dashboards: number;
  dashboardsConnected: number;
  dashboardRefusal: string | null;
  intervalMs: [number, number];
  measureS: number;
  savesPerS: number;
  ack: LatencySummary;
  event: LatencySummary;
  loopLag: ProbeStats['loopDelay'] | null;
  serverCpuPercent: number | null;
  /** Peak RSS while the load ran (after the set-up). */
  rssMb: number | null;
  /** Peak RSS of the set-up: start, staff logins (scrypt: 128 MiB each, for a moment), kiosk logins. */
  rssSetupPeakMb: number | null;
  lost: number;
  lostChecked: number;
  errors: number;
  errorKinds: Record<string, number>;
  unacked: number;
  generatorLagP99: number | null;
  /** generatorLagP99 over GENERATOR_LAG_BOUND_MS: the generator, not only the server, was late. */
  generatorLagged: boolean;
  setupS: number;
  /** Supervision events the server recorded (connection-lost: kiosks it saw go silent). */
  supervisionEvents: Record<string, number>;
}

const DEFAULT_QUESTIONS = ['q1', 'q2', 'q3', 'q4', 'q5', 'q6'];

export async function launch(kind: TargetKind, options: CommonOptions): Promise<ServerUnderTest> {
  return startServer({ kind, mode: options.mode ?? 'tsx', nodeFlags: options.nodeFlags ?? [], priority: options.priority, env: options.env, tuned: options.tuned });
}

export async function prepare(kind: TargetKind, server: ServerUnderTest, counts: { running: number; waiting?: number; dashboards?: number }, options: CommonOptions): Promise<PreparedTarget> {
  if (kind === 'lectern') return prepareLectern(server, counts);
  return prepareCeiling(counts.running + (counts.waiting ?? 0), options.questionIds ?? DEFAULT_QUESTIONS);
}

/** Stops everything in order and checks for lost saves; the server's data directory is removed. */
export async function finish(
  server: ServerUnderTest,
  generator: LoadGenerator,
  questionIds: string[],
  window: { from: number; to: number },
): Promise<{ results: GeneratorResults; rssMb: number | null; lost: number; lostChecked: number; supervision: Record<string, number> }> {
  await generator.stopTyping();
  await generator.drain(10_000);
  const results = await generator.collect();
  const rssMb = server.peakRssMb();
  await generator.close();
  await server.stop();
  try {
    const lost = countLost(server.databaseFile, questionIds, results.acked);
    const supervision = server.kind === 'lectern' ? supervisionCounts(server.databaseFile, window) : {};
    return { results, rssMb, lost: lost.lost, lostChecked: lost.checked, supervision };
  } finally {
    server.cleanUp();
  }
}

/**
 * N candidates log in, M dashboards connect, everyone types for warm-up then measurement.
 */
export async function runSteady(
  kind: TargetKind,
  options: CommonOptions & { candidates: number; dashboards?: number; intervalMs: [number, number]; warmupS: number; measureS: number },
): Promise<SteadyFigures> {
  const log = options.log ?? (() => undefined);
  const t0 = performance.now();
  const server = await launch(kind, options);
  let generator: LoadGenerator | null = null;
  try {
    const target = await prepare(kind, server, { running: options.candidates, dashboards: kind === 'lectern' ? (options.dashboards ?? 0) : 0 }, options);
    generator = await LoadGenerator.start({ baseUrl: server.baseUrl, candidates: target.candidates, dashboards: target.dashboards, questionIds: target.questionIds, agents: options.agents, priority: options.priority, assumeRunning: kind === 'ceiling' });
    const connected = await generator.login({ phase: 'setup', concurrency: 16 });
    if (connected < options.candidates) log(`  ${kind}: only ${connected} of ${options.candidates} kiosks connected`);
    await generator.connectDashboards('warmup');
    const setupS = (performance.now() - t0) / 1000;
    const rssSetupPeakMb = server.peakRssMb();
    server.resetPeakRss();
    log(`  ${kind}: ${connected} kiosks connected in ${setupS.toFixed(1)} s; warm-up ${options.warmupS} s, measuring ${options.measureS} s`);
    await generator.type('warmup', options.intervalMs);
    await sleep(options.warmupS * 1000);
    await server.resetProbe();
    const from = Date.now();
    const sampler = loadSampler();
    await generator.type('measure', options.intervalMs);
    await sleep(options.measureS * 1000);
    const probe = await server.readProbe();
    const load = sampler.stop();
    const g = generator;
    generator = null;
    const done = await finish(server, g, target.questionIds, { from, to: Date.now() });
    const m = done.results.phases.measure!;
    return {
      target: kind,
      candidates: options.candidates,
      dashboards: target.dashboards.length,
      dashboardsConnected: done.results.dashboardsConnected,
      dashboardRefusal: done.results.dashboardRefusal,
      intervalMs: options.intervalMs,
      measureS: round(m.durationS, 1)!,
      savesPerS: round(m.savesPerS, 1)!,
      ack: summarize(m.ack),
      event: summarize(m.events),
      loopLag: probe.loopDelay,
      serverCpuPercent: probe.cpuPercent,
      rssMb: done.rssMb,
      rssSetupPeakMb,
      lost: done.lost,
      lostChecked: done.lostChecked,
      errors: done.results.errorCount,
      errorKinds: done.results.errors,
      unacked: done.results.unacked,
      generatorLagP99: m.agentLagP99,
      generatorLagged: (m.agentLagP99 ?? 0) > GENERATOR_LAG_BOUND_MS,
      ...load,
      setupS: round(setupS, 1)!,
      supervisionEvents: done.supervision,
    };
  } catch (err) {
    throw new Error(`${(err as Error).message}\n--- ${kind} server output ---\n${server.output()}`, { cause: err });
  } finally {
    if (generator) await generator.close();
    await server.stop();
    server.cleanUp();
  }
}

export interface StormFigures {
  typing: number;
  logins: number;
  spreadS: number;
  login: LatencySummary;
  /** Login, GET /api/attempt, socket open. */
  ready: LatencySummary;
  /** From the start frame's arrival to the exam in hand (the sealed paper opened, or fetched). */
  attemptAfterStart: LatencySummary;
  /** From the proctor's start request to the exam in hand on each kiosk of that session (issue 15, item 3). */
  examShownFromStart: LatencySummary;
  /** Saves of the typing candidates during the logins. */
  ackDuringStorm: LatencySummary;
  /** Everyone typing right after the start. */
  ackAfterStart: LatencySummary;
  loopLag: ProbeStats['loopDelay'] | null;
  /** Peak RSS from the storm on (the admin's scrypt login before it excluded). */
  rssMb: number | null;
  lost: number;
  lostChecked: number;
  errors: number;
  errorKinds: Record<string, number>;
  supervisionEvents: Record<string, number>;
}

/** Each kiosk's exam in hand, measured from its session's start request. */
function fromStart(shown: { sessionCode: string; at: number }[], target: PreparedTarget, startedAt: Map<number, number>): number[] {
  const sessionOfCode = new Map(target.candidates.map((c, i) => [c.sessionCode, target.sessionOf[i]!]));
  return shown.flatMap(({ sessionCode, at }) => {
    const started = startedAt.get(sessionOfCode.get(sessionCode) ?? -1);
    return started === undefined ? [] : [at - started];
  });
}

/**
 * The exam start: `typing` candidates already write while `logins` more log in within
 * `spreadS` seconds; then their sessions start, their kiosks fetch the paper and type too.
 */
export async function runStorm(
  options: CommonOptions & { typing: number; logins: number; spreadS: number; afterStartS: number; dashboards?: number; intervalMs: [number, number] },
): Promise<StormFigures> {
  const log = options.log ?? (() => undefined);
  const server = await launch('lectern', options);
  let generator: LoadGenerator | null = null;
  try {
    const target = await prepareLectern(server, { running: options.typing, waiting: options.logins, dashboards: options.dashboards ?? 0 });
    generator = await LoadGenerator.start({ baseUrl: server.baseUrl, candidates: target.candidates, dashboards: target.dashboards, questionIds: target.questionIds, agents: options.agents, priority: options.priority });
    await generator.login({ phase: 'setup', to: options.typing, concurrency: 16 });
    await generator.connectDashboards('warmup');
    await generator.type('warmup', options.intervalMs);
    await sleep(3000);
    await server.resetProbe();
    server.resetPeakRss();
    const from = Date.now();
    await generator.type('storm', options.intervalMs);
    log(`  storm: ${options.logins} logins within ${options.spreadS} s while ${options.typing} candidates type`);
    await generator.login({ phase: 'storm', from: options.typing, spreadMs: options.spreadS * 1000, fetchAttempt: true });
    const stormSessions = [...new Set(target.sessionOf.slice(options.typing))];
    await generator.type('after-start', options.intervalMs);
    // Each session's start request is timed: a kiosk's exam is measured from its own session's start.
    const startedAt = new Map<number, number>();
    for (const id of stormSessions) {
      startedAt.set(id, performance.timeOrigin + performance.now());
      await target.startSessions([id]);
    }
    await sleep(options.afterStartS * 1000);
    const probe = await server.readProbe();
    const g = generator;
    generator = null;
    const done = await finish(server, g, target.questionIds, { from, to: Date.now() });
    const r = done.results;
    return {
      typing: options.typing,
      logins: options.logins,
      spreadS: options.spreadS,
      login: summarize(r.logins.storm ?? []),
      ready: summarize(r.ready.storm ?? []),
      attemptAfterStart: summarize(r.attemptAfterStart),
      examShownFromStart: summarize(fromStart(r.examShown, target, startedAt)),
      ackDuringStorm: summarize(r.phases.storm?.ack ?? []),
      ackAfterStart: summarize(r.phases['after-start']?.ack ?? []),
      loopLag: probe.loopDelay,
      rssMb: done.rssMb,
      lost: done.lost,
      lostChecked: done.lostChecked,
      errors: r.errorCount,
      errorKinds: r.errors,
      supervisionEvents: done.supervision,
    };
  } catch (err) {
    throw new Error(`${(err as Error).message}\n--- lectern server output ---\n${server.output()}`, { cause: err });
  } finally {
    if (generator) await generator.close();
    await server.stop();
    server.cleanUp();
  }
}
