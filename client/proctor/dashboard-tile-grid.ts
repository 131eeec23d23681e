// The room's tiles: only the rows in view are drawn (tile-window.ts decides which), each tile
// keeping its place in the list for assistive technology through aria-setsize and aria-posinset.
import { html } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { t } from '../common/staff-i18n.js';
import type { TileView } from './dashboard-store.js';
import type { TileRange } from './tile-window.js';
import type { DashboardQuestion } from './types.js';
import { clockText, type CandidateSelectedDetail } from './ui.js';
import './lectern-candidate-tile.js';

export interface TileGridHandlers {
  onSelect(event: CustomEvent<CandidateSelectedDetail>): void;
}

export function tileGrid(shown: readonly TileView[], range: TileRange, questions: DashboardQuestion[], selected: number | null, on: TileGridHandlers) {
  return html`<section class="tiles" aria-label=${t('proctor.title')}>
    ${shown.length === 0
      ? html`<p class="empty">${t('proctor.tiles.empty')}</p>`
      : html`<div class="grid" role="list" @candidate-selected=${on.onSelect}>
          ${repeat(
            shown.slice(range.start, range.end),
            (v) => v.tile.candidateId,
            (v, i) => html`<lectern-candidate-tile
              role="listitem"
              aria-setsize=${shown.length}
              aria-posinset=${range.start + i + 1}
              .view=${v}
              .questions=${questions}
              .clock=${clockText(v.timeLeftMs)}
              ?selected=${v.tile.candidateId === selected}
            ></lectern-candidate-tile>`,
          )}
        </div>`}
  </section>`;
}
