import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { I18nController, type Language, type StringKey } from '../common/i18n.js';
import { suspiciousKinds } from '../../server/contract/rules/tiles.js';
import type { DashboardQuestion } from '../../server/contract/staff-protocol.js';
import type { TileView } from './dashboard-store.js';
import { timeText, type CandidateSelectedDetail } from './ui.js';
import { label, t } from '../common/staff-i18n.js';

const stateIcon: Record<string, string> = {
  absent: '∅',
  'not-logged-in': '○',
  waiting: '◔',
  reading: '◉',
  typing: '✎',
  idle: '☾',
  offline: '⚠',
  late: '⌛',
  submitted: '✔',
};

function problemFlag(problem: string) {
  return html`<span class="flag">${t(`proctor.problem.${problem}` as StringKey)}</span>`;
}

/**
 * The candidate's suspicious events, counted by kind. When they make a problem, the line itself
 * is the red flag and says what it is ("Événements à vérifier : Focus perdu 2 · Collage 1"), with
 * a tooltip naming the kinds: a lone word "événements" said nothing (issue 13, item 1).
 */
function eventsLine(events: readonly (readonly [string, number])[], flagged: boolean, lang: Language) {
  const list = events.map(([k, n], i) => `${i ? ' · ' : ''}${label('event', k, lang)} ${n}`).join('');
  if (!events.length) return html`<span class="line events" data-role="events">${t('proctor.tile.noEvents')}</span>`;
  if (!flagged) return html`<span class="line events" data-role="events">${list}</span>`;
  return html`<span class="line events flagged" data-role="events" title=${t('proctorScreens.flag.eventsHelp')}>⚑ ${t('proctorScreens.flag.events')} ${list}</span>`;
}

/**
 * A tile's look, scoped to its element: the dashboard adopts it (lectern-dashboard.ts) with the
 * base and state styles, which the tile's content uses too.
 */
