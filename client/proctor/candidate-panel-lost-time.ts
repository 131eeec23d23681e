// The candidate's measured lost time in the panel (issue 13, item 2): each period offline or
// locked over a minute, as the server measured it, with one button that grants it as incident
// time, the measure as the reason. A period already granted says so instead.
import { html, nothing } from 'lit';
import { t } from '../common/staff-i18n.js';
import type { LostPeriod } from '../../server/contract/lost-time.js';

export interface LostTimeHandlers {
  grantLost(period: LostPeriod): void;
}

export function lostTimeOffers(periods: readonly LostPeriod[] | null, busy: boolean, on: LostTimeHandlers) {
  if (periods === null || periods.length === 0) return nothing;
  return html`<section class="lost" data-role="lost-time" aria-labelledby="lost-h">
    <h3 id="lost-h">${t('proctorScreens.lost.title')}</h3>
    <ul>
      ${periods.map(
        (p) => html`<li>
          <span>${p.reason}</span>
          ${p.granted
            ? html`<strong>${t('proctorScreens.lost.granted')}</strong>`
            : html`<button type="button" class="primary" ?disabled=${busy} @click=${() => on.grantLost(p)}>${t('proctorScreens.lost.give', { n: p.minutes })}</button>`}
        </li>`,
      )}
    </ul>
  </section>`;
}
