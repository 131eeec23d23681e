import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
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
import { tileStates } from '../../server/contract/rules/tiles.js';
import { clockText, errorText, formStyles, stateStyles, type CandidateSelectedDetail } from './ui.js';
import { errorText as refusalText } from '../common/error-text.js';
import './lectern-candidate-tile.js';
import './lectern-candidate-panel.js';
import './lectern-room-panel.js';
import './lectern-event-feed.js';
import { label, t } from '../common/staff-i18n.js';

const PING_MS = 4000;
/**
 * Words and heartbeats are drawn on the tiles at most 10 times a second: a person reads no faster,
 * and each drawing of the room costs the browser a layout and a paint. Feed lines do not wait.
 */
const ROOM_FRAME_MS = 100;

/**
 * The live room: one tile per candidate, the controls, the feed. It subscribes to its session
 * over the staff socket, loads the snapshot, then applies the deltas as they come.
 */
@customElement('lectern-dashboard')
export class LecternDashboard extends LitElement {
  static override styles = [
    baseStyles,
    stateStyles,
    formStyles,
    css`
      :host {
        display: flex;
        flex-direction: column;
        height: 100vh;
        background: var(--lectern-bg, #f4f5f7);
      }
      header.bar {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem 1rem;
        padding: 0.5rem 1rem;
        background: var(--lectern-accent, #1f3a5f);
        color: var(--lectern-accent-text, #fff);
      }
      header.bar a {
        color: inherit;
      }
      header.bar h1 {
        font-size: 1.2rem;
        margin: 0;
      }
      .session-meta {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem 0.75rem;
        align-items: baseline;
        font-size: 0.9rem;
      }
      .session-code {
        font-family: var(--lectern-font-mono, monospace);
        font-weight: 700;
        font-size: 1.05rem;
        letter-spacing: 0.05em;
      }
      .room-state {
        font-weight: 700;
        padding: 0.05rem 0.5rem;
        border-radius: 1rem;
        background: #fff;
        color: var(--lectern-accent, #1f3a5f);
      }
      .room-state.paused {
        background: #ffd24a;
        color: #3b2a00;
      }
      .live {
        font-size: 0.8rem;
        opacity: 0.9;
      }
      .live.offline {
        background: #ffd24a;
        color: #3b2a00;
        padding: 0 0.4rem;
        border-radius: 0.2rem;
        font-weight: 700;
        opacity: 1;
      }
      .spacer {
        flex: 1 1 auto;
      }
      .controls,
      .links {
        display: flex;
        flex-wrap: wrap;
        gap: 0.4rem;
        align-items: center;
      }
      header.bar button {
        min-height: 2.25rem;
        padding: 0.25rem 0.8rem;
        border-color: #fff;
      }
      header.bar button.danger {
        color: var(--lectern-danger, #a4161a);
        border-color: #fff;
      }
      .links a {
        font-size: 0.9rem;
      }
      .subbar {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1rem;
        align-items: end;
        padding: 0.4rem 1rem;
        border-bottom: 1px solid var(--lectern-border, #b9c0cc);
        background: var(--lectern-surface, #fff);
        font-size: 0.9rem;
      }
      .subbar label {
        display: flex;
        align-items: center;
        gap: 0.35rem;
      }
      .counts {
        color: var(--lectern-muted, #4a5160);
      }
      .layout {
        flex: 1 1 auto;
        min-height: 0;
        display: grid;
        grid-template-columns: minmax(0, 1fr) minmax(20rem, 27rem);
      }
      .tiles {
        contain: layout paint;
        overflow: auto;
        /* The drawn rows change as it scrolls (tile-window.ts): the padding keeps every tile's place. */
        overflow-anchor: none;
        padding: 0.75rem 1rem 2rem;
      }
      .grid {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(13.5rem, 1fr));
        grid-auto-rows: 11.25rem;
        gap: 0.6rem;
      }
      aside {
        display: flex;
        flex-direction: column;
        min-height: 0;
        border-left: 1px solid var(--lectern-border, #b9c0cc);
        background: var(--lectern-surface, #fff);
      }
      .panel-area {
        flex: 0 1 auto;
        max-height: 62%;
        overflow: auto;
        padding: 0.75rem 1rem;
        border-bottom: 2px solid var(--lectern-border, #b9c0cc);
      }
      .feed-area {
        contain: layout paint;
        flex: 1 1 auto;
        min-height: 8rem;
        overflow: auto;
        padding: 0.5rem 1rem 1rem;
      }
      .feed-head {
        display: flex;
        justify-content: space-between;
        align-items: baseline;
        gap: 0.5rem;
      }
      .feed-head h2 {
        font-size: 1.05rem;
        margin: 0 0 0.35rem;
      }
      .feed-head label {
        display: flex;
        gap: 0.3rem;
        align-items: center;
        font-weight: 400;
        font-size: 0.85rem;
      }
      .error-line {
        margin: 0;
        padding: 0.4rem 1rem;
        background: var(--lectern-danger-bg, #fde8e8);
        color: var(--lectern-danger, #a4161a);
        font-weight: 600;
      }
      .empty {
        color: var(--lectern-muted, #4a5160);
      }
      @media (max-width: 60rem) {
        :host {
          height: auto;
        }
        .layout {
          grid-template-columns: 1fr;
        }
        aside {
          border-left: 0;
          border-top: 1px solid var(--lectern-border, #b9c0cc);
        }
      }
    `,
  ];

