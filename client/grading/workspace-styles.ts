import { css } from 'lit';

/** The grading workspace's own layout: the bar with the modes and the save state, the position line, the key help, the finish dialog. */
export const workspaceStyles = css`
  :host {
    display: block;
  }
  /* The current row carries the keyboard focus indication; the whole workspace needs no ring. */
  :host(:focus),
  :host(:focus-visible) {
    outline: none;
  }
  .bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
    padding: 0.5rem 0;
    border-bottom: 0.125rem solid var(--lectern-accent, #1f3a5f);
    margin-bottom: 0.75rem;
  }
  .bar h2 {
    margin: 0;
    font-size: 1.125rem;
    flex: 1 1 18rem;
  }
  .modes button {
    min-height: 2.25rem;
    padding: 0.25rem 0.75rem;
  }
  .modes button[aria-pressed='true'] {
    background: var(--lectern-accent, #1f3a5f);
    color: var(--lectern-accent-text, #fff);
  }
  .save {
    font-size: 0.875rem;
    font-weight: 600;
    padding: 0.25rem 0.625rem;
    border-radius: 0.25rem;
    border: 0.0625rem solid var(--lectern-border, #b9c0cc);
    background: var(--lectern-surface, #fff);
  }
  .save.saved {
    color: var(--lectern-ok, #1d5e2e);
  }
  .save.offline,
  .save.logged-out {
    color: var(--lectern-danger, #a4161a);
    border-color: var(--lectern-danger, #a4161a);
    background: var(--lectern-danger-bg, #fde8e8);
  }
  .where {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
    align-items: baseline;
    margin: 0 0 0.5rem;
  }
  .where strong {
    font-size: 1.0625rem;
  }
  .keys {
    position: sticky;
    bottom: 0;
    background: var(--lectern-bg, #f4f5f7);
    border-top: 0.0625rem solid var(--lectern-border, #b9c0cc);
    padding: 0.375rem 0;
    margin: 0.5rem 0 0;
    font-size: 0.8125rem;
    color: var(--lectern-muted, #4a5160);
  }
  .status-line {
    margin: 0 0 0.5rem;
    font-weight: 600;
  }
  .status-line:empty {
    margin: 0;
  }
  .dialog-backdrop {
    position: fixed;
    inset: 0;
    background: rgb(0 0 0 / 0.35);
    display: grid;
    place-items: center;
    z-index: 10;
  }
  .dialog {
    max-width: 32rem;
  }
  .dialog .buttons {
    display: flex;
    gap: 0.75rem;
    justify-content: flex-end;
  }
  .help ul {
    margin: 0;
    padding-left: 1.25rem;
  }
`;
