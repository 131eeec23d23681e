// The order the dashboard draws its tiles in. The wanted order ("problems first", words, time
// left) changes all the time in a live room: each candidate's first suspicious event lifts their
// tile, a typing candidate passes another in "words". Drawn as wanted, every change moves a tile
// in the grid; the browser then builds the moved tile again (its layout, its layer, its paint),
// and a room of 300 at CPU /4 showed frames of 70-160 ms in which a tile moved, which a feed line
// arriving meanwhile waited behind (issue 13, item 7; docs/performance.md). The tiles also jumped
// under the proctor's pointer.
//
// So the drawn order follows the wanted one a few tiles per drawing: the tiles already in the
// wanted order stay, and the best placed of the others (the worst problems, at the top) move first.
// A new tile, and any choice of the proctor's (sort, filter, search), takes effect at once.

/** Tiles that change place per drawing of the room (4 drawings a second). */
export const MOVES_PER_DRAW = 2;
/**
 * More tiles than this to move (half the room went offline) move at once: the proctor needs the
 * order right then, more than a smooth frame. Fewer take at most four drawings, one second.
 */
export const MOVE_AT_ONCE_ABOVE = 8;

/**
 * `held` brought closer to `wanted` (both lists of candidate ids) by `maxMoves` moves, or all the
 * moves it needs when they are more than MOVE_AT_ONCE_ABOVE. Ids gone from `wanted` leave. The ids
 * kept in place are a longest run of `held` already in the wanted order, so no move is wasted; each
 * id new to `wanted`, and each id moved, goes among them at its wanted place, so that it never has
 * to move again (placed after a tile that is itself to move, a new tile would have to follow it).
 */
export function settle(held: readonly number[], wanted: readonly number[], maxMoves: number): number[] {
  const rank = new Map(wanted.map((id, i) => [id, i]));
  const order = held.filter((id) => rank.has(id));
  const stay = longestInOrder(order.map((id) => rank.get(id)!));
  const settled = new Set(order.filter((_, i) => stay.has(i)));
  const movers = order.filter((_, i) => !stay.has(i)).sort((a, b) => rank.get(a)! - rank.get(b)!);
  // Before the first settled tile that the wanted order puts after `id`: the settled tiles stay in order.
  const place = (id: number) => {
    const r = rank.get(id)!;
    const next = order.findIndex((other) => settled.has(other) && rank.get(other)! > r);
    order.splice(next < 0 ? order.length : next, 0, id);
    settled.add(id);
  };
  const kept = new Set(order);
  for (const id of wanted) if (!kept.has(id)) place(id);
  for (const id of movers.length > MOVE_AT_ONCE_ABOVE ? movers : movers.slice(0, maxMoves)) {
    order.splice(order.indexOf(id), 1);
    place(id);
  }
  return order;
}

/** The positions of a longest strictly increasing subsequence of `ranks` (patience sorting). */
function longestInOrder(ranks: readonly number[]): Set<number> {
  const tails: number[] = []; // tails[k]: position of the smallest last rank of a run of length k+1
  const previous: number[] = new Array<number>(ranks.length).fill(-1);
  for (let i = 0; i < ranks.length; i++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ranks[tails[mid]!]! < ranks[i]!) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[i] = tails[lo - 1]!;
    tails[lo] = i;
  }
  const kept = new Set<number>();
  for (let i = tails.length ? tails[tails.length - 1]! : -1; i >= 0; i = previous[i]!) kept.add(i);
  return kept;
}

/**
 * The drawn order of one dashboard. `choice` names the proctor's sort, filter and search: when it
 * changes, the wanted order is drawn at once.
 */
export class TileOrder {
  private held: number[] = [];
  private choice: string | null = null;

  constructor(private readonly maxMoves = MOVES_PER_DRAW) {}

  /** `wanted` (each item keyed by `idOf`) in the order to draw this time. */
  follow<T>(wanted: readonly T[], idOf: (item: T) => number, choice: string): T[] {
    const ids = wanted.map(idOf);
    this.held = choice === this.choice ? settle(this.held, ids, this.maxMoves) : ids;
    this.choice = choice;
    const byId = new Map(wanted.map((item) => [idOf(item), item]));
    return this.held.map((id) => byId.get(id)!);
  }
}
