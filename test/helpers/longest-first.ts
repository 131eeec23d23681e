import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The suite's files in an order that finishes soonest on two workers: the longest first (the
 * recovery drill and the kill suite, then the browser tests, then the load tests), the many short
 * ones after them to fill the gaps. Without it a clean checkout (no timing cache) runs the files
 * in path order, and a two-minute file started late decides when `npm test` ends.
 * The files that share a worker process (vitest.config.ts) come last, all together, the browser
 * files (the longest) first: vitest hands a finished shared worker the next file only when that
 * file shares one too, so one own-process file between them would end the worker and the next
 * shared file would import the server again.
 */
const weight = (spec: TestSpecification): number => {
  const file = spec.moduleId;
  const shared = spec.project.config.isolate === false;
  if (/\/test\/drill\//.test(file)) return 0;
  if (/\/test\/browser\//.test(file)) return shared ? 4 : 1;
  if (/\/test\/server\/load\//.test(file)) return 2;
  return shared ? 5 : 3;
};

/** The files in an order drawn from `seed` (mulberry32, then Fisher-Yates): the same seed, the same order. */
function shuffled<T>(items: T[], seed: number): T[] {
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = Math.imul(state ^ (state >>> 15), state | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export default class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    // LECTERN_SHUFFLE_FILES=<seed>: the files in a random order instead (vitest's own
    // --sequence.shuffle.files gives way to a configured sequencer), to find a file that passes
    // only after another one in a shared worker process (docs/testing.md).
    const seed = process.env.LECTERN_SHUFFLE_FILES;
    if (seed) return shuffled(sorted, Number(seed));
    return sorted.map((spec, i) => ({ spec, i })).sort((a, b) => weight(a.spec) - weight(b.spec) || a.i - b.i).map((x) => x.spec);
  }
}