export const tileStyles = css`
  lectern-candidate-tile {
    display: block;
    /*
     * A room of 300 changes a few tiles every frame. Each tile has the grid's fixed row height
     * and contains itself, so a change inside it lays out and paints that tile alone. Only the
     * tiles in view are drawn (tile-window.ts); content-visibility would add a frame each time
     * a tile crosses the edge of the view, which the "problems first" order does all the time.
     */
    contain: strict;
  }
  lectern-candidate-tile button.tile {
    display: grid;
    align-content: start;
    gap: 0.2rem;
    width: 100%;
    height: 100%;
    overflow: hidden;
    min-height: 0;
    padding: 0.5rem 0.6rem 0.55rem 0.75rem;
    text-align: left;
    font-weight: 400;
    color: var(--lectern-text, #16181d);
    background: var(--lectern-surface, #fff);
    border: 1px solid var(--lectern-border, #b9c0cc);
    border-left: 0.45rem solid var(--state, #1f3a5f);
    border-radius: 0.375rem;
    line-height: 1.3;
  }
  /* The tile contains its paint: rings are drawn inside it. */
  lectern-candidate-tile button.tile:hover:not(:disabled) {
    text-decoration: none;
    box-shadow: inset 0 0 0 2px var(--lectern-focus, #0b57d0);
  }
  lectern-candidate-tile button.tile.selected {
    box-shadow: inset 0 0 0 3px var(--lectern-focus, #0b57d0);
  }
  lectern-candidate-tile button.tile:focus-visible {
    outline-offset: -0.3rem;
  }
  lectern-candidate-tile button.tile.problem {
    background: var(--state-bg, #fff);
  }
  /*
   * Every line wraps rather than clips: a 30-character workstation name, "Remis à 09:23:09"
   * or three flags take a second line, and the grid's row height (dashboard-styles.ts) leaves
   * room for the longest of them at every zoom, so nothing is cut (issue 13, item 1).
   */
  lectern-candidate-tile .workstation {
    font-weight: 700;
    font-size: 1.05rem;
    overflow-wrap: anywhere;
    line-height: 1.2;
  }
  lectern-candidate-tile .top {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    align-items: baseline;
    gap: 0.1rem 0.4rem;
  }
  lectern-candidate-tile .code {
    font-family: var(--lectern-font-mono, monospace);
    font-size: 0.85rem;
    color: var(--lectern-muted, #4a5160);
    overflow-wrap: anywhere;
  }
  lectern-candidate-tile .clock {
    font-variant-numeric: tabular-nums;
    font-weight: 700;
    font-size: 1rem;
  }
  lectern-candidate-tile .clock .extra {
    white-space: nowrap;
    font-weight: 600;
    font-size: 0.8rem;
    color: var(--lectern-accent, #1f3a5f);
  }
  lectern-candidate-tile .line {
    font-size: 0.8rem;
    color: var(--lectern-muted, #4a5160);
    overflow-wrap: anywhere;
  }
  lectern-candidate-tile .words {
    display: flex;
    gap: 0.15rem;
  }
  lectern-candidate-tile .q {
    flex: 1 1 0;
    min-width: 0;
    display: flex;
    flex-direction: column;
  }
  lectern-candidate-tile .bar {
    height: 0.8rem;
    background: var(--lectern-border, #c9ced6);
    border-radius: 0.1rem 0.1rem 0 0;
    position: relative;
  }
  lectern-candidate-tile .bar span {
    position: absolute;
    inset: auto 0 0 0;
    background: var(--lectern-accent, #1f3a5f);
    border-radius: 0.1rem 0.1rem 0 0;
  }
  lectern-candidate-tile .n {
    font-size: 0.6875rem;
    line-height: 1.2;
    text-align: center;
    font-variant-numeric: tabular-nums;
    color: var(--lectern-muted, #4a5160);
  }
  lectern-candidate-tile .line.flagged {
    font-weight: 700;
    color: var(--lectern-danger, #a4161a);
    background: var(--lectern-danger-bg, #fde8e8);
    border-radius: 0.2rem;
    padding: 0 0.3rem;
  }
  lectern-candidate-tile .flags {
    display: flex;
    flex-wrap: wrap;
    gap: 0.2rem 0.25rem;
  }
  lectern-candidate-tile .flag {
    font-size: 0.75rem;
    font-weight: 700;
    padding: 0 0.35rem;
    border-radius: 0.2rem;
    background: var(--lectern-danger-bg, #fde8e8);
    color: var(--lectern-danger, #a4161a);
    overflow-wrap: anywhere;
  }
  lectern-candidate-tile .flag.info {
    background: #e8eef7;
    color: var(--lectern-accent, #1f3a5f);
  }
  @media (forced-colors: active) {
    lectern-candidate-tile button.tile {
      border-left-width: 0.45rem;
      forced-color-adjust: auto;
    }
    lectern-candidate-tile button.tile.selected {
      outline: 0.2rem solid Highlight;
      outline-offset: -0.4rem;
    }
    lectern-candidate-tile .bar span {
      background: CanvasText;
    }
    lectern-candidate-tile .flag {
      border: 1px solid CanvasText;
    }
  }
`;

/** One workstation on the dashboard: who, what they are doing, their time, words and events. */
@customElement('lectern-candidate-tile')
export class LecternCandidateTile extends LitElement {
  /**
   * In the dashboard's shadow root, not a shadow root of its own: "problems first" moves tiles in
   * the grid all the time, and a moved shadow root makes the browser gather its style sheets again
   * (Document::updateActiveStyle) before restyling it; the dashboard's sheets (tileStyles) are
   * already active.
   */
  protected override createRenderRoot(): HTMLElement {
    return this;
  }


  @property({ attribute: false }) view!: TileView;
  @property({ attribute: false }) questions: DashboardQuestion[] = [];
  @property({ type: Boolean }) selected = false;
  /** The clock's text is computed by the dashboard each second, so every tile ticks together. */
  @property() clock = '';

  private readonly i18n = new I18nController(this);

  private drawnLanguage: string | null = null;

