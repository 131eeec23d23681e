// Small pieces of the grading workspace that need none of its state: the save indicator, the key
// help, the finish dialog, how a missing judgement is named, and the remembered grading order.
import { html } from 'lit';
import { recallSetting, rememberSetting } from '../common/local-store.js';
import type { Item, Mode, Row } from './grading-model.js';
import type { QueueState } from './mark-queue.js';
import { t } from '../common/staff-i18n.js';

const MODE_KEY = 'lectern.grading.mode';

/** The order the corrector chose last on this workstation (by question unless they chose by script). */
export function readMode(): Mode {
  return recallSetting(MODE_KEY) === 'script' ? 'script' : 'question';
}

/** Not remembered after a reload when the storage refuses: harmless. */
export function rememberMode(mode: Mode): void {
  rememberSetting(MODE_KEY, mode);
}

/** The bar: the session, the grading order (by question or by script), and whether the marks are saved. */
export function renderBar(title: string, mode: Mode, setMode: (mode: Mode) => void, queue: { state: QueueState; size: number } | null) {
  return html`<div class="bar">
    <h2>${title}</h2>
    <div class="modes" role="group" aria-label=${t('grading.mode.label')}>
      <button type="button" aria-pressed=${mode === 'question' ? 'true' : 'false'} @click=${() => setMode('question')}>${t('grading.mode.question')}</button>
      <button type="button" aria-pressed=${mode === 'script' ? 'true' : 'false'} @click=${() => setMode('script')}>${t('grading.mode.script')}</button>
    </div>
    ${renderSave(queue?.state ?? 'saved', queue?.size ?? 0)}
  </div>`;
}

function renderSave(state: QueueState, n: number) {
  const text = state === 'saved' ? t('grading.save.saved') : state === 'saving' ? t('grading.save.saving', { n }) : state === 'offline' ? t('grading.save.offline', { n }) : t('grading.save.loggedOut', { n });
  return html`<span class="save ${state}" data-state=${state} role="status">${text}</span>`;
}

export function renderHelp() {
  return html`<div class="help panel" role="region" aria-label=${t('grading.help.title')}>
    <h3>${t('grading.help.title')}</h3>
    <ul>
      <li>${t('grading.help.levels')}</li>
      <li>${t('grading.help.rows')}</li>
      <li>${t('grading.help.items')}</li>
      <li>${t('grading.help.other')}</li>
    </ul>
  </div>`;
}

export function renderFinishConfirm(code: string, cancel: () => void, confirm: () => void) {
  return html`<div class="dialog-backdrop">
    <div class="dialog panel" role="alertdialog" aria-modal="true" aria-labelledby="confirm-text">
      <p id="confirm-text">${t('grading.finishConfirm', { code })}</p>
      <div class="buttons">
        <button type="button" @click=${cancel}>${t('grading.cancel')}</button>
        <button type="button" class="primary" @click=${confirm}>${t('grading.confirm')}</button>
      </div>
    </div>
  </div>`;
}

/** How a judgement still missing is named in "finish" refusals: question/key point, or rubric/criterion. */
export function describeRow(item: Item, row: Row): string {
  const where = item.kind === 'answer' ? item.questionId : '';
  switch (row.kind) {
    case 'keyPoint':
      return `${where}/${row.id}`;
    case 'interpretation':
      return `${where}/${t('grading.interpretation').toLowerCase()}`;
    case 'band':
    case 'competence':
      return `${row.rubricId}/${row.criterionId}`;
    case 'comment':
      return '';
  }
}
