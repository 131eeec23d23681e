// Where a script stands: which readings are finished, whether they agree, and what settled it.
// Pure functions of a loaded session: the same answer on every page, report and export.
import { THIRD_READING } from '../db/schema/grading.js';
import { decide, disagreements, type Decision, type Disagreement } from './decisions.js';
import type { GradingModel } from './rubric-model.js';
import type { LoadedReading, LoadedScript, LoadedSession } from './loaded-session.js';
import type { ReadingView, ScriptStatus, SettledBy } from '../contract/grading.js';

export interface ScriptState {
  status: ScriptStatus;
  settledBy: SettledBy | null;
  disagreements: Disagreement[];
  /** The decisions of each finished reading, by reading number. */
  decisions: Map<number, Decision[]>;
}

export function decisionsOf(model: GradingModel, script: LoadedScript, reading: LoadedReading): Decision[] {
  return decide(model, { answers: reading.answers, script: reading.script, answered: script.answered });
}

/** Where a script stands, and (for finished readings) their decisions. */
export function stateOf(loaded: LoadedSession, script: LoadedScript): ScriptState {
  const decisions = new Map<number, Decision[]>();
  for (const r of script.readings) if (r.finishedAt !== null) decisions.set(r.reading, decisionsOf(loaded.model, script, r));
  const first = script.readings.find((r) => r.reading === 1);
  const second = script.readings.find((r) => r.reading === 2);
  const third = script.readings.find((r) => r.reading === THIRD_READING);
  const none: Disagreement[] = [];
  if (!loaded.session.doubleMarking) {
    if (!first) return { status: 'unassigned', settledBy: null, disagreements: none, decisions };
    if (first.finishedAt === null) return { status: 'in-progress', settledBy: null, disagreements: none, decisions };
    return { status: 'settled', settledBy: 'single', disagreements: none, decisions };
  }
  if (!first || !second) return { status: 'unassigned', settledBy: null, disagreements: none, decisions };
  if (first.finishedAt === null || second.finishedAt === null) return { status: 'in-progress', settledBy: null, disagreements: none, decisions };
  const found = disagreements(loaded.model, decisions.get(1)!, decisions.get(2)!);
  if (found.length === 0) return { status: 'settled', settledBy: 'agreement', disagreements: found, decisions };
  if (!third) return { status: 'needs-third-reading', settledBy: null, disagreements: found, decisions };
  if (third.finishedAt === null) return { status: 'third-reading', settledBy: null, disagreements: found, decisions };
  return { status: 'settled', settledBy: 'third-reading', disagreements: found, decisions };
}

/**
 * A first or second reader sees the other reading only once both are finished; the third reader
 * sees both (they are there to settle them).
 */
export function othersVisible(script: LoadedScript, reading: LoadedReading): boolean {
  const firstTwo = script.readings.filter((r) => r.reading < THIRD_READING);
  if (reading.reading === THIRD_READING) return true;
  return firstTwo.length >= 2 && firstTwo.every((r) => r.finishedAt !== null);
}

/** One reading as another reader or the jury sees it: the marks without their revisions. */
export function readingView(loaded: LoadedSession, script: LoadedScript, r: LoadedReading): ReadingView {
  const strip = <T extends { revision: number; updatedAt: number }>(m: T) => {
    const { revision: _r, updatedAt: _u, ...rest } = m;
    return rest;
  };
  return {
    reading: r.reading,
    corrector: r.corrector,
    finishedAt: r.finishedAt,
    answers: Object.fromEntries([...r.answers].map(([q, m]) => [q, strip(m)])),
    script: r.script ? strip(r.script) : null,
    decisions: decisionsOf(loaded.model, script, r),
  };
}
