// `npm run bench`: Lectern and the ceiling under the same load, the exam-start storm and the
// kiosk's budgets; prints the figures and writes bench-results.json at the repository root.
//
//   npm run bench                 the full benchmark (several minutes)
//   npm run bench -- --quick      a small version, within 60 seconds
//   npm run bench -- --runs 3     each load shape three times; every run's figures and ratios
//                                 are reported, a target is met only if it holds in each run
//   npm run bench -- --only steady,ramp,big,storm,client,backups,throttled
//   npm run bench -- --priority=0 do not raise the priority of the servers and the load agents
//
// Every server runs on 127.0.0.1 as a child process with a temporary data directory; every
// load is bounded in count and time and stops by itself.
import { execFileSync } from 'node:child_process';
import { renameSync, writeFileSync } from 'node:fs';
import { cpus, getPriority, loadavg, setPriority, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { projectRoot } from '../../server/paths.js';
import { runRampAlternated } from '../load/ramp.js';
import { runSteady, runStorm, type SteadyFigures } from '../load/scenarios.js';
import { buildIfStale } from '../helpers/build-once.js';
import { median, round } from '../load/stats.js';
import { measureClient, type ClientFigures } from './client-budgets.js';
import { checkEachRun, runFigures, runTable, type BenchRun, type Check } from './per-run.js';
import { measureThrottled, type ThrottledFigures } from './kiosk-throttled.js';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    runs: { type: 'string' },
    only: { type: 'string' },
    agents: { type: 'string', default: '2' },
    // On a machine shared with other work (builds, test suites), the servers and the load agents
    // run at nice -10 when allowed, so the figures describe the server, not its neighbours.
    priority: { type: 'string', default: '-10' },
    out: { type: 'string', default: join(projectRoot, 'bench-results.json') },
  },
});
const quick = values.quick;
const runs = Math.max(1, Number(values.runs ?? 1));
const only = new Set((values.only ?? 'steady,big,ramp,storm,client,backups,throttled').split(','));
const agents = Number(values.agents);
const started = Date.now();
const log = (line: string) => console.log(line);

// ---------- build what is measured ----------

// What `npm start` does: rebuild a part only when its sources changed (bin/build.mjs's stamp).
function ensureBuilt(): void {
  buildIfStale();
}

function machine() {
  let lscpu = '';
  try {
    lscpu = execFileSync('lscpu', { encoding: 'utf8' });
  } catch {
    // not Linux: the CPU model from Node is enough
  }
  const field = (name: string) => new RegExp(`^${name}:\\s+(.+)$`, 'm').exec(lscpu)?.[1]?.trim() ?? null;
  return {
    cpu: field('Model name') ?? cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGb: round(totalmem() / 2 ** 30, 1),
    hypervisor: field('Hypervisor vendor'),
    node: process.version,
    loadAverageAtStart: loadavg().map((x) => round(x, 2)),
    niceValue: getPriority(),
  };
}

// ---------- the load shapes ----------

const shapes = quick
  ? {
      steady: { candidates: 100, dashboards: 4, intervalMs: [1000, 2000] as [number, number], warmupS: 1, measureS: 3 },
      big: null,
      ramp: null,
      storm: { typing: 50, logins: 100, spreadS: 3, afterStartS: 2, dashboards: 2, intervalMs: [1000, 2000] as [number, number] },
    }
  : {
      steady: { candidates: 1000, dashboards: 20, intervalMs: [2000, 2000] as [number, number], warmupS: 5, measureS: 30 },
      big: { candidates: 5000, dashboards: 20, intervalMs: [2000, 2000] as [number, number], warmupS: 5, measureS: 30 },
      // Steps of 500 saves/s up to 9,000: with 6,000 then 8,000 the ratio could only read 0.62, 0.75 or 1.0
      // against a ceiling that passes 8,000, and moved between them with the machine's noise.
      ramp: { candidates: 2000, rates: [1000, 1500, 2000, 2500, 3000, 3500, 4000, 4500, 5000, 5500, 6000, 6500, 7000, 7500, 8000, 8500, 9000, 10000, 12000], stepS: 8, warmupS: 3 },
      storm: { typing: 1000, logins: 1000, spreadS: 30, afterStartS: 10, dashboards: 20, intervalMs: [2000, 2000] as [number, number] },
    };

