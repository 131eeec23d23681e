// Runs one load shape from the command line, e.g.
//   npx tsx test/load/cli.ts steady --target lectern --candidates 1000 --dashboards 20 --measure 30
//   npx tsx test/load/cli.ts ramp --target ceiling --candidates 2000 --rates 1000,2000,4000
//   npx tsx test/load/cli.ts storm --typing 1000 --logins 1000 --spread 30
// Lectern runs from dist/ with --dist (build first), from its sources otherwise.
import { parseArgs } from 'node:util';
import { runRamp } from './ramp.js';
import { runSteady, runStorm, type TargetKind } from './scenarios.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    target: { type: 'string', default: 'lectern' },
    candidates: { type: 'string', default: '100' },
    dashboards: { type: 'string', default: '0' },
    interval: { type: 'string', default: '2000,2000' },
    warmup: { type: 'string', default: '3' },
    measure: { type: 'string', default: '10' },
    rates: { type: 'string', default: '500,1000,2000,3000,4000' },
    step: { type: 'string', default: '8' },
    typing: { type: 'string', default: '1000' },
    logins: { type: 'string', default: '1000' },
    spread: { type: 'string', default: '30' },
    agents: { type: 'string', default: '2' },
    dist: { type: 'boolean', default: false },
    'cpu-prof': { type: 'string' },
    // More Node/V8 flags for the server, space-separated: --node-flags="--max-semi-space-size=4"
    'node-flags': { type: 'string', default: '' },
    // Lectern with Node's default memory settings, not those of `npm start` (bin/server-tuning.mjs).
    untuned: { type: 'boolean', default: false },
    priority: { type: 'string' },
  },
});
const shape = positionals[0] ?? 'steady';
const common = {
  mode: values.dist ? ('dist' as const) : ('tsx' as const),
  agents: Number(values.agents),
  nodeFlags: [...(values['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${values['cpu-prof']}`] : []), ...values['node-flags'].split(' ').filter(Boolean)],
  priority: values.priority === undefined ? undefined : Number(values.priority),
  tuned: !values.untuned,
  log: (line: string) => console.error(line),
};
const interval = values.interval.split(',').map(Number) as [number, number];
let result: unknown;
if (shape === 'steady') {
  result = await runSteady(values.target as TargetKind, { ...common, candidates: Number(values.candidates), dashboards: Number(values.dashboards), intervalMs: interval, warmupS: Number(values.warmup), measureS: Number(values.measure) });
} else if (shape === 'ramp') {
  result = await runRamp(values.target as TargetKind, { ...common, candidates: Number(values.candidates), rates: values.rates.split(',').map(Number), stepS: Number(values.step), warmupS: Number(values.warmup) });
} else if (shape === 'storm') {
  result = await runStorm({ ...common, typing: Number(values.typing), logins: Number(values.logins), spreadS: Number(values.spread), afterStartS: Number(values.measure), dashboards: Number(values.dashboards), intervalMs: interval });
} else {
  console.error(`unknown shape ${shape}: steady, ramp or storm`);
  process.exit(2);
}
console.log(JSON.stringify(result, null, 2));