  @property({ attribute: false }) api!: ApiClient;
  @property({ type: Number }) sessionId = 0;

  @state() private _selected: number | null = null;
  @state() private _filter: Filter = 'all';
  @state() private _sort: SortOrder = 'problems';
  @state() private _search = '';
  @state() private _onlySelected = false;
  @state() private _confirm: 'start' | 'end' | null = null;
  @state() private _error = '';
  @state() private _busy = false;
  @state() private _loaded = false;

  private readonly i18n = new I18nController(this);
  private readonly clock = new DashboardClock(this);
  private readonly connection = new Connection<ServerToStaff, StaffToServer>(this, { silenceMs: PING_MS * 3 });
  private readonly store = new DashboardStore();
  private readonly tileWindow = new TileWindow(this);
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

  override render() {
    void this.i18n;
    const session = this.store.session;
    if (!this._loaded || !session) {
      return html`${this._error ? html`<p class="error-line" role="alert">${this._error}</p>` : nothing}<p class="page">${t('proctor.loading')}</p>`;
    }
    const now = this.clock.now();
    const viewOf = (t: CandidateTile) => this.viewOf(t, now);
    const all = [...this.store.tiles.values()].map(viewOf);
    const shown = this.store.views(now, this._filter, this._sort, this._search, viewOf);
    const selected = this._selected === null ? undefined : this.store.tiles.get(this._selected);
    const count = (pred: (v: TileView) => boolean) => all.filter(pred).length;
    const lang = this.i18n.language;
    const feed = this.feedItems();
    const range = this.tileWindow.range(shown.length);
    return html`
      <header class="bar">
        <a href="#" @click=${this.back}>${t('proctor.sessions.back')}</a>
        <h1>${session.title}</h1>
        <div class="session-meta">
          ${session.room ? html`<span>${session.room}</span>` : nothing}
          <span>${t('proctor.room.code')} <span class="session-code" data-role="session-code">${session.code}</span></span>
          <span class="room-state ${session.state}" data-role="room-state">${t(`proctor.state.${session.state}`)}</span>
          ${session.sebConfigKeySet ? html`<span>${t('proctor.room.seb')}</span>` : nothing}
          <span class="live ${this.connection.state}" data-role="live" role="status">● ${t(`proctor.live.${this.connection.state}`)}</span>
        </div>
        <span class="spacer"></span>
        <div class="controls">${this.roomControls(session.state)}</div>
        <div class="links">
          <a href="/proctor/sessions/${session.id}/slips?lang=${lang}" target="_blank" rel="noopener">${t('proctor.room.slips')}</a>
          <a href="/proctor/sessions/${session.id}/report?lang=${lang}" target="_blank" rel="noopener">${t('proctor.room.report')}</a>
          <a href="/api/sessions/${session.id}/report.csv?lang=${lang}">${t('proctor.room.csv')}</a>
          <button type="button" lang=${lang === 'fr' ? 'en' : 'fr'} title=${t('proctor.languageLabel')} @click=${this.switchLanguage}>${t('proctor.language')}</button>
        </div>
      </header>
      ${this._error ? html`<p class="error-line" role="alert">${this._error}</p>` : nothing}
      <div class="subbar">
        <label
          >${t('proctor.filter.label')}
          <select data-role="filter" @change=${(e: Event) => (this._filter = (e.target as HTMLSelectElement).value as Filter)}>
            <option value="all" ?selected=${this._filter === 'all'}>${t('proctor.filter.all')}</option>
            <option value="problems" ?selected=${this._filter === 'problems'}>${t('proctor.filter.problems')}</option>
            ${tileStates.map((s) => html`<option value=${s} ?selected=${this._filter === s}>${label('tileState', s, lang)} (${count((v) => v.state === s)})</option>`)}
          </select>
        </label>
        <label
          >${t('proctor.sort.label')}
          <select data-role="sort" @change=${(e: Event) => (this._sort = (e.target as HTMLSelectElement).value as SortOrder)}>
            ${(['problems', 'workstation', 'code', 'timeLeft', 'words'] as const).map((s) => html`<option value=${s} ?selected=${this._sort === s}>${t(`proctor.sort.${s}`)}</option>`)}
          </select>
        </label>
        <label><input type="search" size="30" placeholder=${t('proctor.filter.search')} aria-label=${t('proctor.filter.search')} .value=${this._search} @input=${(e: Event) => (this._search = (e.target as HTMLInputElement).value)} /></label>
        <span class="counts" data-role="counts"
          >${[
            t('proctor.room.connected', { n: count((v) => v.tile.connected) }),
            t('proctor.room.writing', { n: count((v) => ['reading', 'typing', 'idle'].includes(v.state)) }),
            t('proctor.room.submitted', { n: count((v) => v.state === 'submitted') }),
            t('proctor.room.absent', { n: count((v) => v.state === 'absent') }),
            t('proctor.room.total', { n: all.length }),
          ].join(' · ')}
          · ${t('proctor.tiles.count', { shown: shown.length, total: all.length })}</span
        >
      </div>
      <div class="layout">
        <section class="tiles" aria-label=${t('proctor.title')}>
          ${shown.length === 0
            ? html`<p class="empty">${t('proctor.tiles.empty')}</p>`
            : html`<div class="grid" role="list" @candidate-selected=${this.onSelect}>
                ${repeat(
                  shown.slice(range.start, range.end),
                  (v) => v.tile.candidateId,
                  (v, i) => html`<lectern-candidate-tile
                    role="listitem"
                    aria-setsize=${shown.length}
                    aria-posinset=${range.start + i + 1}
                    .view=${v}
                    .questions=${this.store.questions}
                    .clock=${clockText(v.timeLeftMs)}
                    ?selected=${v.tile.candidateId === this._selected}
                  ></lectern-candidate-tile>`,
                )}
              </div>`}
        </section>
        <aside @candidate-selected=${this.onSelect}>
          <div class="panel-area">
            ${selected
              ? html`<lectern-candidate-panel
                  .api=${this.api}
                  .sessionId=${session.id}
                  .view=${this.viewOf(selected, now)}
                  .sessionState=${session.state}
                  .durationMs=${session.durationMs}
                  .serverNow=${now}
                  .messages=${this.store.messageList}
                ></lectern-candidate-panel>`
              : html`<lectern-room-panel
                  .api=${this.api}
                  .sessionId=${session.id}
                  .sessionState=${session.state}
                  .messages=${this.store.messageList}
                  .incidents=${this.store.incidents}
                  .tiles=${this.store.tiles}
                ></lectern-room-panel>`}
          </div>
          <div class="feed-area">
            <div class="feed-head">
              <h2>${t('proctor.feed.title')}</h2>
              ${this._selected !== null
                ? html`<label><input type="checkbox" .checked=${this._onlySelected} @change=${(e: Event) => (this._onlySelected = (e.target as HTMLInputElement).checked)} />${t('proctor.feed.onlySelected')}</label>`
                : nothing}
            </div>
            <lectern-event-feed .items=${feed} .tiles=${this.store.tiles} .questions=${this.store.questions}></lectern-event-feed>
          </div>
        </aside>
      </div>
    `;
  }