type Run = BenchRun;

const priority = Number(values.priority);
// Children inherit the nice value: the servers, the load agents and Chromium.
if (priority !== 0) {
  try {
    setPriority(priority);
  } catch {
    log(`(could not set the priority to ${priority}: running at the default)`);
  }
}
const common = { mode: 'dist' as const, agents, log, priority: priority === 0 ? undefined : priority };

async function oneRun(): Promise<Run> {
  const run: Run = {};
  if (only.has('steady')) {
    log(`steady: ${shapes.steady.candidates} candidates, ${shapes.steady.dashboards} dashboards, a save every ${shapes.steady.intervalMs.join('-')} ms`);
    const lectern = await runSteady('lectern', { ...common, ...shapes.steady });
    const ceiling = await runSteady('ceiling', { ...common, ...shapes.steady });
    run.steady = { lectern, ceiling };
    printSteady(lectern, ceiling);
  }
  if (only.has('big') && shapes.big) {
    log(`big: ${shapes.big.candidates} candidates, a save every ${shapes.big.intervalMs.join('-')} ms`);
    const lectern = await runSteady('lectern', { ...common, ...shapes.big });
    const ceiling = await runSteady('ceiling', { ...common, ...shapes.big });
    run.big = { lectern, ceiling };
    printSteady(lectern, ceiling);
  }
  if (only.has('ramp') && shapes.ramp) {
    // Both servers up at once, each rate on one then the other: noise lands on both alike.
    log(`ramp: ${shapes.ramp.candidates} kiosks, rising save rate, Lectern and the ceiling alternated at each rate, until p99 passes 100 ms`);
    run.ramp = await runRampAlternated({ ...common, ...shapes.ramp });
    const { lectern, ceiling } = run.ramp;
    log(`  highest throughput with p99 <= 100 ms: Lectern ${lectern.maxSavesPerSUnderLimit ?? '-'} saves/s, ceiling ${ceiling.maxSavesPerSUnderLimit ?? '-'} saves/s`);
  }
  if (only.has('storm')) {
    run.storm = await runStorm({ ...common, ...shapes.storm });
    const s = run.storm;
    log(`  login p99 ${s.login.p99} ms (ready p99 ${s.ready.p99} ms), saves p99 during the storm ${s.ackDuringStorm.p99} ms, after the start ${s.ackAfterStart.p99} ms; exam in hand on every kiosk p99 ${s.examShownFromStart.p99} ms from the start request (${s.attemptAfterStart.p99} ms from the start frame), lost ${s.lost}, errors ${s.errors}`);
  }
  if (only.has('backups')) {
    log(`backups: the steady shape with an online backup every second (LECTERN_BACKUP_INTERVAL=1)`);
    run.backups = await runSteady('lectern', { ...common, ...shapes.steady, env: { LECTERN_BACKUP_INTERVAL: '1' } });
    const b = run.backups;
    log(`  ${b.savesPerS} saves/s  ack p50 ${b.ack.p50} p99 ${b.ack.p99} p99.9 ${b.ack.p999} ms  lost ${b.lost}/${b.lostChecked}  errors ${b.errors}`);
  }
  return run;
}

