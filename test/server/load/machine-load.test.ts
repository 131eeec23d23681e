// The bench's record of what the host took from the machine during a step (issue 15, item 1):
// the share of CPU time stolen between two readings of /proc/stat.
import { describe, expect, it } from 'vitest';
import { cpuTimes, stolenBetween } from '../../load/machine-load.js';

describe('the CPU time stolen by the host', () => {
  it('is the stolen part of the CPU time that passed, in %', () => {
    expect(stolenBetween({ total: 1_000, steal: 10 }, { total: 3_000, steal: 110 })).toBe(5);
    expect(stolenBetween({ total: 1_000, steal: 10 }, { total: 1_400, steal: 10 })).toBe(0);
  });

  it('is unknown when a reading is missing or no time passed', () => {
    expect(stolenBetween(null, { total: 10, steal: 1 })).toBeNull();
    expect(stolenBetween({ total: 10, steal: 1 }, null)).toBeNull();
    expect(stolenBetween({ total: 10, steal: 1 }, { total: 10, steal: 1 })).toBeNull();
  });

  it('reads this machine\'s counters, which only grow', () => {
    const before = cpuTimes();
    const after = cpuTimes();
    expect(before).not.toBeNull();
    expect(after!.total).toBeGreaterThanOrEqual(before!.total);
    expect(after!.steal).toBeGreaterThanOrEqual(before!.steal);
  });
});
