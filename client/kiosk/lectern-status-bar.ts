import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { SessionState } from '../../server/contract/kiosk-protocol.js';
import { formatCode } from '../../server/contract/rules/code-format.js';
import type { ConnectionState } from '../common/connection.js';
import type { TimeLeftSource } from '../common/server-clock.js';
import { formatDuration, formatTimeOfDay, prepareFormatters } from '../common/format.js';
import { I18nController, t, type StringKey } from '../common/i18n.js';
import { baseStyles } from '../common/styles.js';
import { kioskBannerStyles } from './kiosk-styles.js';
import { emit } from './events.js';
import type { SaveSnapshot } from './save-queue.js';
import { warningBracket } from './time-warnings.js';
import './lectern-language-switch.js';

/** Always on screen during the exam: the time left, whether the answers are saved, the language, submission. */
@customElement('lectern-status-bar')
export class LecternStatusBar extends LitElement {
  static override styles = [
    baseStyles,
    kioskBannerStyles,
    css`
      :host {
        display: block;
        background: var(--lectern-surface, #fff);
        border-bottom: 0.125rem solid var(--lectern-accent, #1f3a5f);
      }
      .bar {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem 1.5rem;
        padding: 0.5rem 1rem;
      }
      .time {
        display: flex;
        flex-direction: column;
        min-width: 9rem;
      }
      .time .label {
        font-size: 0.875rem;
        color: var(--lectern-muted, #4a5160);
      }
      .time .value {
        font-size: 2rem;
        font-weight: 700;
        font-variant-numeric: tabular-nums;
        line-height: 1.1;
      }
      .time.last .value {
        color: var(--lectern-danger, #a4161a);
      }
      .time .paused {
        font-weight: 600;
        font-size: 0.9375rem;
      }
      .save {
        flex: 1 1 16rem;
        min-width: 0;
      }
      .save .offline,
      .save .refused,
      .save .failed {
        color: var(--lectern-danger, #a4161a);
        font-weight: 700;
      }
      .save .detail {
        display: block;
        font-size: 0.875rem;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem 0.75rem;
      }
      .banner {
        background: var(--lectern-notice-bg, #fff6d6);
        border-top: 0.0625rem solid var(--lectern-notice-border, #8a6d00);
      }
      .banner.danger {
        background: var(--lectern-danger-bg, #fde8e8);
        border-top-color: var(--lectern-danger, #a4161a);
        color: var(--lectern-danger, #a4161a);
      }
    `,
  ];

  /** The server clock: the bar redraws itself each second from it, the rest of the kiosk does not. */
  @property({ attribute: false }) clock: TimeLeftSource | null = null;
  @property() sessionState: SessionState | null = null;
  @property({ type: Boolean }) paused = false;
  @property({ type: Boolean }) timeUp = false;
  @property({ attribute: false }) saves: SaveSnapshot | null = null;
  @property() connection: ConnectionState = 'offline';
  @property() candidateCode = '';
  @property({ type: Boolean }) showFullscreen = false;
  @property({ type: Boolean }) canSubmit = false;

  @state() private timeLeftMs: number | null = null;
  @state() private _warning: number | null = null;
  @state() private _timeAnnouncement = '';
  @state() private _saveAnnouncement = '';

