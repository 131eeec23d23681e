import { css } from 'lit';

/** Forms and tables of the admin page. */
export const adminFormStyles = css`
  section {
    margin-bottom: 2rem;
  }
  /* A wide table scrolls sideways in its own box (at 200 % zoom), reachable by keyboard. */
  .table-scroll {
    overflow-x: auto;
  }
  form {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr));
    gap: 0.75rem 1rem;
    align-items: end;
    padding: 1rem;
    border: 1px solid var(--lectern-border, #c9ced6);
    border-radius: 0.5rem;
    background: var(--lectern-surface, #fff);
  }
  label {
    display: grid;
    gap: 0.25rem;
    font-weight: 600;
  }
  label.check {
    display: flex;
    align-items: center;
    gap: 0.5rem;
  }
  /* The inputs' width: 100% below would let a long label squeeze its box to a few pixels. */
  label.check input {
    width: auto;
    flex: none;
  }
  .wide {
    grid-column: 1 / -1;
  }
  input,
  select,
  textarea {
    font: inherit;
    padding: 0.45rem;
    border: 1px solid var(--lectern-border-strong, #6b7280);
    border-radius: 0.25rem;
    background: #fff;
    width: 100%;
    min-width: 0;
  }
  label.check input {
    width: auto;
  }
  small {
    font-weight: 400;
    color: var(--lectern-muted, #4b5563);
  }
  table {
    border-collapse: collapse;
    width: 100%;
    background: var(--lectern-surface, #fff);
  }
  th,
  td {
    text-align: left;
    padding: 0.45rem 0.6rem;
    border-bottom: 1px solid var(--lectern-border, #c9ced6);
    vertical-align: top;
  }
  .code {
    font-family: ui-monospace, 'DejaVu Sans Mono', monospace;
    font-size: 1.05rem;
    letter-spacing: 0.05em;
    white-space: nowrap;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4rem;
  }
  .actions button {
    min-height: 2.25rem;
    padding: 0.25rem 0.75rem;
  }
  button.danger {
    border-color: var(--lectern-danger, #a4161a);
    color: var(--lectern-danger, #a4161a);
  }
  .state {
    font-weight: 600;
  }
  .state.running {
    color: #1b6e3a;
  }
  .state.paused {
    color: #8a5a00;
  }
  .ok {
    color: #1b6e3a;
    font-weight: 600;
    margin-left: 1rem;
  }
  .error {
    color: var(--lectern-danger, #a4161a);
    font-weight: 600;
    margin-left: 1rem;
  }
`;
