// Styles shared by every element's shadow root: type scale, buttons, panels, focus. Colours come
// from the custom properties of static/base.css, each with a fallback.
import { css } from 'lit';

export const baseStyles = css`
  :host {
    display: block;
    font-family: var(--lectern-font, system-ui, sans-serif);
    color: var(--lectern-text, #16181d);
    line-height: 1.5;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  [hidden] {
    display: none !important;
  }
  h1,
  h2,
  h3 {
    line-height: 1.25;
    margin: 0 0 0.75rem;
  }
  h1 {
    font-size: 1.75rem;
  }
  h2 {
    font-size: 1.375rem;
  }
  h3 {
    font-size: 1.125rem;
  }
  p {
    margin: 0 0 0.75rem;
  }
  :focus-visible {
    outline: 0.1875rem solid var(--lectern-focus, #0b57d0);
    outline-offset: 0.125rem;
  }
  button {
    font: inherit;
    font-weight: 600;
    min-height: 2.75rem;
    padding: 0.5rem 1.25rem;
    border-radius: 0.375rem;
    border: 0.125rem solid var(--lectern-accent, #1f3a5f);
    background: var(--lectern-surface, #fff);
    color: var(--lectern-accent, #1f3a5f);
    cursor: pointer;
  }
  button.primary {
    background: var(--lectern-accent, #1f3a5f);
    color: var(--lectern-accent-text, #fff);
  }
  button:disabled {
    opacity: 0.55;
    cursor: not-allowed;
  }
  button:hover:not(:disabled) {
    text-decoration: underline;
  }
  .panel {
    background: var(--lectern-surface, #fff);
    border: 0.0625rem solid var(--lectern-border, #b9c0cc);
    border-radius: 0.5rem;
    padding: 1.5rem;
  }
  .page {
    max-width: 46rem;
    margin: 0 auto;
    padding: 2rem 1rem;
  }
  .muted {
    color: var(--lectern-muted, #4a5160);
  }
  .error {
    border-left: 0.375rem solid var(--lectern-danger, #a4161a);
    background: var(--lectern-danger-bg, #fde8e8);
    color: var(--lectern-text, #16181d);
    padding: 0.75rem 1rem;
    border-radius: 0.25rem;
    margin: 0 0 1rem;
  }
  .notice {
    border-left: 0.375rem solid var(--lectern-notice-border, #8a6d00);
    background: var(--lectern-notice-bg, #fff6d6);
    padding: 0.75rem 1rem;
    border-radius: 0.25rem;
    margin: 0 0 1rem;
  }
  /* Headings focused by script (a new screen) need no ring; real controls keep theirs. */
  :is(h1, h2, h3)[tabindex='-1']:focus {
    outline: none;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  .code {
    font-family: var(--lectern-font-mono, monospace);
    letter-spacing: 0.05em;
  }
`;