  private readonly i18n = new I18nController(this);
  private lastBracket: number | null = null;
  private lastSaveState: string | null = null;
  private announcedOffline = false;
  private hideTimer: ReturnType<typeof setTimeout> | null = null;
  private stopSeconds: (() => void) | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    this.followClock();
    // The save time shows first at the first acknowledgement, while the candidate types.
    prepareFormatters(this.i18n.language);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.hideTimer !== null) clearTimeout(this.hideTimer);
    this.stopSeconds?.();
    this.stopSeconds = null;
  }

  private followClock(): void {
    this.stopSeconds?.();
    const clock = this.clock;
    this.stopSeconds = clock && this.isConnected ? clock.onEachSecond(() => (this.timeLeftMs = clock.timeLeftMs)) : null;
  }

  // Untyped: `timeLeftMs` is this bar's own state, which PropertyValues<this> does not list.
  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('clock')) {
      this.followClock();
      this.timeLeftMs = this.clock?.timeLeftMs ?? null;
    }
    if (changed.has('timeLeftMs') || changed.has('sessionState') || changed.has('paused')) this.checkWarnings();
    if (changed.has('timeUp') && this.timeUp) this._timeAnnouncement = t('status.timeUp');
    if (changed.has('saves') || changed.has('connection')) this.checkSaveAnnouncement();
  }

  private checkWarnings(): void {
    if (this.timeLeftMs === null || this.sessionState !== 'running') return;
    const bracket = warningBracket(this.timeLeftMs);
    const previous = this.lastBracket;
    this.lastBracket = bracket;
    if (bracket === null || this.timeLeftMs === 0) return;
    if (previous === null || bracket < previous) {
      this._warning = bracket;
      this._timeAnnouncement = this.warningText(bracket);
      if (this.hideTimer !== null) clearTimeout(this.hideTimer);
      // The last minute stays; the others go after a while (the clock itself stays visible).
      this.hideTimer = bracket > 1 ? setTimeout(() => (this._warning = null), 30_000) : null;
    }
  }

  private warningText(minutes: number): string {
    return minutes <= 1 ? t('status.warningLast') : t('status.warning', { minutes });
  }

  private checkSaveAnnouncement(): void {
    // Announce what the candidate must know (offline, refused, back), not every save while typing.
    const saves = this.saves;
    const key = !saves ? 'none' : saves.localCopyFailed ? 'failed' : saves.state;
    if (key === this.lastSaveState) return;
    this.lastSaveState = key;
    if (key === 'offline') {
      this.announcedOffline = true;
      this._saveAnnouncement = t('status.offline');
    } else if (key === 'refused') this._saveAnnouncement = this.refusalText();
    else if (key === 'failed') this._saveAnnouncement = t('status.localCopyFailed');
    else if (key === 'saved' && this.announcedOffline) {
      this.announcedOffline = false;
      this._saveAnnouncement = t('status.announce.saved');
    }
  }

  private refusalText(): string {
    const reason = this.saves?.stopped?.reason;
    const key: StringKey =
      // The server keeps a late save aside, flagged, for the jury (server/live/kiosk-socket.ts): say so.
      reason === 'late' ? 'screens.refused.late' : reason === 'ended' ? 'screens.refused.ended' : reason === 'submitted' ? 'screens.refused.submitted' : 'status.refused.other';
    return t(key);
  }

  override render() {
    const lang = this.i18n.language;
    const timeLeft = this.timeLeftMs;
    const running = this.sessionState === 'running' && !this.paused;
    const last = running && timeLeft !== null && timeLeft <= 60_000;
    return html`<div lang=${lang}>
      <div class="bar">
        <div class="time ${last ? 'last' : ''}">
          <span class="label" id="time-label">${t('status.timeLeft')}</span>
          <span class="value" role="timer" aria-labelledby="time-label">${timeLeft === null ? '--:--' : formatDuration(timeLeft)}</span>
          ${this.paused ? html`<span class="paused">${t('status.paused')}</span>` : nothing}
          ${this.sessionState === 'waiting' ? html`<span class="paused">${t('status.notStarted')}</span>` : nothing}
        </div>
        <div class="save">${this.renderSave(lang)}</div>
        <div class="actions">
          ${this.candidateCode ? html`<span class="code muted">${t('status.candidate', { code: formatCode(this.candidateCode) })}</span>` : nothing}
          ${this.showFullscreen ? html`<button type="button" @click=${() => emit(this, 'fullscreen-requested', {})}>${t('status.fullscreen')}</button>` : nothing}
          <lectern-language-switch></lectern-language-switch>
          <button class="primary" type="button" ?disabled=${!this.canSubmit} @click=${() => emit(this, 'submit-requested', {})}>${t('status.submit')}</button>
        </div>
      </div>
      ${this.timeUp
        ? html`<div class="banner danger"><span>${t('status.timeUp')}</span></div>`
        : this._warning !== null
          ? html`<div class="banner ${this._warning <= 1 ? 'danger' : ''}">
              <span>${this.warningText(this._warning)}</span>
              ${this._warning > 1 ? html`<button type="button" @click=${() => (this._warning = null)}>${t('status.dismiss')}</button>` : nothing}
            </div>`
          : nothing}
      <div class="visually-hidden" aria-live="assertive" aria-atomic="true">${this._timeAnnouncement}</div>
      <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this._saveAnnouncement}</div>
    </div>`;
  }

  private renderSave(lang: string) {
    const saves = this.saves;
    const at = (time: number) => formatTimeOfDay(time, lang);
    const parts = [];
    if (saves?.localCopyFailed) parts.push(html`<span class="failed">${t('status.localCopyFailed')}</span>`);
    if (!saves || (this.sessionState === 'waiting' && saves.questions.size === 0)) return parts;
    switch (saves.state) {
      case 'refused':
        parts.push(html`<span class="refused">${this.refusalText()}</span>`);
        break;
      case 'offline':
        parts.push(html`<span class="offline">${t('status.offline')}</span>`);
        if (saves.lastSavedAt !== null) parts.push(html`<span class="detail">${t('status.offlineSince', { time: at(saves.lastSavedAt) })}</span>`);
        break;
      case 'saving':
        parts.push(html`<span>${t('status.saving')}</span>`);
        if (saves.lastSavedAt !== null) parts.push(html`<span class="detail muted">${t('status.saved', { time: at(saves.lastSavedAt) })}</span>`);
        break;
      case 'saved':
        parts.push(html`<span>${saves.lastSavedAt !== null ? t('status.saved', { time: at(saves.lastSavedAt) }) : t('status.savedNothing')}</span>`);
        break;
    }
    if (saves.state !== 'offline' && saves.state !== 'refused' && this.connection !== 'online') {
      parts.push(html`<span class="detail">${t('status.reconnecting')}</span>`);
    }
    return parts;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lectern-status-bar': LecternStatusBar;
  }
}
