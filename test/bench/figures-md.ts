// Prints bench-results.json as the Markdown of docs/performance.md's "Latest figures":
//   npx tsx test/bench/figures-md.ts [bench-results.json]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../server/paths.js';
import { runTable, type Check, type RunFigures } from './per-run.js';

type Figures = Record<string, unknown> & {
  runCount: number;
  runs: RunFigures[];
  machine: { cpu: string; cores: number; memoryGb: number; hypervisor: string | null; node: string; loadAverageAtStart: number[]; loadAverageAtEnd: number[]; niceValue: number };
  targets: Check[];
  details: { runs: Record<string, unknown>[] };
};

const file = process.argv[2] ?? join(projectRoot, 'bench-results.json');
const r = JSON.parse(readFileSync(file, 'utf8')) as Figures;
const n = (key: string, unit = '') => (r[key] === null || r[key] === undefined ? 'n/a' : `${r[key] as number}${unit}`);
const m = r.machine;
const lines = [
  `Measured ${String(r.generatedAt).slice(0, 16).replace('T', ' ')} UTC, ${r.quick ? 'quick' : 'full'} bench, ${r.runCount} run${r.runCount === 1 ? '' : 's'} (the table's figures are medians; each run's below), on ${m.cpu} (${m.cores} cores${m.hypervisor ? `, ${m.hypervisor} VM` : ''}), ${m.memoryGb} GiB, Node ${m.node}; load average ${m.loadAverageAtStart.join(' ')} at the start and ${m.loadAverageAtEnd.join(' ')} at the end, nice ${m.niceValue}. The load generator runs on the same machine.`,
  '',
  '| | Lectern | ceiling |',
  '|---|---|---|',
  `| ${n('candidates')} candidates, a save every 2 s, ${n('dashboards')} dashboards: saves/s | ${n('saves_per_s')} | |`,
  `| ack latency p50 / p99 / p99.9 | ${n('ack_p50_ms')} / ${n('ack_p99_ms')} / ${n('ack_p999_ms')} ms | p99 ${n('ceiling_ack_p99_ms', ' ms')} |`,
  `| dashboard event latency p99 | ${n('event_p99_ms', ' ms')} | |`,
  `| server event-loop lag p99 | ${n('loop_lag_p99_ms', ' ms')} | |`,
  `| server peak RSS under load (set-up peak) | ${n('rss_mb', ' MB')} (${n('rss_setup_peak_mb', ' MB')}) | ${n('ceiling_rss_mb', ' MB')} |`,
  `| saves lost, all runs / errors | ${n('lost')} / ${n('errors')} | ${n('ceiling_lost')} / |`,
  `| ${n('big_candidates')} candidates, a save every 2 s: ack p99 (saves/s) | ${n('big_ack_p99_ms', ' ms')} (${n('big_saves_per_s')}) | ${n('ceiling_big_ack_p99_ms', ' ms')} |`,
  `| highest throughput with ack p99 ≤ 100 ms (ramp) | ${n('lectern_max_saves_per_s_p99_under_100ms', ' saves/s')} | ${n('ceiling_saves_per_s', ' saves/s')} |`,
  `| first ramp rate whose p99 passed 100 ms | ${n('lectern_passed_100ms_at', '/s')} | ${n('ceiling_passed_100ms_at', '/s')} |`,
  `| ratio to the ceiling | ${n('ratio_to_ceiling')} | |`,
  `| storm, 1,000 logins in 30 s: login p99 (usable kiosk p99) | ${n('login_p99_ms', ' ms')} (${n('storm_ready_p99_ms', ' ms')}) | |`,
  `| storm: saves p99 during the logins / after the start | ${n('storm_ack_p99_ms', ' ms')} / ${n('storm_after_start_ack_p99_ms', ' ms')} | |`,
  `| exam start: paper, documents and images on every kiosk, p99 from the start request | ${n('storm_exam_shown_p99_ms', ' ms')} | |`,
  `| kiosk JS gzipped, all files (before the login screen) | ${n('kiosk_js_gzip_kb', ' KB')} (${n('kiosk_first_js_gzip_kb', ' KB')}) | |`,
  `| kiosk interactive (navigation to a focusable login field) | ${n('kiosk_interactive_ms', ' ms')} | |`,
  `| frames over 50 ms typing at 50,000 characters (longest) | ${n('kiosk_long_frames_typing')} (${n('kiosk_max_frame_ms_typing', ' ms')}) | |`,
  `| the same typing in a bare <textarea> (Chromium's own field) | ${n('bare_textarea_long_frames_typing')} | |`,
  '',
  "Each run, Lectern / ceiling = ratio (load average before/during the measurement; CPU stolen by the host: the share of the machine's CPU time the hypervisor gave to other guests meanwhile; LAG: a load agent's event-loop delay p99 passed 20 ms, so the generator itself was late):",
  '',
  '```',
  ...runTable(r.runs),
  '```',
  '',
  'Targets, each judged in every run (met only if it holds in all):',
  '',
  ...r.targets.map((t) => `- ${t.met === null ? 'not measured' : t.met ? 'met' : '**missed**'}: ${t.target} (${t.values.map((v) => v ?? 'n/a').join(' / ')})`),
];
console.log(lines.join('\n'));
