import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { AttemptView } from '../../server/contract/attempt.js';
import type { ConnectionState } from '../common/connection.js';
import { formatCode } from '../../server/contract/rules/code-format.js';
import { formatTimeOfDay } from '../common/format.js';
import { I18nController, t } from '../common/i18n.js';
import { baseStyles } from '../common/styles.js';
import { emit } from './events.js';

/** Before the start: who is logged in, what the exam is, and that the proctor starts it. */
@customElement('lectern-waiting-room')
export class LecternWaitingRoom extends LitElement {
  static override styles = [
    baseStyles,
    css`
      .exam {
        font-size: 1.125rem;
        font-weight: 600;
        margin-bottom: 0.5rem;
      }
      .facts {
        list-style: none;
        padding: 0;
        margin: 0 0 1.5rem;
      }
      .big {
        font-size: 1.25rem;
        font-weight: 600;
        margin: 1.5rem 0;
      }
      .live {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1.5rem;
      }
      .dot {
        display: inline-block;
        width: 0.75rem;
        height: 0.75rem;
        border-radius: 50%;
        margin-right: 0.5rem;
        background: var(--lectern-muted, #4a5160);
      }
      .dot.online {
        background: var(--lectern-ok, #1d5e2e);
      }
      .fullscreen {
        margin-top: 1.5rem;
        display: flex;
        flex-wrap: wrap;
        gap: 1rem;
        align-items: center;
      }
    `,
  ];

  @property({ attribute: false }) attempt!: AttemptView;
  @property() connection: ConnectionState = 'offline';
  @property({ type: Boolean }) fullscreen = false;
  @property({ type: Boolean }) paused = false;
  /** Server time now (ms), null before the first clock message. */
  @property({ type: Number }) serverNow: number | null = null;

  private readonly i18n = new I18nController(this);

  override render() {
    const { attempt } = this;
    const extraMinutes = Math.round(attempt.clock.extraMs / 60_000);
    const lang = this.i18n.language;
    return html`<div class="page" lang=${lang}>
      <section class="panel" aria-labelledby="title">
        <h1 id="title">${t('waiting.title')}</h1>
        <p class="exam">${attempt.session.title}</p>
        <ul class="facts">
          <li class="code">${t('waiting.candidate', { code: formatCode(attempt.candidate.code) })}</li>
          <li>
            ${t('waiting.duration', { minutes: attempt.pack.durationMinutes + extraMinutes })}${extraMinutes > 0 ? ` (${t('waiting.extra', { minutes: extraMinutes })})` : nothing}
          </li>
        </ul>
        <p class="big" role="status">${this.paused ? t('waiting.paused') : t('waiting.proctorWillStart')}</p>
        <div class="live muted">
          <span><span class="dot ${this.connection === 'online' ? 'online' : ''}"></span>${t(this.connection === 'online' ? 'waiting.connected' : 'waiting.connecting')}</span>
          ${this.serverNow !== null ? html`<span>${t('waiting.serverTime', { time: formatTimeOfDay(this.serverNow, lang) })}</span>` : nothing}
        </div>
        <div class="fullscreen">
          ${this.fullscreen
            ? html`<span>${t('waiting.fullscreenDone')}</span>`
            : html`<span>${t('waiting.fullscreenHint')}</span>
                <button class="primary" type="button" @click=${() => emit(this, 'fullscreen-requested', {})}>${t('waiting.fullscreen')}</button>`}
        </div>
      </section>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lectern-waiting-room': LecternWaitingRoom;
  }
}
