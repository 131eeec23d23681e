// The candidate's time in the panel: what is left and when the paper is due, and the form that
// gives extra time (for an incident, with its reason, or as an accommodation, such as the
// customary third of the duration).
import { html, nothing } from 'lit';
import { t } from '../common/staff-i18n.js';
import type { TileView } from './dashboard-store.js';
import type { SessionState } from './types.js';
import { clockText, timeText } from './ui.js';

export type ExtraTimeKind = 'accommodation' | 'incident';

export interface ExtraTimeHandlers {
  giveTime(event: SubmitEvent): void;
  oneThird(): void;
  kindChanged(event: Event): void;
}

/** Minutes in a third of the paper's duration, rounded: the usual accommodation. */
export function oneThirdMinutes(durationMs: number): number {
  return Math.round(durationMs / 3 / 60_000);
}

export function candidateClock({ tile, timeLeftMs }: TileView, sessionState: SessionState, serverNow: number) {
  const { deadlineAt, paused } = tile.clock;
  // While the clock is paused the deadline moves on with the server's time: the pause is given back.
  const drift = paused ? serverNow - tile.clock.serverNow : 0;
  return html`<p class="clock" data-role="panel-clock">
    ${sessionState === 'waiting'
      ? t('proctor.panel.clockWaiting', { left: clockText(timeLeftMs) })
      : deadlineAt
        ? t('proctor.panel.clock', { left: clockText(timeLeftMs), deadline: timeText(deadlineAt + drift) })
        : nothing}
  </p>`;
}

export function extraTimeForm(kind: ExtraTimeKind, durationMs: number, busy: boolean, on: ExtraTimeHandlers) {
  const oneThird = oneThirdMinutes(durationMs);
  return html`<form @submit=${on.giveTime} data-form="extra-time">
    <fieldset>
      <legend>${t('proctor.panel.extra')}</legend>
      <div class="row">
        <label>${t('proctor.panel.minutes')}<input name="minutes" type="number" min="0.5" max="240" step="0.5" required size="5" /></label>
        <label
          >${t('proctor.panel.kind')}
          <select name="kind" @change=${on.kindChanged}>
            <option value="incident" ?selected=${kind === 'incident'}>${t('proctor.panel.kind.incident')}</option>
            <option value="accommodation" ?selected=${kind === 'accommodation'}>${t('proctor.panel.kind.accommodation')}</option>
          </select>
        </label>
      </div>
      <label>${t('proctor.panel.reason')}<input name="reason" maxlength="500" ?required=${kind === 'incident'} /></label>
      <div class="row">
        <button type="submit" class="primary" ?disabled=${busy}>${t('proctor.panel.give')}</button>
        ${oneThird > 0 ? html`<button type="button" ?disabled=${busy} @click=${on.oneThird}>${t('proctor.panel.oneThird', { minutes: oneThird })}</button>` : nothing}
      </div>
    </fieldset>
  </form>`;
}
