// The buttons that start, pause, resume and end the whole room. Starting and ending ask for a
// second click (the confirm button) because neither can be undone.
import { html, nothing } from 'lit';
import { t } from '../common/staff-i18n.js';
import type { SessionState } from './types.js';

export type RoomAction = 'start' | 'pause' | 'resume' | 'end';
/** The actions that wait for a confirming click. */
export type RoomConfirm = 'start' | 'end';

export interface RoomControlsHandlers {
  /** Asks for the confirming click (or, with null, withdraws the question). */
  confirm(action: RoomConfirm | null): void;
  roomAction(action: RoomAction): void;
}

export function roomControls(state: SessionState, confirm: RoomConfirm | null, busy: boolean, on: RoomControlsHandlers) {
  if (confirm) return confirmControls(confirm, busy, on);
  return html`
    ${state === 'waiting' ? html`<button type="button" data-action="start" ?disabled=${busy} @click=${() => on.confirm('start')}>▶ ${t('proctor.room.start')}</button>` : nothing}
    ${state === 'running' ? html`<button type="button" data-action="pause" ?disabled=${busy} @click=${() => on.roomAction('pause')}>‖ ${t('proctor.room.pause')}</button>` : nothing}
    ${state === 'paused' ? html`<button type="button" data-action="resume" ?disabled=${busy} @click=${() => on.roomAction('resume')}>▶ ${t('proctor.room.resume')}</button>` : nothing}
    ${state === 'running' || state === 'paused'
      ? html`<button type="button" class="danger" data-action="end" ?disabled=${busy} @click=${() => on.confirm('end')}>■ ${t('proctor.room.end')}</button>`
      : nothing}
  `;
}

function confirmControls(action: RoomConfirm, busy: boolean, on: RoomControlsHandlers) {
  return html`<button type="button" class=${action === 'end' ? 'danger' : 'primary'} data-action="confirm-${action}" ?disabled=${busy} @click=${() => on.roomAction(action)}>
      ${action === 'end' ? t('proctor.room.confirmEnd') : t('proctor.room.confirmStart')}
    </button>
    <button type="button" @click=${() => on.confirm(null)}>${t('proctor.room.cancel')}</button>`;
}
