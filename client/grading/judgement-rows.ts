// Rendering of one judgement row (a key point, the interpretation, a writing band, a competence
// criterion): its title, its level buttons with their keys, and what other readers gave, if shown.
import { html, nothing, type TemplateResult } from 'lit';
import { levelsOf, type Row } from './grading-model.js';
import type { StringKey } from '../common/i18n.js';
import { t } from '../common/staff-i18n.js';
import { isJudged } from '../../server/contract/rules/judged.js';

export interface LevelChosenDetail {
  rowIndex: number;
  level: string | number;
}

const labelKeys: Record<string, StringKey> = {
  found: 'grading.level.found',
  partly: 'grading.level.partly',
  missing: 'grading.level.missing',
  correct: 'grading.level.correct',
  partial: 'grading.level.partial',
  misunderstanding: 'grading.level.misunderstanding',
  met: 'grading.level.met',
  notMet: 'grading.level.notMet',
};

export function levelLabel(row: Row, level: string | number): string {
  if (row.kind === 'band') return String(level);
  if (row.kind === 'competence' && level === 'partly') return t('grading.level.partlyMet');
  const key = labelKeys[String(level)];
  return key ? t(key) : String(level);
}

/** Key points are written for correctors with `code` in backticks: shown as code. */
export function withInlineCode(text: string): (string | TemplateResult)[] {
  return text.split(/(`[^`]+`)/).map((part) => (part.startsWith('`') && part.endsWith('`') && part.length > 1 ? html`<code>${part.slice(1, -1)}</code>` : part));
}

export interface RowRender {
  row: Row;
  index: number;
  current: boolean;
  value: string | number | undefined;
  title: string | TemplateResult;
  text?: string | TemplateResult;
  /** Title and text on one line (key points: "kp1 — what the answer must contain"). */
  inline?: boolean;
  /** What other readers gave on this row: "Reading 2: found". */
  others?: string[];
  readOnly: boolean;
  /** Descriptor of each level, shown as the button's tooltip. */
  describe?: (level: string | number) => string | undefined;
  onChoose: (detail: LevelChosenDetail) => void;
}

export function renderRow(r: RowRender): TemplateResult {
  const levels = levelsOf(r.row);
  const missing = !isJudged(r.value) && r.row.kind !== 'comment';
  return html`<li class="row ${r.current ? 'current' : ''} ${missing ? 'missing' : ''}" data-row=${r.index} aria-current=${r.current ? 'true' : 'false'}>
    ${r.inline
      ? html`<p class="row-text"><span class="row-title">${r.title}</span> ${r.text}</p>`
      : html`<p class="row-title">${r.title}</p>${r.text ? html`<div class="row-text">${r.text}</div>` : nothing}`}
    <div class="levels" role="group" aria-label=${typeof r.title === 'string' ? r.title : ''}>
      ${levels.map(
        (l) => html`<button
          type="button"
          tabindex="-1"
          aria-pressed=${r.value === l.level ? 'true' : 'false'}
          ?disabled=${r.readOnly}
          title=${r.describe?.(l.level) ?? ''}
          @click=${() => r.onChoose({ rowIndex: r.index, level: l.level })}
        >${r.row.kind === 'band' ? html`<kbd class="solo">${l.key}</kbd>` : html`<kbd>${l.key}</kbd>${levelLabel(r.row, l.level)}`}</button>`,
      )}
      ${missing ? html`<span class="badge warn">${t('grading.notJudged')}</span>` : nothing}
    </div>
    ${r.others?.length ? html`<p class="others">${r.others.join(' · ')}</p>` : nothing}
  </li>`;
}
