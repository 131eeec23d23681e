// The login screen's own rules, apart from its element: the page's build also draws the login
// from them before any script runs (login-prerender.ts), so both look the same.
import { css } from 'lit';

export const loginStyles = css`
  .top {
    display: flex;
    justify-content: flex-end;
    margin-bottom: 1rem;
  }
  form {
    display: flex;
    flex-direction: column;
    gap: 1.25rem;
  }
  label {
    display: block;
    font-weight: 600;
    font-size: 1.125rem;
  }
  .hint {
    display: block;
    font-weight: 400;
    font-size: 0.9375rem;
    color: var(--lectern-muted, #4a5160);
  }
  input {
    display: block;
    margin-top: 0.375rem;
    width: 100%;
    max-width: 16rem;
    font: inherit;
    font-family: var(--lectern-font-mono, monospace);
    font-size: 1.5rem;
    letter-spacing: 0.12em;
    text-transform: uppercase;
    padding: 0.5rem 0.75rem;
    border: 0.125rem solid var(--lectern-border, #b9c0cc);
    border-radius: 0.375rem;
    background: var(--lectern-surface, #fff);
    color: inherit;
  }
  input[aria-invalid='true'] {
    border-color: var(--lectern-danger, #a4161a);
  }
  .field-error {
    color: var(--lectern-danger, #a4161a);
    font-weight: 600;
    margin-top: 0.375rem;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 1rem;
    align-items: center;
  }
`;

export const languageSwitchStyles = css`
  :host {
    display: inline-block;
  }
  button {
    min-height: 2.5rem;
    padding: 0.25rem 0.875rem;
  }
`;
