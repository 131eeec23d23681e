import { describe, expect, it } from 'vitest';
import { tileRange, type GridGeometry } from '../../../client/proctor/tile-window.js';

// 5 tiles a row, rows 190 px apart, the grid 12 px below the scroller's top, 800 px in view.
const grid = (scrollTop: number, over: Partial<GridGeometry> = {}): GridGeometry => ({ columns: 5, rowPitch: 190, gridTop: 12, scrollTop, viewHeight: 800, ...over });

describe('the tiles drawn', () => {
  it('are the rows in view and one more below, at the top of the room', () => {
    // Rows 0..4 are in view (12 + 5 × 190 > 800), plus row 5.
    expect(tileRange(300, grid(0))).toEqual({ start: 0, end: 30, before: 0, after: (60 - 6) * 190 });
  });

  it('follow the scroll, with one row either side, and keep the room’s full height', () => {
    const r = tileRange(300, grid(12 + 20 * 190 + 50));
    // Row 20 is at the top of the view, row 24 at its bottom.
    expect(r.start).toBe(19 * 5);
    expect(r.end).toBe(26 * 5);
    expect(r.before).toBe(19 * 190);
    expect(r.before + ((r.end - r.start) / 5) * 190 + r.after).toBe(60 * 190);
  });

  it('end with the last, incomplete row', () => {
    const r = tileRange(298, grid(60 * 190));
    expect(r.end).toBe(298);
    expect(r.after).toBe(0);
  });

  it('are all the tiles of a small room', () => {
    expect(tileRange(4, grid(0))).toEqual({ start: 0, end: 4, before: 0, after: 0 });
    expect(tileRange(0, grid(0))).toEqual({ start: 0, end: 0, before: 0, after: 0 });
  });

  it('are enough for a large screen before the grid is measured', () => {
    expect(tileRange(300, null)).toEqual({ start: 0, end: 60, before: 0, after: 0 });
    expect(tileRange(10, grid(0, { columns: 0 }))).toEqual({ start: 0, end: 10, before: 0, after: 0 });
  });
});
