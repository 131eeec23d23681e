// The dashboard's own layout: the session bar, the filter bar, the tile grid and the side column
// (selected candidate or room panel above, the feed below). The drawing is split across
// dashboard-*.ts render helpers, but it all lands in the dashboard's one shadow root, so the
// styles stay together here.
import { css } from 'lit';

export const dashboardStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    height: 100vh;
    background: var(--lectern-bg, #f4f5f7);
  }
  header.bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
    padding: 0.5rem 1rem;
    background: var(--lectern-accent, #1f3a5f);
    color: var(--lectern-accent-text, #fff);
  }
  header.bar a {
    color: inherit;
  }
  header.bar h1 {
    font-size: 1.2rem;
    margin: 0;
  }
  .session-meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 0.75rem;
    align-items: baseline;
    font-size: 0.9rem;
  }
  .session-code {
    font-family: var(--lectern-font-mono, monospace);
    font-weight: 700;
    font-size: 1.05rem;
    letter-spacing: 0.05em;
  }
  .room-state {
    font-weight: 700;
    padding: 0.05rem 0.5rem;
    border-radius: 1rem;
    background: #fff;
    color: var(--lectern-accent, #1f3a5f);
  }
  .room-state.paused {
    background: #ffd24a;
    color: #3b2a00;
  }
  .live {
    font-size: 0.8rem;
    opacity: 0.9;
  }
  .live.offline {
    background: #ffd24a;
    color: #3b2a00;
    padding: 0 0.4rem;
    border-radius: 0.2rem;
    font-weight: 700;
    opacity: 1;
  }
  .spacer {
    flex: 1 1 auto;
  }
  .controls,
  .links {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4rem;
    align-items: center;
  }
  header.bar button {
    min-height: 2.25rem;
    padding: 0.25rem 0.8rem;
    border-color: #fff;
  }
  header.bar button.danger {
    color: var(--lectern-danger, #a4161a);
    border-color: #fff;
  }
  .links a {
    font-size: 0.9rem;
  }
  .subbar {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    align-items: end;
    padding: 0.4rem 1rem;
    border-bottom: 1px solid var(--lectern-border, #b9c0cc);
    background: var(--lectern-surface, #fff);
    font-size: 0.9rem;
  }
  .subbar label {
    display: flex;
    align-items: center;
    gap: 0.35rem;
  }
  .counts {
    color: var(--lectern-muted, #4a5160);
  }
  .layout {
    flex: 1 1 auto;
    min-height: 0;
    display: grid;
    grid-template-columns: minmax(0, 1fr) minmax(20rem, 27rem);
  }
  .tiles {
    contain: layout paint;
    overflow: auto;
    /* The drawn rows change as it scrolls (tile-window.ts): the padding keeps every tile's place. */
    overflow-anchor: none;
    padding: 0.75rem 1rem 2rem;
  }
  .grid {
    display: grid;
    /*
     * Wide and tall enough for the longest tile: a 30-character workstation on two lines, the
     * state badge, "Remis à 09:23:09" with extra time, three flags (issue 13, item 1).
     */
    grid-template-columns: repeat(auto-fill, minmax(15rem, 1fr));
    grid-auto-rows: 15.5rem;
    gap: 0.6rem;
  }
  aside {
    display: flex;
    flex-direction: column;
    min-height: 0;
    border-left: 1px solid var(--lectern-border, #b9c0cc);
    background: var(--lectern-surface, #fff);
  }
  .panel-area {
    flex: 0 1 auto;
    max-height: 62%;
    overflow: auto;
    padding: 0.75rem 1rem;
    border-bottom: 2px solid var(--lectern-border, #b9c0cc);
  }
  .feed-area {
    contain: layout paint;
    flex: 1 1 auto;
    min-height: 8rem;
    overflow: auto;
    padding: 0.5rem 1rem 1rem;
  }
  .feed-head {
    display: flex;
    justify-content: space-between;
    align-items: baseline;
    gap: 0.5rem;
  }
  .feed-head h2 {
    font-size: 1.05rem;
    margin: 0 0 0.35rem;
  }
  .feed-head label {
    display: flex;
    gap: 0.3rem;
    align-items: center;
    font-weight: 400;
    font-size: 0.85rem;
  }
  .error-line {
    margin: 0;
    padding: 0.4rem 1rem;
    background: var(--lectern-danger-bg, #fde8e8);
    color: var(--lectern-danger, #a4161a);
    font-weight: 600;
  }
  .empty {
    color: var(--lectern-muted, #4a5160);
  }
  dialog.candidate-dialog {
    width: min(38rem, calc(100vw - 1rem));
    max-height: calc(100vh - 1rem);
    overflow: auto;
    padding: 0.75rem 1rem;
    border: 0.125rem solid var(--lectern-accent, #1f3a5f);
    border-radius: 0.5rem;
    background: var(--lectern-surface, #fff);
    color: var(--lectern-text, #16181d);
  }
  dialog.candidate-dialog::backdrop {
    background: rgb(22 24 29 / 0.35);
  }
  /*
   * The high-contrast theme: black on white, every border and muted text at full strength. The
   * custom properties reach every tile and panel through their shadow roots. It follows the
   * system's "more contrast" setting, or the proctor's button.
   */
  :host([contrast]) {
    --lectern-bg: #fff;
    --lectern-surface: #fff;
    --lectern-text: #000;
    --lectern-muted: #000;
    --lectern-border: #000;
    --lectern-accent: #00205b;
    --lectern-focus: #c00000;
  }
  @media (prefers-contrast: more) {
    :host {
      --lectern-bg: #fff;
      --lectern-surface: #fff;
      --lectern-text: #000;
      --lectern-muted: #000;
      --lectern-border: #000;
    }
  }
  @media (forced-colors: active) {
    header.bar,
    .room-state,
    .live.offline,
    .error-line {
      border: 1px solid CanvasText;
    }
    dialog.candidate-dialog {
      border-color: CanvasText;
    }
  }
  /*
   * On a wide screen the tiles and the feed are sized by the page, not by what they hold, so both
   * can be fully contained: a new line in the feed or a tile's new word count no longer paints the
   * page around them (issue 13, item 7: at CPU /4, with 300 typing candidates, the renderer's
   * paint fell from 1,687 to 757 ms in 10 s, its longest tasks from 64-101 to 42-72 ms;
   * docs/performance.md). Not on a narrow screen, where both grow with their content and the page
   * scrolls.
   */
  @media (min-width: 60.0625rem) {
    .tiles,
    .feed-area {
      contain: strict;
    }
  }
  @media (max-width: 60rem) {
    :host {
      height: auto;
    }
    .layout {
      grid-template-columns: 1fr;
    }
    aside {
      border-left: 0;
      border-top: 1px solid var(--lectern-border, #b9c0cc);
    }
  }
`;