  private roomControls(state: string) {
    const busy = this._busy;
    if (this._confirm) {
      const action = this._confirm;
      return html`<button type="button" class=${action === 'end' ? 'danger' : 'primary'} data-action="confirm-${action}" ?disabled=${busy} @click=${() => this.roomAction(action)}>
          ${action === 'end' ? t('proctor.room.confirmEnd') : t('proctor.room.confirmStart')}
        </button>
        <button type="button" @click=${() => (this._confirm = null)}>${t('proctor.room.cancel')}</button>`;
    }
    return html`
      ${state === 'waiting' ? html`<button type="button" data-action="start" ?disabled=${busy} @click=${() => (this._confirm = 'start')}>▶ ${t('proctor.room.start')}</button>` : nothing}
      ${state === 'running' ? html`<button type="button" data-action="pause" ?disabled=${busy} @click=${() => this.roomAction('pause')}>‖ ${t('proctor.room.pause')}</button>` : nothing}
      ${state === 'paused' ? html`<button type="button" data-action="resume" ?disabled=${busy} @click=${() => this.roomAction('resume')}>▶ ${t('proctor.room.resume')}</button>` : nothing}
      ${state === 'running' || state === 'paused'
        ? html`<button type="button" class="danger" data-action="end" ?disabled=${busy} @click=${() => (this._confirm = 'end')}>■ ${t('proctor.room.end')}</button>`
        : nothing}
    `;
  }

  private async roomAction(action: 'start' | 'pause' | 'resume' | 'end') {
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

  private onSelect(event: CustomEvent<CandidateSelectedDetail>) {
    event.stopPropagation();
    const id = event.detail.candidateId;
    this._selected = id === this._selected ? null : id;
    if (this._selected === null) this._onlySelected = false;
  }

  private back(event: Event) {
    event.preventDefault();
    this.dispatchEvent(new CustomEvent('leave-session', { bubbles: true, composed: true }));
  }

  private switchLanguage() {
    this.dispatchEvent(new CustomEvent('switch-language', { bubbles: true, composed: true }));
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