function printSteady(l: SteadyFigures, c: SteadyFigures): void {
  const row = (f: SteadyFigures) =>
    `  ${f.target.padEnd(8)} ${String(f.savesPerS).padStart(7)} saves/s  ack p50 ${f.ack.p50} p99 ${f.ack.p99} p99.9 ${f.ack.p999} ms  loop lag p99 ${f.loopLag?.p99 ?? '-'} ms  cpu ${f.serverCpuPercent ?? '-'}%  rss ${f.rssMb} MB  lost ${f.lost}/${f.lostChecked}  errors ${f.errors}${f.dashboards ? `  dashboards ${f.dashboardsConnected}/${f.dashboards} event p99 ${f.event.p99 ?? 'n/a'} ms` : ''}  (generator lag p99 ${f.generatorLagP99} ms${f.generatorLagged ? ', LAGGED' : ''}; load ${f.loadBefore} -> ${f.loadDuring}, stolen ${f.stolenPercent ?? '-'} %)`;
  log(row(l));
  log(row(c));
  if (l.dashboards && l.dashboardsConnected === 0) log(`  dashboards: unavailable (${l.dashboardRefusal ?? 'no staff live view'})`);
}

// ---------- main ----------

ensureBuilt();
const machineInfo = machine();
log(`machine: ${machineInfo.cpu}, ${machineInfo.cores} cores, ${machineInfo.memoryGb} GiB, node ${machineInfo.node}, load average ${machineInfo.loadAverageAtStart.join(' ')}`);
const allRuns: Run[] = [];
for (let i = 0; i < runs; i++) {
  if (runs > 1) log(`--- run ${i + 1} of ${runs} ---`);
  allRuns.push(await oneRun());
}
let client: ClientFigures | null = null;
if (only.has('client')) {
  log('client: kiosk budgets in Chromium');
  // --quick promises a minute: on a busy machine the browser part gives way to that promise.
  const browser = !quick || Date.now() - started < 40_000;
  client = await measureClient({ quick, mode: 'dist', log, browser });
  log(`  kiosk JS ${client.kioskJsGzipKb ?? '-'} KB gzipped (${client.kioskFirstJsGzipKb ?? '-'} KB before the login screen), interactive ${client.interactiveMs ?? '-'} ms, long frames while typing ${client.typing?.longFrames ?? '-'}`);
  for (const p of client.problems) log(`  ! ${p}`);
}

// Once per run, as the server's steps: issue 13's modest-workstation targets are judged in each run
// too, and one measurement of a dashboard's p99 (300 samples) says little about the next.
const throttledRuns: ThrottledFigures[] = [];
if (only.has('throttled')) {
  for (let i = 0; i < runs; i++) {
    log(`throttled${runs > 1 ? ` (${i + 1} of ${runs})` : ''}: the kiosk and the dashboard in Chromium with the CPU slowed 4 times`);
    const figures = await measureThrottled({ quick, log });
    for (const p of figures.problems) log(`  ! ${p}`);
    throttledRuns.push(figures);
  }
}
/** A throttled figure of each run, then their median (null: not measured). */
const throttledEach = (pick: (t: ThrottledFigures) => number | null | undefined) => throttledRuns.map((t) => pick(t) ?? null);
const throttledMedian = (pick: (t: ThrottledFigures) => number | null | undefined) => {
  const v = throttledEach(pick).filter((x): x is number => x !== null);
  return v.length ? round(median(v), 2) : null;
};

const med = (pick: (r: Run) => number | null | undefined) => {
  const v = allRuns.map(pick).filter((x): x is number | null => x !== undefined);
  return v.length ? round(median(v), 2) : null;
};
const sum = (pick: (r: Run) => number | undefined) => allRuns.reduce((n, r) => n + (pick(r) ?? 0), 0);

