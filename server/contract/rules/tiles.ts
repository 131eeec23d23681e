// The rules that turn what the server knows of a candidate into what a dashboard tile shows:
// its one state, the problems that need the proctor's eye, and the order of "problems first".
// Pure functions: the dashboard runs them on every delta, the tests on the server's snapshots.
import type { CandidateTile } from '../staff-protocol.js';
import type { SessionState } from '../kiosk-protocol.js';

/** What a tile says about a candidate, in the order a session goes through them. */
export const tileStates = ['absent', 'not-logged-in', 'waiting', 'reading', 'typing', 'idle', 'offline', 'late', 'submitted'] as const;
export type TileState = (typeof tileStates)[number];

/** Kiosk events worth the proctor's eye: each one counts towards "problems first". */
export const suspiciousKinds = [
  'focus-lost',
  'page-hidden',
  'fullscreen-left',
  'paste',
  'copy',
  'context-menu',
  'blocked-shortcut',
  'reload',
  'second-login',
  'connection-lost',
] as const;

/** The one state a tile shows. `now` is the server's time (the dashboard corrects its own clock). */
export function tileState(tile: CandidateTile, sessionState: SessionState, timeLeftMs: number): TileState {
  if (tile.absent) return 'absent';
  // A candidate who never came is marked absent when the session ends (above); until then, "not logged in".
  if (!tile.loggedIn) return 'not-logged-in';
  if (tile.submittedAt !== null) return 'submitted';
  if (!tile.connected) return 'offline';
  if (sessionState === 'waiting') return 'waiting';
  if (sessionState === 'ended') return 'submitted';
  if (sessionState === 'running' && !tile.clock.paused && timeLeftMs <= 0) return 'late';
  return tile.activity ?? 'reading';
}

/** Why a tile needs the proctor's eye; empty when all is well. Worst first. */
export function tileProblems(tile: CandidateTile, state: TileState, sessionState: SessionState): string[] {
  const problems: string[] = [];
  const live = sessionState === 'running' || sessionState === 'paused';
  if (state === 'offline' && live) problems.push('offline');
  if (state === 'not-logged-in' && live) problems.push('not-logged-in');
  if (tile.locked) problems.push('locked');
  if (state === 'late') problems.push('late');
  if (tile.lateSaves > 0) problems.push('late-saves');
  if (state === 'idle') problems.push('idle');
  if ((tile.events['second-login'] ?? 0) > 0) problems.push('second-login');
  const suspicious = suspiciousKinds.reduce((n, k) => n + (k === 'second-login' || k === 'connection-lost' ? 0 : (tile.events[k] ?? 0)), 0);
  if (suspicious > 0) problems.push('events');
  if (tile.unacknowledged > 0 && live) problems.push('unacknowledged');
  return problems;
}

const problemWeight: Record<string, number> = {
  offline: 100,
  'not-logged-in': 60,
  locked: 50,
  late: 45,
  'second-login': 40,
  idle: 30,
  'late-saves': 20,
  events: 10,
  unacknowledged: 5,
};

export function problemScore(problems: string[]): number {
  return problems.reduce((n, p) => n + (problemWeight[p] ?? 1), 0);
}

// One collator, built once: localeCompare with options builds one per call, which a dashboard
// sorting 300 tiles many times a second cannot afford.
const workstationOrder = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** "PC-2" before "PC-10": workstations are numbered by people. */
export function compareWorkstations(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return workstationOrder.compare(a, b);
}
