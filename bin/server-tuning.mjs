// The server's memory settings (issue 15: at most 200 MB resident with 1,000 candidates typing).
// V8 and glibc read them when the process starts, so `npm start` and the service unit re-run
// Node with them (process.execve: the same process, the same PID for systemd), and the
// benchmark starts its server with the same ones.
//
// Measured with the steady shape (1,000 candidates, 20 dashboards, 30 s), 2 cores
// (docs/performance.md, "The settings `npm start` now applies"): with V8's defaults the young
// generation grows to 128 MB and the old one well ahead of its live 52 MB, for 314-315 MB
// resident; with these settings 180-191 MB in each run, at an ack p99 of 6.9-9.6 ms (the
// ceiling's 7.0-9.5) and a few points more CPU. `--optimize-for-size` also got under 200 MB but
// doubled the p99; a young generation of 8 MB gave 191-193 MB, of 16 MB 216 MB.

/**
 * V8's flags. A young generation of at most 2 × 4 MB: the kiosks' saves are short-lived, and a
 * larger one only let garbage pile up before a scavenge. The old generation grows by 30 % over
 * what was live after a collection, instead of V8's factor of up to 4.
 */
export const serverNodeFlags = ['--max-semi-space-size=4', '--heap-growing-percent=30'];

/**
 * glibc's malloc: at most two arenas instead of one per thread (the event loop, the answer
 * writer, the checkpointer, libuv's pool), each keeping the memory it once held.
 */
export const serverEnvironment = { MALLOC_ARENA_MAX: '2' };

/** Set by the re-run, so that it happens once; `off` runs with Node's defaults (to compare). */
const MARK = 'LECTERN_MEMORY_TUNING';

/**
 * Re-runs this very process with the settings above when it was started without them: returns
 * only when nothing needs to change (already applied, or turned off). Where execve is missing
 * (an older or non-Linux Node), it goes on with the defaults rather than not start.
 */
export function applyServerTuning() {
  if (process.env[MARK] === 'applied' || process.env[MARK] === 'off') return;
  if (typeof process.execve !== 'function') return;
  const args = [process.execPath, ...process.execArgv, ...serverNodeFlags, ...process.argv.slice(1)];
  process.execve(process.execPath, args, { ...process.env, ...serverEnvironment, [MARK]: 'applied' });
}
