// How many candidates of the room are in each state, counted in one pass over the tiles: the
// filter bar shows these on every drawing, and a room can hold thousands of tiles.
import type { TileState } from '../../server/contract/rules/tiles.js';
import type { TileView } from './dashboard-store.js';

export interface RoomCounts {
  total: number;
  connected: number;
  /** Reading, typing or idle: still at work on the paper. */
  writing: number;
  byState: Record<TileState, number>;
}

const writingStates: ReadonlySet<TileState> = new Set(['reading', 'typing', 'idle']);

export function roomCounts(views: readonly TileView[]): RoomCounts {
  const byState: Record<TileState, number> = { absent: 0, 'not-logged-in': 0, waiting: 0, reading: 0, typing: 0, idle: 0, offline: 0, late: 0, submitted: 0 };
  let connected = 0;
  let writing = 0;
  for (const v of views) {
    byState[v.state] += 1;
    if (v.tile.connected) connected += 1;
    if (writingStates.has(v.state)) writing += 1;
  }
  return { total: views.length, connected, writing, byState };
}
