// The bar under the session bar: which tiles to show (a state, or those with a problem), in
// which order, a search, and the room's counts.
import { html } from 'lit';
import type { Language } from '../common/i18n.js';
import { label, t } from '../common/staff-i18n.js';
import { tileStates } from '../../server/contract/rules/tiles.js';
import type { Filter, SortOrder } from './dashboard-store.js';
import type { RoomCounts } from './room-counts.js';

export interface TileChoice {
  filter: Filter;
  sort: SortOrder;
  search: string;
}

export interface FilterBarHandlers {
  filterChanged(event: Event): void;
  sortChanged(event: Event): void;
  searchChanged(event: Event): void;
}

const sortOrders = ['problems', 'workstation', 'code', 'timeLeft', 'words'] as const satisfies readonly SortOrder[];

export function filterBar(choice: TileChoice, counts: RoomCounts, shown: number, lang: Language, on: FilterBarHandlers) {
  return html`<div class="subbar">
    <label
      >${t('proctor.filter.label')}
      <select data-role="filter" @change=${on.filterChanged}>
        <option value="all" ?selected=${choice.filter === 'all'}>${t('proctor.filter.all')}</option>
        <option value="problems" ?selected=${choice.filter === 'problems'}>${t('proctor.filter.problems')}</option>
        ${tileStates.map((s) => html`<option value=${s} ?selected=${choice.filter === s}>${label('tileState', s, lang)} (${counts.byState[s]})</option>`)}
      </select>
    </label>
    <label
      >${t('proctor.sort.label')}
      <select data-role="sort" @change=${on.sortChanged}>
        ${sortOrders.map((s) => html`<option value=${s} ?selected=${choice.sort === s}>${t(`proctor.sort.${s}`)}</option>`)}
      </select>
    </label>
    <label><input type="search" size="30" placeholder=${t('proctor.filter.search')} aria-label=${t('proctor.filter.search')} .value=${choice.search} @input=${on.searchChanged} /></label>
    <span class="counts" data-role="counts">${countsText(counts)} · ${t('proctor.tiles.count', { shown, total: counts.total })}</span>
  </div>`;
}

function countsText(counts: RoomCounts): string {
  return [
    t('proctor.room.connected', { n: counts.connected }),
    t('proctor.room.writing', { n: counts.writing }),
    t('proctor.room.submitted', { n: counts.byState.submitted }),
    t('proctor.room.absent', { n: counts.byState.absent }),
    t('proctor.room.total', { n: counts.total }),
  ].join(' · ');
}
