import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MOVE_AT_ONCE_ABOVE, MOVES_PER_DRAW, settle, TileOrder } from '../../../client/proctor/tile-order.js';

const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

/** How many tiles changed place from `before` to `after`: those outside a longest run kept in order. */
function moves(before: readonly number[], after: readonly number[]): number {
  const at = new Map(after.map((id, i) => [id, i]));
  const ranks = before.filter((id) => at.has(id)).map((id) => at.get(id)!);
  const tails: number[] = [];
  for (const r of ranks) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tails[mid]! < r) lo = mid + 1;
      else hi = mid;
    }
    tails[lo] = r;
  }
  return ranks.length - tails.length;
}

describe('the order the tiles are drawn in', () => {
  it('moves a tile lifted by a problem in one move', () => {
    const held = range(10);
    const wanted = [7, 1, 2, 3, 4, 5, 6, 8, 9, 10];
    expect(settle(held, wanted, 2)).toEqual(wanted);
  });

  it('moves a tile whose problem ended down in one move, not the others up', () => {
    const held = [7, 1, 2, 3, 4, 5, 6, 8, 9, 10];
    const next = settle(held, range(10), 1);
    expect(next).toEqual(range(10));
    expect(moves(held, next)).toBe(1);
  });

  it('moves a few tiles per drawing, the best placed in the wanted order first', () => {
    const held = range(20);
    // Tiles 20, 15, 10 and 5 (in that order) now come first.
    const wanted = [20, 15, 10, 5, ...range(20).filter((id) => id % 5 !== 0)];
    const first = settle(held, wanted, 2);
    expect(moves(held, first)).toBe(2);
    expect(first.slice(0, 2)).toEqual([20, 15]);
    expect(first).toContain(10);
    expect(first.indexOf(10)).toBe(held.indexOf(10) + 2);
    expect(settle(first, wanted, 2)).toEqual(wanted);
  });

  it('moves every tile at once when many must (half the room went offline)', () => {
    const held = range(300);
    const wanted = [...range(300).filter((id) => id % 2 === 0), ...range(300).filter((id) => id % 2 === 1)];
    expect(settle(held, wanted, MOVES_PER_DRAW)).toEqual(wanted);
  });

  it('takes at most four drawings when few tiles must move', () => {
    const held = range(40);
    const wanted = [...range(40).filter((id) => id > 32), ...range(32)];
    expect(moves(held, wanted)).toBe(MOVE_AT_ONCE_ABOVE);
    let order = held;
    for (let draw = 1; draw <= 4; draw++) order = settle(order, wanted, MOVES_PER_DRAW);
    expect(order).toEqual(wanted);
  });

  it('places a new tile at once and drops a tile gone', () => {
    expect(settle([1, 2, 3, 4], [1, 5, 2, 4], 0)).toEqual([1, 5, 2, 4]);
    expect(settle([1, 2, 3], [9, 1, 2, 3], 0)).toEqual([9, 1, 2, 3]);
  });

  it('places a new tile among the tiles that stay, not after a tile that is to move', () => {
    // Found by the property below: placed after 59, which then moved, tile 2 had to move too.
    const next = settle([59, 5], [5, 1, 59, 2], 1);
    expect(next).toEqual([5, 1, 59, 2]);
  });

  it('always reaches the wanted order, moving no more than allowed each time', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 60 }), { minLength: 0, maxLength: 40 }), fc.uniqueArray(fc.integer({ min: 1, max: 60 }), { minLength: 0, maxLength: 40 }), fc.integer({ min: 1, max: 3 }), (held, wanted, perDraw) => {
        let order = held;
        for (let draw = 0; draw < 100 && order.join() !== wanted.join(); draw++) {
          const next = settle(order, wanted, perDraw);
          expect([...next].sort((a, b) => a - b)).toEqual([...wanted].sort((a, b) => a - b));
          const movers = moves(order, wanted);
          expect(moves(order, next)).toBeLessThanOrEqual(movers > MOVE_AT_ONCE_ABOVE ? movers : perDraw);
          expect(moves(next, wanted)).toBeLessThan(movers === 0 ? 1 : movers);
          order = next;
        }
        expect(order).toEqual(wanted);
      }),
    );
  });
});

describe('one dashboard’s tile order', () => {
  const views = (ids: number[]) => ids.map((id) => ({ id }));
  const idOf = (v: { id: number }) => v.id;

  it('follows the wanted order a few tiles per drawing while the proctor’s choice stays', () => {
    const order = new TileOrder();
    expect(order.follow(views(range(10)), idOf, 'problems all ').map(idOf)).toEqual(range(10));
    const wanted = views([10, 9, 8, 1, 2, 3, 4, 5, 6, 7]);
    const drawn = order.follow(wanted, idOf, 'problems all ').map(idOf);
    expect(drawn.slice(0, MOVES_PER_DRAW)).toEqual([10, 9]);
    expect(drawn).not.toEqual(wanted.map(idOf));
    expect(order.follow(wanted, idOf, 'problems all ').map(idOf)).toEqual(wanted.map(idOf));
  });

  it('draws the wanted order at once when the proctor changes the sort, the filter or the search', () => {
    const order = new TileOrder();
    order.follow(views(range(10)), idOf, 'problems all ');
    const byWords = views([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
    expect(order.follow(byWords, idOf, 'words all ').map(idOf)).toEqual(byWords.map(idOf));
  });

  it('gives the same view objects it was given', () => {
    const order = new TileOrder();
    const given = views([3, 1, 2]);
    const drawn = order.follow(given, idOf, 'x');
    for (const v of drawn) expect(given).toContain(v);
  });
});
