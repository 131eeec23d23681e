// `npm run bench`: Lectern and the ceiling under the same load, the exam-start storm and the
// kiosk's budgets; prints the figures and writes bench-results.json at the repository root.
//
//   npm run bench                 the full benchmark (several minutes)
//   npm run bench -- --quick      a small version, within 60 seconds
//   npm run bench -- --runs 3     each load shape three times; the figures are the medians
//   npm run bench -- --only steady,ramp,big,storm,client,backups,throttled
//   npm run bench -- --priority=0 do not raise the priority of the servers and the load agents
//
// Every server runs on 127.0.0.1 as a child process with a temporary data directory; every
// load is bounded in count and time and stops by itself.
import { execFileSync, execSync } from 'node:child_process';
import { existsSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { cpus, getPriority, loadavg, setPriority, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { projectRoot } from '../../server/paths.js';
import { runRamp, runSteady, runStorm, type RampFigures, type SteadyFigures, type StormFigures } from '../load/scenarios.js';
import { median, round } from '../load/stats.js';
import { measureClient, type ClientFigures } from './client-budgets.js';
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

function newestMtime(dir: string, ext: string): number {
  let newest = 0;
  if (!existsSync(dir)) return 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(p, ext));
    else if (entry.name.endsWith(ext)) newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

function ensureBuilt(): void {
  const serverOut = join(projectRoot, 'dist', 'server', 'main.js');
  if (!existsSync(serverOut) || statSync(serverOut).mtimeMs < newestMtime(join(projectRoot, 'server'), '.ts')) {
    log('building the server (npm run build:server)...');
    execSync('npm run build:server', { cwd: projectRoot, stdio: 'inherit' });
  }
  const kioskOut = join(projectRoot, 'dist', 'client', 'assets', 'kiosk.js');
  if (!existsSync(kioskOut) || statSync(kioskOut).mtimeMs < newestMtime(join(projectRoot, 'client'), '.ts')) {
    log('building the client (npm run build:client)...');
    execSync('npm run build:client', { cwd: projectRoot, stdio: 'inherit' });
  }
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
      ramp: { candidates: 2000, rates: [1000, 1500, 2000, 2500, 3000, 3500, 4000, 5000, 6000, 8000, 10000, 12000], stepS: 8, warmupS: 3 },
      storm: { typing: 1000, logins: 1000, spreadS: 30, afterStartS: 10, dashboards: 20, intervalMs: [2000, 2000] as [number, number] },
    };

interface Run {
  steady?: { lectern: SteadyFigures; ceiling: SteadyFigures };
  big?: { lectern: SteadyFigures; ceiling: SteadyFigures };
  ramp?: { lectern: RampFigures; ceiling: RampFigures };
  storm?: StormFigures;
  /** The steady shape again with a backup every second (issue 10): the saves must not wait for it. */
  backups?: SteadyFigures;
}

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
    log(`ramp: ${shapes.ramp.candidates} kiosks, rising save rate, until p99 passes 100 ms`);
    const lectern = await runRamp('lectern', { ...common, ...shapes.ramp });
    const ceiling = await runRamp('ceiling', { ...common, ...shapes.ramp });
    run.ramp = { lectern, ceiling };
    log(`  highest throughput with p99 <= 100 ms: Lectern ${lectern.maxSavesPerSUnderLimit ?? '-'} saves/s, ceiling ${ceiling.maxSavesPerSUnderLimit ?? '-'} saves/s`);
  }
  if (only.has('storm')) {
    run.storm = await runStorm({ ...common, ...shapes.storm });
    const s = run.storm;
    log(`  login p99 ${s.login.p99} ms (ready p99 ${s.ready.p99} ms), saves p99 during the storm ${s.ackDuringStorm.p99} ms, after the start ${s.ackAfterStart.p99} ms (paper fetched p99 ${s.attemptAfterStart.p99} ms), lost ${s.lost}, errors ${s.errors}`);
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
    `  ${f.target.padEnd(8)} ${String(f.savesPerS).padStart(7)} saves/s  ack p50 ${f.ack.p50} p99 ${f.ack.p99} p99.9 ${f.ack.p999} ms  loop lag p99 ${f.loopLag?.p99 ?? '-'} ms  cpu ${f.serverCpuPercent ?? '-'}%  rss ${f.rssMb} MB  lost ${f.lost}/${f.lostChecked}  errors ${f.errors}${f.dashboards ? `  dashboards ${f.dashboardsConnected}/${f.dashboards} event p99 ${f.event.p99 ?? 'n/a'} ms` : ''}  (generator lag p99 ${f.generatorLagP99} ms)`;
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
  log(`  kiosk.js ${client.kioskJsGzipKb ?? '-'} KB gzipped, interactive ${client.interactiveMs ?? '-'} ms, long frames while typing ${client.typing?.longFrames ?? '-'}`);
  for (const p of client.problems) log(`  ! ${p}`);
}

let throttled: ThrottledFigures | null = null;
if (only.has('throttled')) {
  log('throttled: the kiosk and the dashboard in Chromium with the CPU slowed 4 times');
  throttled = await measureThrottled({ quick, log });
  for (const p of throttled.problems) log(`  ! ${p}`);
}

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
  runs,
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
  kiosk_js_gzip_kb: client?.kioskJsGzipKb ?? null,
  kiosk_interactive_ms: client?.interactiveMs ?? null,
  kiosk_long_frames_typing: client?.typing?.longFrames ?? null,
  kiosk_max_frame_ms_typing: client?.typing?.maxFrameMs ?? null,
  throttled_kiosk_interactive_ms: throttled?.kiosk.interactiveMs ?? null,
  throttled_kiosk_long_frames_typing: throttled?.kiosk.typing?.longFrames ?? null,
  throttled_kiosk_max_frame_ms_typing: throttled?.kiosk.typing?.maxFrameMs ?? null,
  throttled_dashboard_display_p99_ms: throttled?.dashboard?.p99Ms ?? null,
  durationS: Math.round((Date.now() - started) / 1000),
  details: { runs: allRuns, client, throttled },
};