  override render() {
    const { tile, state, problems } = this.view;
    const lang = this.i18n.language;
    this.drawnLanguage = lang;
    // Answers the workstation sent again to a server restored from an older backup (issue 10, item 1).
    const recovered = tile.events['answer-recovered'] ?? 0;
    const events = suspiciousKinds.map((k) => [k, tile.events[k] ?? 0] as const).filter(([, n]) => n > 0);
    const wordTitle = this.questions.map((q) => `${q.label} ${tile.words[q.id] ?? 0}`).join(' · ');
    return html`<button
      type="button"
      class="tile state-${state} ${problems.length ? 'problem' : ''} ${this.selected ? 'selected' : ''}"
      aria-pressed=${this.selected ? 'true' : 'false'}
      data-candidate=${tile.candidateId}
      data-state=${state}
      @click=${this.select}
    >
      <span class="workstation">${tile.workstation ?? t('proctor.tile.noWorkstation')}</span>
      <span class="top">
        <span class="code">${tile.code}</span>
        <span class="badge" data-role="state">${stateIcon[state]} ${label('tileState', state, lang)}</span>
      </span>
      <span class="clock" data-role="clock"
        >${tile.submittedAt !== null ? t('proctor.tile.submittedAt', { time: timeText(tile.submittedAt) }) : html`<span data-role="clock-value"></span>`}${tile.clock.extraMs > 0
          ? html` <span class="extra">${t('proctor.tile.extra', { minutes: Math.round((tile.clock.extraMs / 60_000) * 10) / 10 })}</span>`
          : nothing}</span
      >
      <span class="words" title=${`${t('proctor.tile.words')}: ${wordTitle}`} aria-label=${`${t('proctor.tile.words')}: ${wordTitle}`} data-role="words">
        ${this.questions.map((q) => {
          const w = tile.words[q.id] ?? 0;
          const share = Math.min(1, w / Math.max(1, q.targetWords));
          return html`<span class="q"><span class="bar"><span data-share=${share.toFixed(2)}></span></span><span class="n" aria-hidden="true">${w}</span></span>`;
        })}
      </span>
      <span class="line"
        >${t('proctor.tile.wordCount', { n: this.view.words })} ·
        <span data-role="last-save">${tile.lastSavedAt ? t('proctor.tile.savedAt', { time: timeText(tile.lastSavedAt) }) : t('proctor.tile.notSaved')}</span></span
      >
      ${eventsLine(events, problems.includes('events'), lang)}
      ${tile.pausedAlone || tile.locked || problems.length || tile.unacknowledged || recovered
        ? html`<span class="flags">
            ${tile.pausedAlone ? html`<span class="flag info">‖ ${t('proctor.tile.pausedAlone')}</span>` : nothing}
            ${tile.locked ? html`<span class="flag">${t('proctor.tile.locked')}</span>` : nothing}
            ${tile.unacknowledged ? html`<span class="flag info">✉ ${t('proctor.tile.unacknowledged', { n: tile.unacknowledged })}</span>` : nothing}
            ${tile.lateSaves ? html`<span class="flag">${t('proctor.tile.lateSaves', { n: tile.lateSaves })}</span>` : nothing}
            ${recovered ? html`<span class="flag info" data-role="recovered">${t('proctor.tile.recovered', { n: recovered })}</span>` : nothing}
            ${problems
              .filter((x) => !['locked', 'unacknowledged', 'late-saves', 'offline', 'not-logged-in', 'late', 'idle', 'events'].includes(x))
              .map((x) => problemFlag(x))}
          </span>`
        : nothing}
    </button>`;
  }

  /**
   * Every tile's clock changes each second: that alone writes the clock's text and skips the
   * render, so a room of 300 does not re-render 300 tiles a second.
   */
  protected override shouldUpdate(changed: PropertyValues<this>): boolean {
    // A language switch asks for an update without a changed property: when the dashboard's clock
    // ticks in the same update, the tile must still be drawn again in the new language.
    if (this.hasUpdated && changed.size === 1 && changed.has('clock') && this.drawnLanguage === this.i18n.language) {
      this.writeClock();
      return false;
    }
    return true;
  }

  override updated(changed: PropertyValues<this>): void {
    this.writeClock();
    if (!changed.has('view') && !changed.has('questions')) return;
    // Bar heights are set through the CSSOM: the page's CSP allows no inline style attribute.
    // Written only when it changes: each write makes the browser recompute the bar's style.
    for (const bar of this.renderRoot.querySelectorAll<HTMLElement>('.bar > span')) {
      const height = `${Math.round(Number(bar.dataset['share'] ?? 0) * 100)}%`;
      if (bar.style.height !== height) bar.style.height = height;
    }
  }

  private writeClock(): void {
    const value = this.renderRoot.querySelector('[data-role=clock-value]');
    if (value && value.textContent !== this.clock) value.textContent = this.clock;
  }

  private select() {
    this.dispatchEvent(new CustomEvent<CandidateSelectedDetail>('candidate-selected', { detail: { candidateId: this.view.tile.candidateId }, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lectern-candidate-tile': LecternCandidateTile;
  }
  interface HTMLElementEventMap {
    'candidate-selected': CustomEvent<CandidateSelectedDetail>;
  }
}
