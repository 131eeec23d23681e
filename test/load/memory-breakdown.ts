// Where a Lectern server's resident memory goes at each stage of the steady shape (issue 15's
// RSS target): after start, after the kiosks' logins, after the dashboards connect, while typing.
//   npx tsx test/load/memory-breakdown.ts [--candidates 1000] [--dashboards 20] [--dist] [--flags=--max-semi-space-size=8]
// Prints, per stage: VmRSS, the anonymous and file-backed parts (/proc/<pid>/status), and the main
// thread's heap and buffers (process.memoryUsage through the probe). Loopback only, bounded.
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { LoadGenerator } from './generator.js';
import { startServer, type ServerUnderTest } from './server-process.js';
import { prepareLectern } from './targets.js';

const { values } = parseArgs({
  options: {
    candidates: { type: 'string', default: '1000' },
    dashboards: { type: 'string', default: '20' },
    seconds: { type: 'string', default: '15' },
    dist: { type: 'boolean', default: false },
    // Node/V8 flags for the server, e.g. --flags=--max-semi-space-size=8
    flags: { type: 'string', default: '' },
    // Node's default memory settings instead of those `npm start` applies (bin/server-tuning.mjs).
    untuned: { type: 'boolean', default: false },
  },
});

const mb = (bytes: number) => Math.round((bytes / 1048576) * 10) / 10;

function status(pid: number): Record<string, number> {
  const text = readFileSync(`/proc/${pid}/status`, 'utf8');
  const pick = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(text)?.[1] ?? 0) / 1024;
  return { rss: pick('VmRSS'), anon: pick('RssAnon'), file: pick('RssFile'), hwm: pick('VmHWM'), threads: pick('Threads') * 1024 };
}

async function stage(server: ServerUnderTest, name: string): Promise<void> {
  const { memory: m, spaces } = await server.readMemory();
  const s = status(server.pid);
  console.log(
    `${name.padEnd(22)} rss ${s.rss!.toFixed(1)} MB (anon ${s.anon!.toFixed(1)}, file ${s.file!.toFixed(1)}; peak ${s.hwm!.toFixed(1)}; ${s.threads} threads)` +
      `  main heap used ${mb(m.heapUsed)} / total ${mb(m.heapTotal)} MB, external ${mb(m.external)}, array buffers ${mb(m.arrayBuffers)}`,
  );
  console.log(`${''.padEnd(22)} heap spaces (used / size MB): ${spaces.filter((x) => x.size > 1048576).map((x) => `${x.name.replace('_space', '')} ${mb(x.used)}/${mb(x.size)}`).join(', ')}`);
}

const server = await startServer({ kind: 'lectern', mode: values.dist ? 'dist' : 'tsx', nodeFlags: values.flags.split(' ').filter(Boolean), tuned: !values.untuned });
try {
  await stage(server, 'started');
  const target = await prepareLectern(server, { running: Number(values.candidates), dashboards: Number(values.dashboards) });
  await stage(server, 'session prepared');
  const generator = await LoadGenerator.start({ baseUrl: server.baseUrl, candidates: target.candidates, dashboards: target.dashboards, questionIds: target.questionIds, agents: 2 });
  try {
    await generator.login({ phase: 'setup', concurrency: 16 });
    await stage(server, 'kiosks logged in');
    await generator.connectDashboards('warmup');
    await stage(server, 'dashboards connected');
    await generator.type('measure', [2000, 2000]);
    await sleep(Number(values.seconds) * 1000);
    await stage(server, 'typing');
    await generator.stopTyping();
  } finally {
    await generator.close();
  }
} finally {
  await server.stop();
  server.cleanUp();
}
