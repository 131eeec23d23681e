// Preloaded into a server under test (`node --import ./test/load/server-probe.mjs ...`) by the
// load generator, never by `npm start`. It measures the server's event-loop delay in-process
// with perf_hooks and answers over the IPC channel of the process that forked it: nothing is
// exposed on the network, and a server started any other way has no probe at all.
// Plain JavaScript on purpose: it is loaded before the server, built or not.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { getHeapSpaceStatistics } from 'node:v8';

if (typeof process.send === 'function') {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  let cpuMark = process.cpuUsage();
  let wallMark = performance.now();
  // The histogram records the whole interval between two 10 ms timer ticks: the lag is the excess.
  const ms = (ns) => Math.max(0, Math.round((ns / 1e6 - 10) * 100) / 100);

  process.on('message', (m) => {
    if (!m || typeof m !== 'object' || typeof m.probe !== 'string') return;
    if (m.probe === 'reset') {
      delay.reset();
      cpuMark = process.cpuUsage();
      wallMark = performance.now();
      process.send({ probe: 'reset-done', id: m.id });
    } else if (m.probe === 'memory') {
      // Where the resident memory goes (main thread's heap, buffers; the rest is native: the
      // writer thread's isolate, SQLite, sockets), for the RSS target of issue 15.
      process.send({ probe: 'memory-done', id: m.id, memory: process.memoryUsage(), spaces: getHeapSpaceStatistics().map((x) => ({ name: x.space_name, size: x.space_size, used: x.space_used_size })) });
    } else if (m.probe === 'read') {
      const cpu = process.cpuUsage(cpuMark);
      const wall = performance.now() - wallMark;
      const mem = process.memoryUsage();
      process.send({
        probe: 'stats',
        id: m.id,
        loopDelay: {
          p50: ms(delay.percentile(50)),
          p99: ms(delay.percentile(99)),
          max: ms(delay.max),
          mean: ms(delay.mean),
        },
        cpuPercent: wall > 0 ? Math.round(((cpu.user + cpu.system) / 1000 / wall) * 1000) / 10 : 0,
        rssMb: Math.round((mem.rss / 1048576) * 10) / 10,
        heapUsedMb: Math.round((mem.heapUsed / 1048576) * 10) / 10,
      });
    }
  });
  // The IPC channel must not keep a server alive after it has closed everything else.
  process.channel?.unref();
}
