import { describe, expect, it } from 'vitest';
import { roomCounts } from '../../../client/proctor/room-counts.js';
import type { TileView } from '../../../client/proctor/dashboard-store.js';
import { tileStates, type TileState } from '../../../server/contract/rules/tiles.js';
import type { CandidateTile } from '../../../server/contract/staff-protocol.js';

/** Only what roomCounts reads is filled in: the state and whether the kiosk is connected. */
function view(state: TileState, connected: boolean): TileView {
  const tile = { candidateId: 0, connected } as CandidateTile;
  return { tile, state, problems: [], score: 0, timeLeftMs: 0, words: 0 };
}

describe('the room counts of the filter bar', () => {
  it('counts each state, the connected kiosks and those still writing in one pass', () => {
    const views = tileStates.flatMap((state, i) => Array.from({ length: i + 1 }, (_, k) => view(state, k % 2 === 0)));
    const counts = roomCounts(views);
    expect(counts.total).toBe(views.length);
    for (const state of tileStates) expect(counts.byState[state], state).toBe(views.filter((v) => v.state === state).length);
    expect(counts.connected).toBe(views.filter((v) => v.tile.connected).length);
    expect(counts.writing).toBe(views.filter((v) => ['reading', 'typing', 'idle'].includes(v.state)).length);
  });

  it('counts an empty room as zero everywhere', () => {
    const counts = roomCounts([]);
    expect(counts).toEqual({ total: 0, connected: 0, writing: 0, byState: Object.fromEntries(tileStates.map((s) => [s, 0])) });
  });
});
