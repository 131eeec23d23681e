// The column beside the tiles: the room's panel, and under it the live feed, which can narrow to
// the selected candidate alone. The selected candidate's panel opens as a dialog over the room.
import { html, nothing } from 'lit';
import type { ApiClient } from '../common/api.js';
import { t } from '../common/staff-i18n.js';
import type { DashboardStore, TileView } from './dashboard-store.js';
import type { DashboardSession, FeedItem } from './types.js';
import type { CandidateSelectedDetail } from './ui.js';
import './lectern-candidate-panel.js';
import './lectern-room-panel.js';
import './lectern-event-feed.js';
import '../common/lectern-throttle-list.js';

export interface SideColumnHandlers {
  onSelect(event: CustomEvent<CandidateSelectedDetail>): void;
  onlySelectedChanged(event: Event): void;
}

/** What the column shows: the room, and the selected candidate's view if there is one. */
export interface SideColumnView {
  api: ApiClient;
  session: DashboardSession;
  store: DashboardStore;
  selected: TileView | undefined;
  now: number;
  feed: FeedItem[];
  /** Null when no candidate is selected: the feed then has no "only this candidate" box. */
  onlySelected: boolean | null;
}

export function sideColumn(side: SideColumnView, on: SideColumnHandlers) {
  return html`<aside @candidate-selected=${on.onSelect}>
    <div class="panel-area">${roomPanel(side)}</div>
    <div class="feed-area">
      <div class="feed-head">
        <h2>${t('proctor.feed.title')}</h2>
        ${side.onlySelected !== null
          ? html`<label><input type="checkbox" .checked=${side.onlySelected} @change=${on.onlySelectedChanged} />${t('proctor.feed.onlySelected')}</label>`
          : nothing}
      </div>
      <lectern-event-feed .items=${side.feed} .tiles=${side.store.tiles} .questions=${side.store.questions}></lectern-event-feed>
    </div>
  </aside>`;
}

/** The selected candidate's panel: drawn in the dashboard's dialog (dashboard-candidate-dialog.ts). */
export function candidatePanel({ api, session, store, now }: SideColumnView, view: TileView) {
  return html`<lectern-candidate-panel
    .api=${api}
    .sessionId=${session.id}
    .view=${view}
    .sessionState=${session.state}
    .durationMs=${session.durationMs}
    .serverNow=${now}
    .messages=${store.messageList}
  ></lectern-candidate-panel>`;
}

function roomPanel({ api, session, store }: SideColumnView) {
  return html`<lectern-room-panel
    .api=${api}
    .sessionId=${session.id}
    .sessionState=${session.state}
    .messages=${store.messageList}
    .incidents=${store.incidents}
    .tiles=${store.tiles}
  ></lectern-room-panel>
  <lectern-throttle-list .api=${api} base=${`/api/sessions/${session.id}/throttles`}></lectern-throttle-list>`;
}
