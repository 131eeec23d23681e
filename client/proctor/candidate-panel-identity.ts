// The head of the candidate panel: who (workstation and code), in what state, locked or paused
// alone, and the button that closes the panel.
import { html, nothing } from 'lit';
import type { Language } from '../common/i18n.js';
import { label, t } from '../common/staff-i18n.js';
import type { TileView } from './dashboard-store.js';

export interface IdentityHandlers {
  close(): void;
}

export function candidateIdentity({ tile, state }: TileView, lang: Language, on: IdentityHandlers) {
  return html`<header class="state-${state}">
    <div>
      <h2>${tile.workstation ?? t('proctor.tile.noWorkstation')} · <span class="code">${tile.code}</span></h2>
      <span class="badge">${label('tileState', state, lang)}</span>
      ${tile.locked ? html`<span class="badge">${t('proctor.tile.locked')}</span>` : nothing}
      ${tile.pausedAlone ? html`<span class="badge">‖ ${t('proctor.tile.pausedAlone')}</span>` : nothing}
    </div>
    <button type="button" @click=${on.close} aria-label=${t('proctor.panel.close')}>✕</button>
  </header>`;
}
