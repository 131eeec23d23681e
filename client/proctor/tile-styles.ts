// The dashboard tile's look (lectern-candidate-tile.ts), scoped to its element. The tiles draw in
// the dashboard's shadow root, which adopts these rules with the base and state styles that the
// tile's content uses too (lectern-dashboard.ts).
import { css } from 'lit';

export const tileStyles = css`
  lectern-candidate-tile {
    display: block;
    /*
     * A room of 300 changes a few tiles every frame. Each tile has the grid's fixed row height
     * and contains itself, so a change inside it lays out and paints that tile alone. Only the
     * tiles in view are drawn (tile-window.ts); content-visibility would add a frame each time
     * a tile crosses the edge of the view, which the "problems first" order does all the time.
     * Each tile is its own compositing layer: a tile that moves in that order is moved by the
     * compositor, not painted again.
     */
    contain: strict;
    will-change: transform;
  }
  lectern-candidate-tile button.tile {
    display: grid;
    align-content: start;
    gap: 0.2rem;
    width: 100%;
    height: 100%;
    overflow: hidden;
    min-height: 0;
    padding: 0.5rem 0.6rem 0.55rem 0.75rem;
    text-align: left;
    font-weight: 400;
    color: var(--lectern-text, #16181d);
    background: var(--lectern-surface, #fff);
    border: 1px solid var(--lectern-border, #b9c0cc);
    border-left: 0.45rem solid var(--state, #1f3a5f);
    border-radius: 0.375rem;
    line-height: 1.3;
  }
  /* The tile contains its paint: rings are drawn inside it. */
  lectern-candidate-tile button.tile:hover:not(:disabled) {
    text-decoration: none;
    box-shadow: inset 0 0 0 2px var(--lectern-focus, #0b57d0);
  }
  lectern-candidate-tile button.tile.selected {
    box-shadow: inset 0 0 0 3px var(--lectern-focus, #0b57d0);
  }
  lectern-candidate-tile button.tile:focus-visible {
    outline-offset: -0.3rem;
  }
  lectern-candidate-tile button.tile.problem {
    background: var(--state-bg, #fff);
  }
  /*
   * Every line wraps rather than clips: a 30-character workstation name, "Remis à 09:23:09"
   * or three flags take a second line, and the grid's row height (dashboard-styles.ts) leaves
   * room for the longest of them at every zoom, so nothing is cut (issue 13, item 1).
   */
  lectern-candidate-tile .workstation {
    font-weight: 700;
    font-size: 1.05rem;
    overflow-wrap: anywhere;
    line-height: 1.2;
  }
  lectern-candidate-tile .top {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    align-items: baseline;
    gap: 0.1rem 0.4rem;
  }
  lectern-candidate-tile .code {
    font-family: var(--lectern-font-mono, monospace);
    font-size: 0.85rem;
    color: var(--lectern-muted, #4a5160);
    overflow-wrap: anywhere;
  }
  lectern-candidate-tile .clock {
    font-variant-numeric: tabular-nums;
    font-weight: 700;
    font-size: 1rem;
  }
  lectern-candidate-tile .clock .extra {
    white-space: nowrap;
    font-weight: 600;
    font-size: 0.8rem;
    color: var(--lectern-accent, #1f3a5f);
  }
  lectern-candidate-tile .line {
    font-size: 0.8rem;
    color: var(--lectern-muted, #4a5160);
    overflow-wrap: anywhere;
  }
  lectern-candidate-tile .words {
    display: flex;
    gap: 0.15rem;
  }
  lectern-candidate-tile .q {
    flex: 1 1 0;
    min-width: 0;
    display: flex;
    flex-direction: column;
  }
  lectern-candidate-tile .bar {
    height: 0.8rem;
    background: var(--lectern-border, #c9ced6);
    border-radius: 0.1rem 0.1rem 0 0;
    position: relative;
  }
  lectern-candidate-tile .bar span {
    position: absolute;
    inset: auto 0 0 0;
    background: var(--lectern-accent, #1f3a5f);
    border-radius: 0.1rem 0.1rem 0 0;
  }
  lectern-candidate-tile .n {
    font-size: 0.6875rem;
    line-height: 1.2;
    text-align: center;
    font-variant-numeric: tabular-nums;
    color: var(--lectern-muted, #4a5160);
  }
  lectern-candidate-tile .line.flagged {
    font-weight: 700;
    color: var(--lectern-danger, #a4161a);
    background: var(--lectern-danger-bg, #fde8e8);
    border-radius: 0.2rem;
    padding: 0 0.3rem;
  }
  lectern-candidate-tile .flags {
    display: flex;
    flex-wrap: wrap;
    gap: 0.2rem 0.25rem;
  }
  lectern-candidate-tile .flag {
    font-size: 0.75rem;
    font-weight: 700;
    padding: 0 0.35rem;
    border-radius: 0.2rem;
    background: var(--lectern-danger-bg, #fde8e8);
    color: var(--lectern-danger, #a4161a);
    overflow-wrap: anywhere;
  }
  lectern-candidate-tile .flag.info {
    background: #e8eef7;
    color: var(--lectern-accent, #1f3a5f);
  }
  @media (forced-colors: active) {
    lectern-candidate-tile button.tile {
      border-left-width: 0.45rem;
      forced-color-adjust: auto;
    }
    lectern-candidate-tile button.tile.selected {
      outline: 0.2rem solid Highlight;
      outline-offset: -0.4rem;
    }
    lectern-candidate-tile .bar span {
      background: CanvasText;
    }
    lectern-candidate-tile .flag {
      border: 1px solid CanvasText;
    }
  }
`;
