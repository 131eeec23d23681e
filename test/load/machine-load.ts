import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { round } from './stats.js';

// What else the machine was doing while a step ran: on a shared machine a figure is only worth
// comparing with its neighbours when the load around it is known (issue 15, item 1).

/** An agent's event-loop delay p99 above this (ms) means the generator itself was late: the step's figures describe the machine, not the server. */
export const GENERATOR_LAG_BOUND_MS = 20;

export interface StepLoad {
  /** The 1-minute load average just before the step. */
  loadBefore: number;
  /** The highest 1-minute load average seen during the step. */
  loadDuring: number;
  /** The most runnable tasks seen during the step (/proc/loadavg; null off Linux). */
  runnableDuring: number | null;
  /**
   * The share of the machine's CPU time that the hypervisor gave to other guests during the step
   * (the "steal" of /proc/stat), in %; null off Linux. On a shared virtual machine this is what
   * moves a figure from one run to the next while the load average looks the same.
   */
  stolenPercent: number | null;
}

/** The machine's CPU time so far, and the part of it stolen by the hypervisor (jiffies); null off Linux. */
export function cpuTimes(): { total: number; steal: number } | null {
  try {
    // "cpu  user nice system idle iowait irq softirq steal guest guest_nice" (guest is within user).
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1, 9).map(Number);
    if (fields.length < 8 || fields.some((n) => !Number.isFinite(n))) return null;
    return { total: fields.reduce((a, b) => a + b, 0), steal: fields[7]! };
  } catch {
    return null;
  }
}

/** The % of CPU time stolen between two cpuTimes() readings (null when either is missing or no time passed). */
export function stolenBetween(before: ReturnType<typeof cpuTimes>, after: ReturnType<typeof cpuTimes>): number | null {
  if (!before || !after || after.total <= before.total) return null;
  return round(((after.steal - before.steal) / (after.total - before.total)) * 100, 1)!;
}

/** Samples the machine's load during a step: the 1-minute average and the runnable tasks. */
export function loadSampler(): { stop: () => StepLoad } {
  const loadBefore = round(loadavg()[0]!, 2)!;
  const timesBefore = cpuTimes();
  let loadDuring = loadBefore;
  let runnable: number | null = null;
  const sample = () => {
    loadDuring = Math.max(loadDuring, loadavg()[0]!);
    try {
      // "0.52 0.58 0.59 3/812 12345": the fourth field is runnable/total scheduling entities.
      const r = Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[3]!.split('/')[0]);
      if (Number.isFinite(r)) runnable = Math.max(runnable ?? 0, r);
    } catch {
      // not Linux: the load average alone
    }
  };
  sample();
  const timer = setInterval(sample, 500);
  return {
    stop: () => {
      clearInterval(timer);
      sample();
      return { loadBefore, loadDuring: round(loadDuring, 2)!, runnableDuring: runnable, stolenPercent: stolenBetween(timesBefore, cpuTimes()) };
    },
  };
}