type Check = { target: string; value: number | string | null; met: boolean | null };
const check = (target: string, value: number | null, ok: (v: number) => boolean): Check => ({ target, value, met: value === null ? null : ok(value) });
const targets: Check[] = quick
  ? []
  : [
      check('1,000 candidates: ack p99 <= 50 ms', results.ack_p99_ms, (v) => v <= 50),
      check('1,000 candidates: no error', results.errors, (v) => v === 0),
      check('nothing lost (every Lectern run)', results.lost, (v) => v === 0),
      check('1,000 candidates: server RSS <= 250 MB', results.rss_mb, (v) => v <= 250),
      check('5,000 candidates: ack p99 <= 100 ms', results.big_ack_p99_ms, (v) => v <= 100),
      check('throughput at p99 100 ms >= 80% of the ceiling', results.ratio_to_ceiling, (v) => v >= 0.8),
      check('storm: login p99 <= 1 s', results.login_p99_ms, (v) => v <= 1000),
      check('storm: saves p99 <= 100 ms', results.storm_ack_p99_ms === null ? null : Math.max(results.storm_ack_p99_ms, results.storm_after_start_ack_p99_ms ?? 0), (v) => v <= 100),
      check('kiosk JS <= 60 KB gzipped', results.kiosk_js_gzip_kb, (v) => v <= 60),
      check('kiosk interactive <= 300 ms', results.kiosk_interactive_ms, (v) => v <= 300),
      check('no frame over 50 ms while typing at 50,000 characters', results.kiosk_long_frames_typing, (v) => v === 0),
      check('CPU /4: kiosk interactive <= 1 s', results.throttled_kiosk_interactive_ms, (v) => v <= 1000),
      check('CPU /4: no frame over 50 ms while typing at 50,000 characters', results.throttled_kiosk_long_frames_typing, (v) => v === 0),
      check('CPU /4: dashboard event to display p99 <= 100 ms (300 candidates)', results.throttled_dashboard_display_p99_ms, (v) => v <= 100),
    ];

const output = { ...results, targets };
const tmp = values.out + '.tmp';
writeFileSync(tmp, JSON.stringify(output, null, 2) + '\n');
renameSync(tmp, values.out);

log('');
log(`Lectern, ${results.candidates} candidates${runs > 1 ? ` (median of ${runs} runs)` : ''}: ${results.saves_per_s} saves/s, ack p50 ${results.ack_p50_ms} / p99 ${results.ack_p99_ms} / p99.9 ${results.ack_p999_ms} ms, dashboard event p99 ${results.event_p99_ms ?? 'unavailable'} ms, loop lag p99 ${results.loop_lag_p99_ms} ms, RSS ${results.rss_mb} MB, lost ${results.lost}, errors ${results.errors}`);
log(`ceiling: ${results.ceiling_saves_per_s} saves/s; ratio ${results.ratio_to_ceiling} (${results.ratio_basis})`);
if (results.big_candidates) log(`${results.big_candidates} candidates: ack p99 ${results.big_ack_p99_ms} ms at ${results.big_saves_per_s} saves/s`);
log(`storm: login p99 ${results.login_p99_ms} ms, saves p99 ${results.storm_ack_p99_ms} ms (after the start ${results.storm_after_start_ack_p99_ms} ms)`);
log(`kiosk: ${results.kiosk_js_gzip_kb} KB gzipped, interactive ${results.kiosk_interactive_ms} ms, frames over 50 ms while typing ${results.kiosk_long_frames_typing}`);
for (const t of targets) log(`  [${t.met === null ? ' ?  ' : t.met ? ' ok ' : 'MISS'}] ${t.target}: ${t.value ?? 'not measured'}`);
log(`wrote ${values.out} in ${results.durationS} s`);
