import { LitElement, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { ApiClient } from '../common/api.js';
import { Connection } from '../common/connection.js';
import { I18nController } from '../common/i18n.js';
import { baseStyles } from '../common/styles.js';
import type { CandidateTile, ServerToStaff, StaffToServer } from './types.js';
import { DashboardClock } from './dashboard-clock.js';
import { DashboardStore, type Filter, type SortOrder, type TileView } from './dashboard-store.js';
import { DrawThrottle, drawNeeds } from './draw-schedule.js';
import type { LecternEventFeed } from './lectern-event-feed.js';
import { TileWindow } from './tile-window.js';
import { TileOrder } from './tile-order.js';
import { errorText, formStyles, stateStyles, type CandidateSelectedDetail } from './ui.js';
import { errorText as refusalText } from '../common/error-text.js';
import { dashboardStyles } from './dashboard-styles.js';
import { tileStyles } from './tile-styles.js';
import { errorLine, sessionBar, type SessionBarHandlers } from './dashboard-session-bar.js';
import { roomControls, type RoomAction, type RoomConfirm, type RoomControlsHandlers } from './dashboard-room-controls.js';
import { filterBar, type FilterBarHandlers } from './dashboard-filter-bar.js';
import { tileGrid, type TileGridHandlers } from './dashboard-tile-grid.js';
import { candidatePanel, sideColumn, type SideColumnHandlers, type SideColumnView } from './dashboard-side-column.js';
import { candidateDialog, focusTile, syncDialog, type CandidateDialogHandlers } from './dashboard-candidate-dialog.js';
import { roomCounts } from './room-counts.js';
import { t } from '../common/staff-i18n.js';

const PING_MS = 4000;
/**
 * Words and heartbeats are drawn on the tiles at most 4 times a second: a proctor glancing at the
 * room reads no faster, and each drawing of the room costs the browser a layout and a paint, which
 * a feed line arriving meanwhile waits behind (10 a second took half the frames of a throttled
 * dashboard under 300 typing candidates). Feed lines and controls do not wait (draw-schedule.ts).
 */
const ROOM_FRAME_MS = 250;
const CONTRAST_KEY = 'lectern.proctor.contrast';

/**
 * The live room: one tile per candidate, the controls, the feed. It subscribes to its session
 * over the staff socket, loads the snapshot, then applies the deltas as they come. Its parts are
 * drawn by the dashboard-*.ts render helpers into this element's one shadow root (the tile
 * window, the tests and the benchmark find the grid and the feed there).
 */
@customElement('lectern-dashboard')
export class LecternDashboard extends LitElement {
  static override styles = [baseStyles, stateStyles, formStyles, dashboardStyles, tileStyles];
  @property({ attribute: false }) api!: ApiClient;
  @property({ type: Number }) sessionId = 0;

  @state() private _selected: number | null = null;
  /** The selected candidate's panel is open; closed, the tile stays selected (the feed can still narrow to it). */
  @state() private _panelOpen = false;
  @state() private _filter: Filter = 'all';
  @state() private _sort: SortOrder = 'problems';
  @state() private _search = '';
  @state() private _onlySelected = false;
  @state() private _confirm: RoomConfirm | null = null;
  @state() private _error = '';
  @state() private _busy = false;
  @state() private _loaded = false;
  /** The high-contrast theme (dashboard-styles.ts), remembered on this workstation. */
  @property({ type: Boolean, reflect: true }) contrast = localStorage.getItem(CONTRAST_KEY) === 'on';

  private readonly i18n = new I18nController(this);
  private readonly clock = new DashboardClock(this);
  private readonly connection = new Connection<ServerToStaff, StaffToServer>(this, { silenceMs: PING_MS * 3 });
  private readonly store = new DashboardStore();
  private readonly tileWindow = new TileWindow(this);
  /** The tiles change place a few per drawing (tile-order.ts). */
  private readonly tileOrder = new TileOrder();
  private readonly viewCache = new WeakMap<CandidateTile, TileView>();
  private pingTimer: ReturnType<typeof setInterval> | null = null;
  private readonly roomDraw = new DrawThrottle(ROOM_FRAME_MS, () => this.requestUpdate());
  @query('lectern-event-feed') private feedElement!: LecternEventFeed | null;

  override connectedCallback(): void {
    super.connectedCallback();
    this.connection.onStateChange((s) => {
      if (s === 'online') this.connection.send({ type: 'subscribe', sessionId: this.sessionId });
    });
    this.connection.onMessage((m) => this.onMessage(m));
    this.connection.start();
    this.pingTimer = setInterval(() => this.connection.send({ type: 'ping', sentAt: Date.now() }), PING_MS);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.connection.stop();
    this.roomDraw.cancel();
    if (this.pingTimer !== null) clearInterval(this.pingTimer);
  }

  /** For tests and the benchmark: the dashboard's store, read-only. */
  get room(): DashboardStore {
    return this.store;
  }

  private onMessage(m: ServerToStaff) {
    if (m.type === 'snapshot') {
      this.store.load(m.snapshot);
      this.clock.observe(m.snapshot.serverNow);
      this._loaded = true;
      this._error = '';
    } else if (m.type === 'deltas') {
      for (const d of m.deltas) this.store.apply(d);
      this.clock.observe(m.serverNow);
      // Deltas are applied as they arrive; what is drawn when is in draw-schedule.ts.
      const needs = drawNeeds(m.deltas);
      if (needs.feed && this.feedElement) this.feedElement.items = this.feedItems();
      if (needs.room === 'now') this.roomDraw.now();
      else if (needs.room === 'soon') this.roomDraw.soon();
      return;
    } else if (m.type === 'pong') {
      this.clock.observe(m.serverNow + (Date.now() - m.sentAt) / 2);
      return;
    } else if (m.type === 'error') {
      this._error = refusalText(m);
    }
    this.roomDraw.now();
  }

  /** Whatever asked for this drawing (a clock tick, a filter, a delta), it draws every pending delta. */
  protected override willUpdate(): void {
    this.roomDraw.drawn();
  }

  override updated(): void {
    syncDialog(this.renderRoot, this._panelOpen && this._selected !== null);
    this.tileWindow.attach(this.renderRoot.querySelector<HTMLElement>('section.tiles'), this.renderRoot.querySelector<HTMLElement>('.grid'));
  }

  /** The feed lines shown: the room's, or the selected candidate's alone. */
  private feedItems() {
    return this._onlySelected && this._selected !== null ? this.store.feed.filter((i) => i.candidateId === this._selected) : this.store.feed;
  }

  /** A tile's view, the same object as long as nothing it shows has changed (so the tile does not re-render). */
  private viewOf(tile: CandidateTile, now: number): TileView {
    const fresh = this.store.view(tile, now);
    const cached = this.viewCache.get(tile);
    if (cached && cached.state === fresh.state && cached.problems.join() === fresh.problems.join()) {
      cached.timeLeftMs = fresh.timeLeftMs;
      return cached;
    }
    this.viewCache.set(tile, fresh);
    return fresh;
  }

  /** What the drawn parts call back: made once for the element's life, bound to it. */
  private readonly on: SessionBarHandlers & RoomControlsHandlers & FilterBarHandlers & TileGridHandlers & SideColumnHandlers & CandidateDialogHandlers = {
    back: (event) => {
      event.preventDefault();
      this.dispatchEvent(new CustomEvent('leave-session', { bubbles: true, composed: true }));
    },
    switchLanguage: () => this.dispatchEvent(new CustomEvent('switch-language', { bubbles: true, composed: true })),
    toggleContrast: () => {
      this.contrast = !this.contrast;
      localStorage.setItem(CONTRAST_KEY, this.contrast ? 'on' : 'off');
    },
    confirm: (action) => (this._confirm = action),
    roomAction: (action) => void this.roomAction(action),
    filterChanged: (event) => (this._filter = (event.target as HTMLSelectElement).value as Filter),
    sortChanged: (event) => (this._sort = (event.target as HTMLSelectElement).value as SortOrder),
    searchChanged: (event) => (this._search = (event.target as HTMLInputElement).value),
    onSelect: (event) => this.onSelect(event),
    onlySelectedChanged: (event) => (this._onlySelected = (event.target as HTMLInputElement).checked),
    dialogClosed: () => this.panelClosed(),
  };

  override render() {
    void this.i18n;
    const session = this.store.session;
    if (!this._loaded || !session) return html`${errorLine(this._error)}<p class="page">${t('proctor.loading')}</p>`;
    const now = this.clock.now();
    const viewOf = (tile: CandidateTile) => this.viewOf(tile, now);
    const all = [...this.store.tiles.values()].map(viewOf);
    const wanted = this.store.views(now, this._filter, this._sort, this._search, viewOf);
    const shown = this.tileOrder.follow(wanted, (v) => v.tile.candidateId, `${this._sort} ${this._filter} ${this._search}`);
    const selected = this._selected === null ? undefined : this.store.tiles.get(this._selected);
    const lang = this.i18n.language;
    const choice = { filter: this._filter, sort: this._sort, search: this._search };
    const open = this._panelOpen && selected ? this.viewOf(selected, now) : undefined;
    const side: SideColumnView = {
      api: this.api,
      session,
      store: this.store,
      selected: selected && this.viewOf(selected, now),
      now,
      feed: this.feedItems(),
      onlySelected: this._selected === null ? null : this._onlySelected,
    };
    return html`
      ${sessionBar(session, this.connection.state, lang, this.contrast, roomControls(session.state, this._confirm, this._busy, this.on), this.on)}
      ${errorLine(this._error)}
      ${filterBar(choice, roomCounts(all), shown.length, lang, this.on)}
      <div class="layout">
        ${tileGrid(shown, this.tileWindow.range(shown.length), this.store.questions, this._selected, this.on)}
        ${sideColumn(side, this.on)}
      </div>
      ${candidateDialog(open ? { workstation: open.tile.workstation ?? t('proctor.tile.noWorkstation'), code: open.tile.code } : null, open ? candidatePanel(side, open) : nothing, this.on)}
    `;
  }

  private async roomAction(action: RoomAction) {
    this._busy = true;
    this._error = '';
    try {
      await this.api.post(`/api/sessions/${this.sessionId}/${action}`, {});
    } catch (err) {
      this._error = errorText(err);
    } finally {
      this._busy = false;
      this._confirm = null;
    }
  }

  /** A tile (or the panel's close button, with no candidate) chose who the panel shows. */
  private onSelect(event: CustomEvent<CandidateSelectedDetail>) {
    event.stopPropagation();
    const id = event.detail.candidateId;
    if (id === null) {
      this._panelOpen = false;
      return;
    }
    this._selected = id;
    this._panelOpen = true;
  }

  /** Escape, the close button or the form's own close: the focus goes back to the tile. */
  private panelClosed() {
    this._panelOpen = false;
    const id = this._selected;
    if (id !== null) void this.updateComplete.then(() => focusTile(this.renderRoot, id));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lectern-dashboard': LecternDashboard;
  }
  interface HTMLElementEventMap {
    'leave-session': CustomEvent<void>;
    'switch-language': CustomEvent<void>;
  }
}
