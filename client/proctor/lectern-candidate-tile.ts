import { LitElement, html, nothing, type PropertyValues } from 'lit';
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

/** One workstation on the dashboard: who, what they are doing, their time, words and events. */
@customElement('lectern-candidate-tile')
export class LecternCandidateTile extends LitElement {
  /**
   * In the dashboard's shadow root, not a shadow root of its own: "problems first" moves tiles in
   * the grid all the time, and a moved shadow root makes the browser gather its style sheets again
   * (Document::updateActiveStyle) before restyling it; the dashboard's sheets (tile-styles.ts) are
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
