import { setTimeout as sleep } from 'node:timers/promises';
import { LoadGenerator, type PhaseResult } from './generator.js';
import { finish, launch, prepare, type CommonOptions, type TargetKind } from './scenarios.js';
import { GENERATOR_LAG_BOUND_MS, loadSampler, type StepLoad } from './machine-load.js';
import { round, summarize, type LatencySummary } from './stats.js';

// The ramp: fixed kiosks, rising save rate. Run alone (runRamp) or, for the benchmark, Lectern
// and the ceiling alternated rate by rate (runRampAlternated): both servers and both sets of
// kiosks stay up, and each rate runs on one then the other before the next rate, so a burst of
// machine noise lands on both rather than on whichever happened to run then (issue 15, item 1).

export interface RampStep extends StepLoad {
  offeredPerS: number;
  savesPerS: number;
  ack: LatencySummary;
  loopLagP99: number | null;
  serverCpuPercent: number | null;
  generatorLagP99: number | null;
  /** generatorLagP99 over GENERATOR_LAG_BOUND_MS. */
  generatorLagged: boolean;
  errors: number;
}

export interface RampFigures {
  target: TargetKind;
  candidates: number;
  steps: RampStep[];
  /** The highest throughput measured with p99 at most the limit. */
  maxSavesPerSUnderLimit: number | null;
  /** The first offered rate whose p99 went over the limit (null: never within the ramp). */
  passedLimitAt: number | null;
  p99LimitMs: number;
  lost: number;
  lostChecked: number;
  errors: number;
  errorKinds: Record<string, number>;
  rssMb: number | null;
}

export type RampOptions = CommonOptions & { candidates: number; rates: number[]; stepS: number; warmupS: number; p99LimitMs?: number };

/** One server under the ramp: set up, then driven one step at a time, then checked. */
export class RampTarget {
  readonly steps: RampStep[] = [];
  private over = 0;
  private errorsBefore = 0;
  private from = 0;

  private constructor(
    readonly kind: TargetKind,
    private readonly options: RampOptions,
    private readonly server: Awaited<ReturnType<typeof launch>>,
    private readonly generator: LoadGenerator,
    private readonly questionIds: string[],
  ) {}

  static async open(kind: TargetKind, options: RampOptions): Promise<RampTarget> {
    const server = await launch(kind, options);
    try {
      const target = await prepare(kind, server, { running: options.candidates }, options);
      const generator = await LoadGenerator.start({ baseUrl: server.baseUrl, candidates: target.candidates, questionIds: target.questionIds, agents: options.agents, priority: options.priority, assumeRunning: kind === 'ceiling', maxInFlight: 20 });
      await generator.login({ phase: 'setup', concurrency: 16 });
      server.resetPeakRss();
      return new RampTarget(kind, options, server, generator, target.questionIds);
    } catch (err) {
      await server.stop();
      server.cleanUp();
      throw new Error(`${(err as Error).message}\n--- ${kind} server output ---\n${server.output()}`, { cause: err });
    }
  }

  get limit(): number {
    return this.options.p99LimitMs ?? 100;
  }

  /** Two steps over the limit (or short of the offered rate) end this server's ramp. */
  get done(): boolean {
    return this.over >= 2;
  }

  private interval(rate: number): [number, number] {
    const mean = (this.options.candidates / rate) * 1000;
    return [mean * 0.75, mean * 1.25];
  }

  async warmUp(quietAfter: boolean): Promise<void> {
    this.from = Date.now();
    await this.generator.type('warmup', this.interval(this.options.rates[0]!));
    await sleep(this.options.warmupS * 1000);
    if (quietAfter) await this.quiet();
  }

  /** Stops every kiosk's typing and waits for the saves in flight, so the other server runs alone. */
  private async quiet(): Promise<void> {
    await this.generator.stopTyping();
    await this.generator.drain(10_000);
  }

  /** One rate for stepS seconds. `quietAfter`: stop typing after it (alternated), else keep typing at that rate until the next step. */
  async step(rate: number, quietAfter: boolean): Promise<RampStep> {
    // Named by its place too: the generator adds up the phases of one name, so a rate given twice
    // (`--rates 5000,5000`) would otherwise report both steps' saves over the second's duration.
    const place = `${rate}-step-${this.steps.length + 1}`;
    const name = `rate-${place}`;
    const sampler = loadSampler();
    await this.server.resetProbe();
    await this.generator.type(name, this.interval(rate));
    await sleep(this.options.stepS * 1000);
    const probe = await this.server.readProbe();
    const load = sampler.stop();
    if (quietAfter) await this.quiet();
    else await this.generator.type(`gap-${place}`, this.interval(rate));
    const results = await this.generator.collect();
    const p: PhaseResult = results.phases[name]!;
    const step: RampStep = {
      offeredPerS: rate,
      savesPerS: round(p.acked / p.durationS, 1)!,
      ack: summarize(p.ack),
      loopLagP99: probe.loopDelay.p99,
      serverCpuPercent: probe.cpuPercent,
      generatorLagP99: p.agentLagP99,
      generatorLagged: (p.agentLagP99 ?? 0) > GENERATOR_LAG_BOUND_MS,
      ...load,
      errors: results.errorCount - this.errorsBefore,
    };
    this.errorsBefore = results.errorCount;
    this.steps.push(step);
    if ((step.ack.p99 ?? Infinity) > this.limit || step.savesPerS < rate * 0.9) this.over++;
    return step;
  }

