// Which tiles the dashboard draws: the rows in view and a few either side. A room of 300 tiles
// drawn whole costs the browser a layout, a paint and a compositing pass over all of them for
// every change, and a candidate moving up the "problems first" order shifts every tile after it;
// drawing the 40 or so tiles in view keeps each of those passes small. The grid keeps its full
// height (padding above and below the drawn rows), so the scroll bar is the room's.
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface GridGeometry {
  /** Tiles per row, as the grid laid them out. */
  columns: number;
  /** Row height plus the gap between rows, in px. */
  rowPitch: number;
  /** From the scroller's top to the grid's first row, in px. */
  gridTop: number;
  scrollTop: number;
  viewHeight: number;
}

export interface TileRange {
  start: number;
  /** Exclusive. */
  end: number;
  /** Padding above and below the drawn rows, in px. */
  before: number;
  after: number;
}

/** Before the grid is measured: enough tiles to fill a large screen. */
const UNMEASURED = 60;
/**
 * Rows drawn beyond the view on each side, so a scroll shows tiles already drawn; the scroll then
 * draws the next row. One row, not two: every drawn tile costs the browser paint each frame.
 */
export const OVERSCAN_ROWS = 1;

export function tileRange(count: number, g: GridGeometry | null, overscan = OVERSCAN_ROWS): TileRange {
  if (!g || g.columns < 1 || !(g.rowPitch > 0)) return { start: 0, end: Math.min(count, UNMEASURED), before: 0, after: 0 };
  const rows = Math.ceil(count / g.columns);
  if (rows === 0) return { start: 0, end: 0, before: 0, after: 0 };
  const top = g.scrollTop - g.gridTop;
  const firstRow = Math.min(rows - 1, Math.max(0, Math.floor(top / g.rowPitch) - overscan));
  const lastRow = Math.min(rows - 1, Math.max(firstRow, Math.floor((top + g.viewHeight) / g.rowPitch) + overscan));
  return {
    start: firstRow * g.columns,
    end: Math.min(count, (lastRow + 1) * g.columns),
    before: firstRow * g.rowPitch,
    after: (rows - 1 - lastRow) * g.rowPitch,
  };
}

/**
 * Watches the tiles' scroller and grid, and asks the host to draw again when the rows in view
 * change (a scroll, a resize, another font size).
 */
export class TileWindow implements ReactiveController {
  private scroller: HTMLElement | null = null;
  private grid: HTMLElement | null = null;
  private geometry: GridGeometry | null = null;
  private drawn: TileRange | null = null;
  private count = 0;
  private readonly resizes = new ResizeObserver(() => this.measure());
  private readonly onScroll = () => this.follow();

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.attach(null, null);
  }

  /** The range to draw for `count` tiles; the host calls it while rendering. */
  range(count: number): TileRange {
    this.count = count;
    this.drawn = tileRange(count, this.geometry);
    return this.drawn;
  }

  /** After each drawing: follows the scroller and grid drawn, and pads the grid to the room's height. */
  attach(scroller: HTMLElement | null, grid: HTMLElement | null): void {
    if (scroller !== this.scroller) {
      this.scroller?.removeEventListener('scroll', this.onScroll);
      if (this.scroller) this.resizes.unobserve(this.scroller);
      this.scroller = scroller;
      this.geometry = null;
      if (scroller) {
        scroller.addEventListener('scroll', this.onScroll, { passive: true });
        this.resizes.observe(scroller);
      }
    }
    if (grid !== this.grid) {
      if (this.grid) this.resizes.unobserve(this.grid);
      this.grid = grid;
      if (grid) this.resizes.observe(grid);
    }
    // Through the CSSOM: the page's CSP allows no inline style attribute.
    if (grid && this.drawn) {
      grid.style.paddingTop = `${this.drawn.before}px`;
      grid.style.paddingBottom = `${this.drawn.after}px`;
    }
  }

  /** Called after layout (by the ResizeObserver): reads the grid's columns and row pitch. */
  private measure(): void {
    const scroller = this.scroller;
    const grid = this.grid;
    if (!scroller || !grid || !grid.isConnected) return;
    const style = getComputedStyle(grid);
    const columns = style.gridTemplateColumns.split(' ').filter((t) => t.endsWith('px')).length;
    const rowPitch = parseFloat(style.gridAutoRows) + (parseFloat(style.rowGap) || 0);
    const gridTop = grid.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop;
    this.geometry = { columns, rowPitch, gridTop, scrollTop: scroller.scrollTop, viewHeight: scroller.clientHeight };
    this.follow();
  }

  private follow(): void {
    const scroller = this.scroller;
    if (!scroller || !this.geometry) return;
    this.geometry = { ...this.geometry, scrollTop: scroller.scrollTop, viewHeight: scroller.clientHeight };
    const next = tileRange(this.count, this.geometry);
    if (!this.drawn || next.start !== this.drawn.start || next.end !== this.drawn.end) this.host.requestUpdate();
  }
}