const lecternLost = sum((r) => (r.backups?.lost ?? 0) + (r.steady?.lectern.lost ?? 0) + (r.big?.lectern.lost ?? 0) + (r.ramp?.lectern.lost ?? 0) + (r.storm?.lost ?? 0));
const ceilingLost = sum((r) => (r.steady?.ceiling.lost ?? 0) + (r.big?.ceiling.lost ?? 0) + (r.ramp?.ceiling.lost ?? 0));
const lecternMax = med((r) => r.ramp?.lectern.maxSavesPerSUnderLimit);
const ceilingMax = med((r) => r.ramp?.ceiling.maxSavesPerSUnderLimit);
// Without a ramp (quick), the ratio compares throughput at the same offered load.
const ratioBasis = lecternMax !== null && ceilingMax !== null ? 'highest save throughput with ack p99 <= 100 ms (ramp)' : 'save throughput under the same offered load (no ramp)';
const lecternThroughput = lecternMax ?? med((r) => r.steady?.lectern.savesPerS);
const ceilingThroughput = ceilingMax ?? med((r) => r.steady?.ceiling.savesPerS);

const results = {
  generatedAt: new Date().toISOString(),
  quick,
  runCount: runs,
  machine: { ...machineInfo, loadAverageAtEnd: loadavg().map((x) => round(x, 2)) },
  // The headline: the steady shape (1,000 candidates, 20 dashboards, a save every 2 s).
  candidates: shapes.steady.candidates,
  dashboards: shapes.steady.dashboards,
  saves_per_s: med((r) => r.steady?.lectern.savesPerS),
  ack_p50_ms: med((r) => r.steady?.lectern.ack.p50),
  ack_p99_ms: med((r) => r.steady?.lectern.ack.p99),
  ack_p999_ms: med((r) => r.steady?.lectern.ack.p999),
  event_p99_ms: med((r) => r.steady?.lectern.event.p99),
  loop_lag_p99_ms: med((r) => r.steady?.lectern.loopLag?.p99),
  rss_mb: med((r) => r.steady?.lectern.rssMb),
  rss_setup_peak_mb: med((r) => r.steady?.lectern.rssSetupPeakMb),
  lost: lecternLost,
  errors: sum((r) => r.steady?.lectern.errors),
  ceiling_saves_per_s: ceilingThroughput,
  ratio_to_ceiling: lecternThroughput !== null && ceilingThroughput ? round(lecternThroughput / ceilingThroughput, 3) : null,
  ratio_basis: ratioBasis,
  lectern_max_saves_per_s_p99_under_100ms: lecternMax,
  ceiling_ack_p99_ms: med((r) => r.steady?.ceiling.ack.p99),
  ceiling_rss_mb: med((r) => r.steady?.ceiling.rssMb),
  ceiling_big_ack_p99_ms: med((r) => r.big?.ceiling.ack.p99),
  // The first offered rate of the ramp whose p99 went over 100 ms (null: never, up to the last rate).
  lectern_passed_100ms_at: med((r) => r.ramp?.lectern.passedLimitAt),
  ceiling_passed_100ms_at: med((r) => r.ramp?.ceiling.passedLimitAt),
  ceiling_lost: ceilingLost,
  big_candidates: shapes.big?.candidates ?? null,
  big_ack_p99_ms: med((r) => r.big?.lectern.ack.p99),
  big_saves_per_s: med((r) => r.big?.lectern.savesPerS),
  big_rss_mb: med((r) => r.big?.lectern.rssMb),
  login_p99_ms: med((r) => r.storm?.login.p99),
  storm_ready_p99_ms: med((r) => r.storm?.ready.p99),
  storm_ack_p99_ms: med((r) => r.storm?.ackDuringStorm.p99),
  backups_ack_p99_ms: med((r) => r.backups?.ack.p99),
  backups_ack_p999_ms: med((r) => r.backups?.ack.p999),
  storm_after_start_ack_p99_ms: med((r) => r.storm?.ackAfterStart.p99),
  storm_exam_shown_p99_ms: med((r) => r.storm?.examShownFromStart.p99),
  kiosk_js_gzip_kb: client?.kioskJsGzipKb ?? null,
  kiosk_first_js_gzip_kb: client?.kioskFirstJsGzipKb ?? null,
  kiosk_interactive_ms: client?.interactiveMs ?? null,
  kiosk_long_frames_typing: client?.typing?.longFrames ?? null,
  kiosk_max_frame_ms_typing: client?.typing?.maxFrameMs ?? null,
  // The same typing in a bare <textarea>: what Chromium's own field costs (client-budgets.ts).
  bare_textarea_long_frames_typing: client?.typing?.bareTextarea?.longFrames ?? null,
  throttled_kiosk_interactive_ms: throttledMedian((t) => t.kiosk.interactiveMs),
  throttled_kiosk_long_frames_typing: throttledMedian((t) => t.kiosk.typing?.longFrames),
  throttled_kiosk_max_frame_ms_typing: throttledMedian((t) => t.kiosk.typing?.maxFrameMs),
  throttled_bare_textarea_long_frames_typing: throttledMedian((t) => t.kiosk.typing?.bareTextarea?.longFrames),
  throttled_bare_textarea_max_frame_ms_typing: throttledMedian((t) => t.kiosk.typing?.bareTextarea?.maxFrameMs),
  // Per key at CPU /4, medians from the Event Timing API (client-budgets.ts, PerKeyFigures): steadier than the frame count.
  throttled_kiosk_input_handlers_p50_ms: throttledMedian((t) => t.kiosk.typing?.perKey.inputHandlerP50Ms),
  throttled_kiosk_key_handled_p50_ms: throttledMedian((t) => t.kiosk.typing?.perKey.keyHandlingP50Ms),
  throttled_bare_textarea_key_handled_p50_ms: throttledMedian((t) => t.kiosk.typing?.bareTextarea?.perKey.keyHandlingP50Ms),
  throttled_kiosk_key_to_frame_p50_ms: throttledMedian((t) => t.kiosk.typing?.perKey.keyToFrameP50Ms),
  throttled_bare_textarea_key_to_frame_p50_ms: throttledMedian((t) => t.kiosk.typing?.bareTextarea?.perKey.keyToFrameP50Ms),
  throttled_dashboard_display_p99_ms: throttledMedian((t) => t.dashboard?.p99Ms),
  // Each throttled run's headline figures (the fields above are their medians).
  throttled_runs: throttledRuns.map((t) => ({
    interactiveMs: t.kiosk.interactiveMs,
    typingLongFrames: t.kiosk.typing?.longFrames ?? null,
    typingMaxFrameMs: t.kiosk.typing?.maxFrameMs ?? null,
    bareTextareaLongFrames: t.kiosk.typing?.bareTextarea?.longFrames ?? null,
    dashboardP99Ms: t.dashboard?.p99Ms ?? null,
    dashboardSocketP99Ms: t.dashboard?.socketP99Ms ?? null,
    dashboardLongTasks: t.dashboard?.longTasks ?? null,
    stolenPercent: t.stolenPercent,
  })),
  durationS: Math.round((Date.now() - started) / 1000),
  // Every run's figures beside the ceiling's, and their ratios: the medians above hide a bad run.
  runs: runFigures(allRuns),
  details: { runs: allRuns, client, throttled: throttledRuns },
};

