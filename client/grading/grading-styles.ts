// Styles shared by the grading elements: level buttons, copied-text highlight, document passage.
import { css } from 'lit';

export const gradingStyles = css`
  .levels {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem;
  }
  .levels button {
    min-height: 1.875rem;
    min-width: 2.25rem;
    padding: 0.0625rem 0.5rem;
    font-size: 0.9375rem;
    font-weight: 500;
    border-width: 0.0625rem;
    border-color: var(--lectern-border, #b9c0cc);
    color: var(--lectern-text, #16181d);
  }
  .levels button kbd {
    font-family: var(--lectern-font-mono, monospace);
    font-weight: 700;
  }
  .levels button kbd:not(.solo) {
    margin-right: 0.3rem;
  }
  .levels button[aria-pressed='true'] {
    background: var(--lectern-accent, #1f3a5f);
    border-color: var(--lectern-accent, #1f3a5f);
    color: var(--lectern-accent-text, #fff);
    font-weight: 700;
  }
  .row {
    list-style: none;
    padding: 0.375rem 0.625rem;
    margin: 0 0 0.3125rem;
    border: 0.125rem solid transparent;
    border-radius: 0.375rem;
    background: var(--lectern-surface, #fff);
  }
  .row.current {
    border-color: var(--lectern-focus, #0b57d0);
    box-shadow: 0 0 0 0.125rem rgb(11 87 208 / 0.15);
  }
  .row.missing .row-title::after {
    content: ' •';
    color: var(--lectern-danger, #a4161a);
  }
  .row-title {
    font-weight: 700;
    margin: 0 0 0.25rem;
  }
  .row-text {
    margin: 0 0 0.3125rem;
    font-size: 0.9375rem;
    line-height: 1.4;
  }
  .row-text code {
    font-family: var(--lectern-font-mono, monospace);
    font-size: 0.875em;
    background: #eef0f3;
    padding: 0 0.1875rem;
    border-radius: 0.1875rem;
  }
  .column {
    max-height: calc(100vh - 13.5rem);
    overflow: auto;
    padding: 0 0.25rem 0.5rem 0;
    scrollbar-gutter: stable;
  }
  .others {
    font-size: 0.8125rem;
    color: var(--lectern-muted, #4a5160);
    margin-top: 0.25rem;
  }
  .answer-text {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    font-family: var(--lectern-font-reading, Georgia, serif);
    font-size: 1.0625rem;
    line-height: 1.6;
    background: var(--lectern-surface, #fff);
    border: 0.0625rem solid var(--lectern-border, #b9c0cc);
    border-radius: 0.375rem;
    padding: 0.75rem 1rem;
    margin: 0 0 0.5rem;
  }
  mark.copied {
    background: #ffe08a;
    color: inherit;
    text-decoration: underline wavy #8a6d00;
    text-decoration-thickness: 0.0625rem;
    text-underline-offset: 0.2rem;
  }
  .meta {
    font-size: 0.875rem;
    color: var(--lectern-muted, #4a5160);
    margin: 0 0 0.5rem;
  }
  .passage {
    font-family: var(--lectern-font-reading, Georgia, serif);
    font-size: 0.9375rem;
    background: var(--lectern-surface, #fff);
    border: 0.0625rem solid var(--lectern-border, #b9c0cc);
    border-radius: 0.375rem;
    padding: 0.5rem 1rem;
  }
  .passage :is(h2, h3) {
    font-family: var(--lectern-font, system-ui, sans-serif);
    font-size: 1.0625rem;
    margin: 0.5rem 0;
  }
  .passage pre {
    white-space: pre-wrap;
    font-size: 0.8125rem;
    background: #f3f4f6;
    padding: 0.5rem;
    border-radius: 0.25rem;
  }
  .passage code {
    font-family: var(--lectern-font-mono, monospace);
    font-size: 0.875em;
  }
  .passage img {
    max-width: 100%;
    height: auto;
  }
  .passage table {
    border-collapse: collapse;
    font-size: 0.875rem;
  }
  .passage :is(th, td) {
    border: 0.0625rem solid var(--lectern-border, #b9c0cc);
    padding: 0.25rem 0.375rem;
  }
  .prompt {
    font-family: var(--lectern-font-reading, Georgia, serif);
  }
  .prompt pre,
  .prompt blockquote {
    white-space: pre-wrap;
    font-size: 0.875rem;
    background: #f3f4f6;
    padding: 0.375rem 0.625rem;
    margin: 0.5rem 0;
    border-radius: 0.25rem;
  }
  textarea {
    font: inherit;
    width: 100%;
    min-height: 4.5rem;
    padding: 0.5rem;
    border: 0.0625rem solid var(--lectern-border, #b9c0cc);
    border-radius: 0.25rem;
    resize: vertical;
  }
  .badge {
    display: inline-block;
    font-size: 0.75rem;
    font-weight: 700;
    padding: 0.0625rem 0.4375rem;
    border-radius: 999px;
    border: 0.0625rem solid currentColor;
    vertical-align: middle;
  }
  .badge.ok {
    color: var(--lectern-ok, #1d5e2e);
  }
  .badge.warn {
    color: #8a4b00;
  }
  table.data {
    border-collapse: collapse;
    width: 100%;
    font-size: 0.9375rem;
    background: var(--lectern-surface, #fff);
  }
  table.data :is(th, td) {
    border: 0.0625rem solid var(--lectern-border, #b9c0cc);
    padding: 0.3125rem 0.5rem;
    text-align: left;
    vertical-align: top;
  }
  table.data thead th {
    background: #eef0f3;
  }
  .num {
    text-align: right;
    font-variant-numeric: tabular-nums;
  }
`;