  /** Stops the load and the server, checks every acknowledged save against its database. */
  async close(): Promise<RampFigures> {
    const done = await finish(this.server, this.generator, this.questionIds, { from: this.from, to: Date.now() });
    const passing = this.steps.filter((s) => (s.ack.p99 ?? Infinity) <= this.limit);
    const firstOver = this.steps.find((s) => (s.ack.p99 ?? Infinity) > this.limit);
    return {
      target: this.kind,
      candidates: this.options.candidates,
      steps: this.steps,
      maxSavesPerSUnderLimit: passing.length ? Math.max(...passing.map((s) => s.savesPerS)) : null,
      passedLimitAt: firstOver?.offeredPerS ?? null,
      p99LimitMs: this.limit,
      lost: done.lost,
      lostChecked: done.lostChecked,
      errors: done.results.errorCount,
      errorKinds: done.results.errors,
      rssMb: done.rssMb,
    };
  }

  /** After a failure: stop everything without checking. */
  async abandon(): Promise<string> {
    const output = this.server.output();
    await this.generator.close().catch(() => undefined);
    await this.server.stop();
    this.server.cleanUp();
    return output;
  }
}

function logStep(log: (line: string) => void, kind: TargetKind, s: RampStep): void {
  const flags = s.generatorLagged ? `  ! generator lagged (p99 ${s.generatorLagP99} ms > ${GENERATOR_LAG_BOUND_MS} ms)` : '';
  log(`  ${kind.padEnd(7)} ramp ${s.offeredPerS}/s: ${s.savesPerS} saves/s, p99 ${s.ack.p99} ms, loop lag p99 ${s.loopLagP99} ms, cpu ${s.serverCpuPercent}%, generator lag p99 ${s.generatorLagP99} ms, load ${s.loadBefore} -> ${s.loadDuring} (runnable ${s.runnableDuring ?? '-'}, stolen ${s.stolenPercent ?? '-'} %)${flags}`);
}

/** One server alone, rate after rate (test/load/cli.ts). */
export async function runRamp(kind: TargetKind, options: RampOptions): Promise<RampFigures> {
  const log = options.log ?? (() => undefined);
  const target = await RampTarget.open(kind, options);
  try {
    await target.warmUp(false);
    for (const rate of options.rates) {
      logStep(log, kind, await target.step(rate, false));
      if (target.done) break;
    }
    return await target.close();
  } catch (err) {
    throw new Error(`${(err as Error).message}\n--- ${kind} server output ---\n${await target.abandon()}`, { cause: err });
  }
}

/**
 * Lectern and the ceiling, each rate on both before the next rate; which one goes first swaps
 * at every rate, so neither always runs just after the other's heaviest step. A server whose
 * ramp is over (two steps past the limit) sits out the remaining rates.
 */
export async function runRampAlternated(options: RampOptions): Promise<{ lectern: RampFigures; ceiling: RampFigures }> {
  const log = options.log ?? (() => undefined);
  const lectern = await RampTarget.open('lectern', options);
  let ceiling: RampTarget;
  try {
    ceiling = await RampTarget.open('ceiling', options);
  } catch (err) {
    await lectern.abandon();
    throw err;
  }
  try {
    await lectern.warmUp(true);
    await ceiling.warmUp(true);
    for (const [i, rate] of options.rates.entries()) {
      const order = i % 2 === 0 ? [lectern, ceiling] : [ceiling, lectern];
      for (const target of order.filter((t) => !t.done)) logStep(log, target.kind, await target.step(rate, true));
      if (lectern.done && ceiling.done) break;
    }
    return { lectern: await lectern.close(), ceiling: await ceiling.close() };
  } catch (err) {
    const outputs = [await lectern.abandon().catch(() => ''), await ceiling.abandon().catch(() => '')];
    throw new Error(`${(err as Error).message}\n--- lectern server output ---\n${outputs[0]}\n--- ceiling server output ---\n${outputs[1]}`, { cause: err });
  }
}