// Each target is judged in every run (issue 15, item 1): met only when it holds in each of them.
const each = (pick: (r: Run) => number | null | undefined) => allRuns.map(pick).map((v) => v ?? null);
const stormSaves = (r: Run) => (r.storm ? Math.max(r.storm.ackDuringStorm.p99 ?? 0, r.storm.ackAfterStart.p99 ?? 0) : null);
const perRun = results.runs;
const targets: Check[] = quick
  ? []
  : [
      checkEachRun('1,000 candidates: ack p99 <= 50 ms', each((r) => r.steady?.lectern.ack.p99), (v) => v <= 50),
      checkEachRun('1,000 candidates: ack p99 <= 2x the ceiling', perRun.map((f) => f.steady?.ackP99Ms.ratio), (v) => v <= 2),
      checkEachRun('1,000 candidates: no error', each((r) => r.steady?.lectern.errors), (v) => v === 0),
      checkEachRun('nothing lost (every Lectern run)', perRun.map((f) => f.lost), (v) => v === 0),
      checkEachRun('1,000 candidates: server RSS <= 200 MB', each((r) => r.steady?.lectern.rssMb), (v) => v <= 200),
      checkEachRun('5,000 candidates: ack p99 <= 100 ms', each((r) => r.big?.lectern.ack.p99), (v) => v <= 100),
      checkEachRun('5,000 candidates: ack p99 <= 2x the ceiling', perRun.map((f) => f.big?.ackP99Ms.ratio), (v) => v <= 2),
      checkEachRun('ramp: throughput at p99 100 ms >= 90% of the ceiling', perRun.map((f) => f.ramp?.ratio), (v) => v >= 0.9),
      checkEachRun('storm: login p99 <= 1 s', each((r) => r.storm?.login.p99), (v) => v <= 1000),
      checkEachRun('storm: saves p99 <= 100 ms', each(stormSaves), (v) => v <= 100),
      checkEachRun('exam start: paper, documents and images on every kiosk p99 <= 500 ms', each((r) => r.storm?.examShownFromStart.p99), (v) => v <= 500),
      checkEachRun('kiosk JS <= 60 KB gzipped', [results.kiosk_js_gzip_kb], (v) => v <= 60),
      checkEachRun('kiosk interactive <= 300 ms', [results.kiosk_interactive_ms], (v) => v <= 300),
      checkEachRun('no frame over 50 ms while typing at 50,000 characters', [results.kiosk_long_frames_typing], (v) => v === 0),
      checkEachRun('CPU /4: kiosk interactive <= 1 s', throttledEach((t) => t.kiosk.interactiveMs), (v) => v <= 1000),
      checkEachRun('CPU /4: no frame over 50 ms while typing at 50,000 characters', throttledEach((t) => t.kiosk.typing?.longFrames), (v) => v === 0),
      checkEachRun('CPU /4: dashboard event to display p99 <= 100 ms (300 candidates)', throttledEach((t) => t.dashboard?.p99Ms), (v) => v <= 100),
    ];

