// Small things every dashboard element uses: the state colours, error wording, time formatting.
import { css } from 'lit';
import { ApiError } from '../common/api.js';
import { getLanguage } from '../common/i18n.js';
import { formatDuration } from '../common/format.js';
import { knownErrorText } from '../common/error-text.js';
import { t } from '../common/staff-i18n.js';

export interface CandidateSelectedDetail {
  candidateId: number | null;
}

/** A refusal worded by the catalogue; anything else as "The action failed: <what the server said>". */
export function errorText(err: unknown): string {
  if (err instanceof ApiError) return knownErrorText(err) ?? t('error.generic', { message: err.message });
  return t('error.generic', { message: err instanceof Error ? err.message : String(err) });
}

export const clockText = (ms: number) => formatDuration(ms);

// Building an Intl.DateTimeFormat costs far more than using one: a room of 300 formats thousands
// of times a second, so there is one formatter per language.
const timeFormats = new Map<string, Intl.DateTimeFormat>();

/** A server time as a time of day ("14:03:07"), in the interface's language. */
export function timeText(epochMs: number): string {
  const lang = getLanguage();
  let format = timeFormats.get(lang);
  if (!format) {
    format = new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
    timeFormats.set(lang, format);
  }
  return format.format(epochMs);
}

/** Colours of the tile states: each also has a word and an icon, never colour alone. */
export const stateStyles = css`
  .state-absent { --state: #6b7280; --state-bg: #f0f1f3; }
  .state-not-logged-in { --state: #4a5160; --state-bg: #f4f5f7; }
  .state-waiting { --state: #1f3a5f; --state-bg: #e8eef7; }
  .state-reading { --state: #1d5e2e; --state-bg: #e6f4ea; }
  .state-typing { --state: #0b6b3a; --state-bg: #d9f2e2; }
  .state-idle { --state: #8a5a00; --state-bg: #fff3d6; }
  .state-offline { --state: #a4161a; --state-bg: #fde8e8; }
  .state-late { --state: #7a1d7a; --state-bg: #f7e6f7; }
  .state-submitted { --state: #2f4f6f; --state-bg: #e9eef3; }
  .badge {
    display: inline-block;
    padding: 0.05rem 0.5rem;
    border-radius: 1rem;
    font-size: 0.8125rem;
    font-weight: 700;
    color: var(--state, #1f3a5f);
    background: var(--state-bg, #e8eef7);
    border: 1px solid var(--state, #1f3a5f);
    white-space: nowrap;
  }
`;

export const formStyles = css`
  label {
    display: grid;
    gap: 0.2rem;
    font-weight: 600;
    font-size: 0.9rem;
  }
  input,
  select,
  textarea {
    font: inherit;
    font-weight: 400;
    padding: 0.4rem 0.5rem;
    border: 1px solid var(--lectern-border-strong, #6b7280);
    border-radius: 0.25rem;
    background: var(--lectern-surface, #fff);
    color: inherit;
    min-width: 0;
  }
  textarea {
    resize: vertical;
  }
  button {
    min-height: 2.25rem;
    padding: 0.3rem 0.9rem;
  }
  button.danger {
    border-color: var(--lectern-danger, #a4161a);
    color: var(--lectern-danger, #a4161a);
  }
  button.danger.confirm {
    background: var(--lectern-danger, #a4161a);
    color: #fff;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: end;
  }
  .feedback {
    margin: 0.25rem 0 0;
    font-size: 0.875rem;
  }
  .feedback.bad {
    color: var(--lectern-danger, #a4161a);
    font-weight: 600;
  }
  .feedback.good {
    color: var(--lectern-ok, #1d5e2e);
  }
  fieldset {
    border: 1px solid var(--lectern-border, #b9c0cc);
    border-radius: 0.375rem;
    padding: 0.5rem 0.75rem 0.75rem;
    margin: 0 0 0.75rem;
    display: grid;
    gap: 0.5rem;
  }
  legend {
    font-weight: 700;
    padding: 0 0.25rem;
  }
`;
