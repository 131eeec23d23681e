import type { RampFigures } from '../load/ramp.js';
import type { SteadyFigures, StormFigures } from '../load/scenarios.js';
import { round } from '../load/stats.js';

// Each run's figures side by side with the ceiling's, and the targets judged run by run: on a
// shared machine a median of three can hide a run that missed, and a single good day can carry
// a median (issue 15, item 1). A target is met only when it holds in every run that measured it.

export interface BenchRun {
  steady?: { lectern: SteadyFigures; ceiling: SteadyFigures };
  big?: { lectern: SteadyFigures; ceiling: SteadyFigures };
  ramp?: { lectern: RampFigures; ceiling: RampFigures };
  storm?: StormFigures;
  /** The steady shape again with a backup every second (issue 10): the saves must not wait for it. */
  backups?: SteadyFigures;
}

/** One figure for Lectern and the ceiling in one run, and Lectern's over the ceiling's. */
export interface Pair {
  lectern: number | null;
  ceiling: number | null;
  ratio: number | null;
}

export interface SteadyPair {
  candidates: number;
  ackP99Ms: Pair;
  cpuPercent: Pair;
  rssMb: Pair;
  /** Load average before and during the measurement of each server, and whether a generator lagged. */
  load: { lectern: [number, number]; ceiling: [number, number] };
  /** % of the machine's CPU time the hypervisor took during each measurement (machine-load.ts). */
  stolenPercent: { lectern: number | null; ceiling: number | null };
  generatorLagged: boolean;
}

export interface RunFigures {
  run: number;
  steady: SteadyPair | null;
  big: SteadyPair | null;
  /**
   * Highest saves/s with ack p99 within the limit; ratio = Lectern / ceiling. laggedSteps: the
   * steps whose generator lagged; stolenMaxPercent: the most CPU time the hypervisor took in one step.
   */
  ramp: (Pair & { laggedSteps: number; stolenMaxPercent: number | null }) | null;
  lost: number;
}

const pair = (lectern: number | null | undefined, ceiling: number | null | undefined): Pair => ({
  lectern: lectern ?? null,
  ceiling: ceiling ?? null,
  ratio: lectern != null && ceiling ? round(lectern / ceiling, 3)! : null,
});

function steadyPair(p: { lectern: SteadyFigures; ceiling: SteadyFigures } | undefined): SteadyPair | null {
  if (!p) return null;
  const { lectern: l, ceiling: c } = p;
  return {
    candidates: l.candidates,
    ackP99Ms: pair(l.ack.p99, c.ack.p99),
    cpuPercent: pair(l.serverCpuPercent, c.serverCpuPercent),
    rssMb: pair(l.rssMb, c.rssMb),
    load: { lectern: [l.loadBefore, l.loadDuring], ceiling: [c.loadBefore, c.loadDuring] },
    stolenPercent: { lectern: l.stolenPercent, ceiling: c.stolenPercent },
    generatorLagged: l.generatorLagged || c.generatorLagged,
  };
}

/** The ramp of one run, both servers: Lectern / ceiling, and over every step of either, the lagged ones and the most stolen. */
function rampRun(ramp: NonNullable<BenchRun['ramp']>): NonNullable<RunFigures['ramp']> {
  const steps = [...ramp.lectern.steps, ...ramp.ceiling.steps];
  const stolen = steps.map((s) => s.stolenPercent).filter((v) => v !== null);
  return {
    ...pair(ramp.lectern.maxSavesPerSUnderLimit, ramp.ceiling.maxSavesPerSUnderLimit),
    laggedSteps: steps.filter((s) => s.generatorLagged).length,
    stolenMaxPercent: stolen.length ? Math.max(...stolen) : null,
  };
}
const stolenCell = (p: SteadyPair | null) => (p ? `${p.stolenPercent.lectern ?? '-'} | ${p.stolenPercent.ceiling ?? '-'}` : 'not run');

export function runFigures(runs: BenchRun[]): RunFigures[] {
  return runs.map((r, i) => ({
    run: i + 1,
    steady: steadyPair(r.steady),
    big: steadyPair(r.big),
    ramp: r.ramp ? rampRun(r.ramp) : null,
    lost: (r.steady?.lectern.lost ?? 0) + (r.big?.lectern.lost ?? 0) + (r.ramp?.lectern.lost ?? 0) + (r.storm?.lost ?? 0) + (r.backups?.lost ?? 0),
  }));
}

export interface Check {
  target: string;
  /** Every run's value, in order (null: not measured in that run). */
  values: (number | null)[];
  /** Met in every run that measured it; null when no run did. */
  met: boolean | null;
}

/** A target judged in each run: met only if it holds in all of them. */
export function checkEachRun(target: string, values: (number | null | undefined)[], ok: (v: number) => boolean): Check {
  const measured = values.map((v) => v ?? null);
  const present = measured.filter((v): v is number => v !== null);
  return { target, values: measured, met: present.length === 0 ? null : present.every(ok) };
}

const cell = (p: Pair | undefined | null, digits = 1) => (p ? `${p.lectern ?? '-'} / ${p.ceiling ?? '-'} = ${p.ratio === null ? '-' : p.ratio.toFixed(digits === 1 ? 2 : 3)}` : 'not run');

/** The printed table: one line per figure, one column per run, each Lectern / ceiling = ratio. */
export function runTable(figures: RunFigures[]): string[] {
  // Labelled with the shapes' sizes as run (1,000 and 5,000 in the full bench, fewer with --quick).
  const size = (pick: (f: RunFigures) => SteadyPair | null, usual: string) => figures.map(pick).find((p) => p !== null)?.candidates.toLocaleString('en') ?? usual;
  const steady = size((f) => f.steady, '1,000');
  const big = size((f) => f.big, '5,000');
  const rows: [string, (f: RunFigures) => string][] = [
    [`${steady}: ack p99 ms`, (f) => cell(f.steady?.ackP99Ms)],
    [`${steady}: server CPU %`, (f) => cell(f.steady?.cpuPercent)],
    [`${steady}: peak RSS MB`, (f) => cell(f.steady?.rssMb)],
    [`${steady}: load before/during L | C`, (f) => (f.steady ? `${f.steady.load.lectern.join('/')} | ${f.steady.load.ceiling.join('/')}${f.steady.generatorLagged ? ' LAG' : ''}` : 'not run')],
    [`${steady}: CPU stolen by the host % L | C`, (f) => stolenCell(f.steady)],
    [`${big}: ack p99 ms`, (f) => cell(f.big?.ackP99Ms)],
    [`${big}: load before/during L | C`, (f) => (f.big ? `${f.big.load.lectern.join('/')} | ${f.big.load.ceiling.join('/')}${f.big.generatorLagged ? ' LAG' : ''}` : 'not run')],
    [`${big}: CPU stolen by the host % L | C`, (f) => stolenCell(f.big)],
    ['ramp: saves/s at p99 <= 100 ms', (f) => (f.ramp ? `${cell(f.ramp, 3)}${f.ramp.laggedSteps ? ` (${f.ramp.laggedSteps} steps LAG)` : ''}` : 'not run')],
    ['ramp: most CPU stolen by the host in a step %', (f) => (f.ramp ? String(f.ramp.stolenMaxPercent ?? '-') : 'not run')],
  ];
  const header = ['', ...figures.map((f) => `run ${f.run}: Lectern / ceiling = ratio`)];
  const lines = [header, ...rows.map(([label, pick]) => [label, ...figures.map(pick)])];
  const widths = header.map((_, i) => Math.max(...lines.map((l) => l[i]!.length)));
  return lines.map((l) => l.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd());
}