const output = { ...results, targets };
const tmp = values.out + '.tmp';
writeFileSync(tmp, JSON.stringify(output, null, 2) + '\n');
renameSync(tmp, values.out);

log('');
for (const line of runTable(results.runs)) log(line);
log('');
log(`Lectern, ${results.candidates} candidates${runs > 1 ? ` (median of ${runs} runs)` : ''}: ${results.saves_per_s} saves/s, ack p50 ${results.ack_p50_ms} / p99 ${results.ack_p99_ms} / p99.9 ${results.ack_p999_ms} ms, dashboard event p99 ${results.event_p99_ms ?? 'unavailable'} ms, loop lag p99 ${results.loop_lag_p99_ms} ms, RSS ${results.rss_mb} MB, lost ${results.lost}, errors ${results.errors}`);
log(`ceiling: ${results.ceiling_saves_per_s} saves/s; ratio ${results.ratio_to_ceiling} (${results.ratio_basis})`);
if (results.big_candidates) log(`${results.big_candidates} candidates: ack p99 ${results.big_ack_p99_ms} ms at ${results.big_saves_per_s} saves/s`);
log(`storm: login p99 ${results.login_p99_ms} ms, saves p99 ${results.storm_ack_p99_ms} ms (after the start ${results.storm_after_start_ack_p99_ms} ms), exam in hand p99 ${results.storm_exam_shown_p99_ms} ms from the start request`);
log(`kiosk: ${results.kiosk_js_gzip_kb} KB gzipped, interactive ${results.kiosk_interactive_ms} ms, frames over 50 ms while typing ${results.kiosk_long_frames_typing}`);
for (const t of targets) log(`  [${t.met === null ? ' ?  ' : t.met ? ' ok ' : 'MISS'}] ${t.target}: ${t.values.map((v) => v ?? '-').join(' / ')}`);
log(`wrote ${values.out} in ${results.durationS} s`);
