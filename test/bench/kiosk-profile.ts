// Where the kiosk's time goes on a modest workstation (issue 13 item 7, issue 15 item 4): a
// Chromium performance trace (CDP Tracing through playwright-core) of one cold load of the login
// screen and of typing at the end of a 50,000-character answer, CPU slowed 4 times as in
// kiosk-throttled.ts. Prints, for each phase, the main thread's time per trace event (self time,
// nested events subtracted) and the requests the cold load waited on, in order. A diagnostic for
// whoever changes the kiosk, not a target: the figures are kiosk-throttled.ts's.
//
//   npx tsx test/bench/kiosk-profile.ts [--keys 100] [--no-throttle]
import { chromium, type Browser, type Page } from 'playwright-core';
import { startServer } from '../load/server-process.js';
import { prepareLectern } from '../load/targets.js';
import { CHROMIUM, examWithLongAnswer } from './client-budgets.js';

const argValue = (name: string, fallback: number): number => {
  const at = process.argv.indexOf(name);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const keys = argValue('--keys', 100);
const throttleRate = process.argv.includes('--no-throttle') ? 1 : 4;

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { data?: { functionName?: string; url?: string } };
}

/** Self time per event name on the renderer's main thread, ms, largest first. */
function selfTimes(trace: Buffer, top = 18): string[] {
  const { traceEvents } = JSON.parse(trace.toString()) as { traceEvents: TraceEvent[] };
  // The page's main thread: of the renderers' main threads, the busiest (others are earlier pages').
  const mains = traceEvents.filter((e) => e.name === 'thread_name' && (e as unknown as { args: { name: string } }).args.name === 'CrRendererMain');
  const busy = (m: TraceEvent) => traceEvents.reduce((sum, e) => sum + (e.ph === 'X' && e.pid === m.pid && e.tid === m.tid ? (e.dur ?? 0) : 0), 0);
  const main = mains.sort((a, b) => busy(b) - busy(a))[0];
  const complete = traceEvents.filter((e) => e.ph === 'X' && e.dur !== undefined && main && e.pid === main.pid && e.tid === main.tid).sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const self = new Map<string, number>();
  const stack: { end: number; name: string }[] = [];
  for (const e of complete) {
    while (stack.length && stack.at(-1)!.end <= e.ts) stack.pop();
    const parent = stack.at(-1);
    if (parent) self.set(parent.name, (self.get(parent.name) ?? 0) - e.dur!);
    const name = e.name === 'FunctionCall' && e.args?.data?.functionName ? `FunctionCall ${e.args.data.functionName}` : e.name;
    self.set(name, (self.get(name) ?? 0) + e.dur!);
    stack.push({ end: e.ts + e.dur!, name });
  }
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, us]) => `    ${(us / 1000).toFixed(1).padStart(8)} ms  ${name}`);
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}

/** Self time per function of a CDP CPU profile, ms, largest first. */
function profileSelfTimes(profile: { nodes: ProfileNode[]; samples?: number[]; timeDeltas?: number[] }, top = 25): string[] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<string, number>();
  (profile.samples ?? []).forEach((id, i) => {
    const frame = byId.get(id)!.callFrame;
    const name = `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop()}:${frame.lineNumber + 1}:${frame.columnNumber + 1}`;
    self.set(name, (self.get(name) ?? 0) + (profile.timeDeltas?.[i] ?? 0));
  });
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, us]) => `    ${(us / 1000).toFixed(1).padStart(8)} ms  ${name}`);
}

async function throttled(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttleRate });
  return page;
}

const categories = ['devtools.timeline', 'v8.execute', 'blink.user_timing', 'loading'];

const server = await startServer({ kind: 'lectern', mode: 'dist' });
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
try {
  const target = await prepareLectern(server, { running: 2 });

  // A cold load: what the login screen waits for.
  const cold = await throttled(browser);
  await browser.startTracing(cold, { categories });
  await cold.goto(server.baseUrl + '/');
  await cold.locator('lectern-login input').first().waitFor({ state: 'visible' });
  const coldTrace = await browser.stopTracing();
  const requests = await cold.evaluate(() => {
    const rows = performance.getEntriesByType('resource').map((e) => {
      const r = e as PerformanceResourceTiming;
      return `    ${r.startTime.toFixed(0).padStart(6)} → ${r.responseEnd.toFixed(0).padStart(6)} ms  ${r.name.replace(location.origin, '')} (${r.transferSize} B)`;
    });
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return [`    ${'0'.padStart(6)} → ${nav.responseEnd.toFixed(0).padStart(6)} ms  the page; DOMContentLoaded ${nav.domContentLoadedEventEnd.toFixed(0)} ms`, ...rows];
  });
  console.log(`cold load of the login screen, CPU /${throttleRate}: requests\n${requests.join('\n')}\n  main thread:\n${selfTimes(coldTrace).join('\n')}`);

  // Typing at the end of a 50,000-character answer.
  const candidate = target.candidates[1]!;
  const page = await throttled(browser);
  const { textarea } = await examWithLongAnswer(page, server.baseUrl, candidate, 50_000 - keys);
  await page.waitForTimeout(2500);
  await textarea.press('Control+End');
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await browser.startTracing(page, { categories });
  const started = Date.now();
  await page.keyboard.type('x'.repeat(keys), { delay: 15 });
  await page.waitForTimeout(1500);
  const typingTrace = await browser.stopTracing();
  const { profile } = await cdp.send('Profiler.stop');
  console.log(`typing: JavaScript self time by function (CPU profile)\n${profileSelfTimes(profile).join('\n')}`);
  console.log(`typing ${keys} keys at 50,000 characters (${Date.now() - started} ms with 1.5 s of autosave after), CPU /${throttleRate}: main thread\n${selfTimes(typingTrace).join('\n')}`);
} finally {
  await browser.close();
  await server.stop();
  server.cleanUp();
}
