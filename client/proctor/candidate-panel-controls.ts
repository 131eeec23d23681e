// What the proctor can do to one candidate's sitting: pause or resume them alone, lock or
// unlock their kiosk, mark them absent or present, and move them to another workstation.
import { html, nothing } from 'lit';
import { t } from '../common/staff-i18n.js';
import type { CandidateTile, SessionState } from './types.js';

export interface CandidateControlsHandlers {
  /** Posts `body` to the candidate's `action` (under /api/sessions/:id/candidates/:id/). */
  candidateAction(action: 'pause' | 'resume' | 'lock' | 'unlock' | 'absent', body: object): void;
  move(event: SubmitEvent): void;
}

/** The pause, lock and absence buttons: each shows only when its action makes sense now. */
export function candidateButtons(tile: CandidateTile, sessionState: SessionState, busy: boolean, on: CandidateControlsHandlers) {
  const live = sessionState === 'running' || sessionState === 'paused';
  const ended = sessionState === 'ended';
  const writing = tile.submittedAt === null && !tile.absent;
  return html`<div class="actions">
    ${live && writing
      ? tile.pausedAlone
        ? html`<button type="button" ?disabled=${busy} @click=${() => on.candidateAction('resume', {})}>▶ ${t('proctor.panel.resume')}</button>`
        : html`<button type="button" ?disabled=${busy} @click=${() => on.candidateAction('pause', {})}>‖ ${t('proctor.panel.pause')}</button>`
      : nothing}
    ${!ended || tile.locked
      ? tile.locked
        ? html`<button type="button" ?disabled=${busy} @click=${() => on.candidateAction('unlock', {})}>${t('proctor.panel.unlock')}</button>`
        : html`<button type="button" class="danger" ?disabled=${busy} @click=${() => on.candidateAction('lock', {})}>${t('proctor.panel.lock')}</button>`
      : nothing}
    ${tile.absent
      ? ended
        ? nothing
        : html`<button type="button" ?disabled=${busy} @click=${() => on.candidateAction('absent', { absent: false })}>${t('proctor.panel.present')}</button>`
      : !tile.connected && tile.submittedAt === null
        ? html`<button type="button" ?disabled=${busy} @click=${() => on.candidateAction('absent', { absent: true })}>${t('proctor.panel.absent')}</button>`
        : nothing}
  </div>`;
}

/** Moving a candidate: the old workstation is logged out at once, every answer waits on the new one. */
export function moveForm(busy: boolean, on: CandidateControlsHandlers) {
  return html`<form @submit=${on.move} data-form="move">
    <fieldset>
      <legend>${t('proctor.panel.move')}</legend>
      <div class="row">
        <label>${t('proctor.panel.newWorkstation')}<input name="workstation" required maxlength="64" size="10" /></label>
        <button type="submit" ?disabled=${busy}>${t('proctor.panel.moveButton')}</button>
      </div>
      <p class="help">${t('proctor.panel.moveHelp')}</p>
    </fieldset>
  </form>`;
}
