import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The suite's files in an order that finishes soonest on two workers: the longest first (the
 * recovery drill and the kill suite, then the browser tests, then the load tests), the many short
 * ones after them to fill the gaps. Without it a clean checkout (no timing cache) runs the files
 * in path order, and a two-minute file started late decides when `npm test` ends.
 */
const weight = (file: string): number => (/\/test\/drill\//.test(file) ? 0 : /\/test\/browser\//.test(file) ? 1 : /\/test\/server\/load\//.test(file) ? 2 : 3);

export default class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    return sorted.map((spec, i) => ({ spec, i })).sort((a, b) => weight(a.spec.moduleId) - weight(b.spec.moduleId) || a.i - b.i).map((x) => x.spec);
  }
}
