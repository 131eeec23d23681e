// Small pieces of the grading workspace that need none of its state: the save indicator, the key
// help, the finish dialog, how a missing judgement is named, and the remembered grading order.
import { html } from 'lit';
import { recallSetting, rememberSetting } from '../common/local-store.js';
import type { Item, Mode, Row } from './grading-model.js';
import { gt } from './grading-strings.js';
import type { QueueState } from './mark-queue.js';

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
    <div class="modes" role="group" aria-label=${gt('mode.label')}>
      <button type="button" aria-pressed=${mode === 'question' ? 'true' : 'false'} @click=${() => setMode('question')}>${gt('mode.question')}</button>
      <button type="button" aria-pressed=${mode === 'script' ? 'true' : 'false'} @click=${() => setMode('script')}>${gt('mode.script')}</button>
    </div>
    ${renderSave(queue?.state ?? 'saved', queue?.size ?? 0)}
  </div>`;
}

function renderSave(state: QueueState, n: number) {
  const text = state === 'saved' ? gt('save.saved') : state === 'saving' ? gt('save.saving', { n }) : state === 'offline' ? gt('save.offline', { n }) : gt('save.loggedOut', { n });
  return html`<span class="save ${state}" data-state=${state} role="status">${text}</span>`;
}

export function renderHelp() {
  return html`<div class="help panel" role="region" aria-label=${gt('help.title')}>
    <h3>${gt('help.title')}</h3>
    <ul>
      <li>${gt('help.levels')}</li>
      <li>${gt('help.rows')}</li>
      <li>${gt('help.items')}</li>
      <li>${gt('help.other')}</li>
    </ul>
  </div>`;
}

export function renderFinishConfirm(code: string, cancel: () => void, confirm: () => void) {
  return html`<div class="dialog-backdrop">
    <div class="dialog panel" role="alertdialog" aria-modal="true" aria-labelledby="confirm-text">
      <p id="confirm-text">${gt('finishConfirm', { code })}</p>
      <div class="buttons">
        <button type="button" @click=${cancel}>${gt('cancel')}</button>
        <button type="button" class="primary" @click=${confirm}>${gt('confirm')}</button>
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
      return `${where}/${gt('interpretation').toLowerCase()}`;
    case 'band':
    case 'competence':
      return `${row.rubricId}/${row.criterionId}`;
    case 'comment':
      return '';
  }
}
