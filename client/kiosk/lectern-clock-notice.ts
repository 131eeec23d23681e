import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ClockView } from '../../server/contract/kiosk-protocol.js';
import { formatTimeOfDay } from '../common/format.js';
import { I18nController, t } from '../common/i18n.js';
import { baseStyles } from '../common/styles.js';
import { kioskBannerStyles } from './kiosk-styles.js';
import { clockNotice, type ClockNotice } from './clock-notices.js';

/**
 * Tells the candidate why the clock moved: extra time given, a pause, the end of a pause, each
 * with the new end time. A polite live region (a screen reader says it after what it is reading);
 * shown until the candidate dismisses it or the next change replaces it.
 */
@customElement('lectern-clock-notice')
export class LecternClockNotice extends LitElement {
  static override styles = [
    baseStyles,
    kioskBannerStyles,
    css`
      .notice {
        background: var(--lectern-info-bg, #e6f0fb);
        border-bottom: 0.0625rem solid var(--lectern-accent, #1f3a5f);
      }
      .notice span {
        flex: 1 1 18rem;
        min-width: 0;
        overflow-wrap: break-word;
      }
    `,
  ];

  @property({ attribute: false }) clock: ClockView | null = null;

  @state() private _notice: ClockNotice | null = null;

  private readonly i18n = new I18nController(this);

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('clock')) return;
    const notice = clockNotice(changed.get('clock') ?? null, this.clock);
    if (notice) this._notice = notice;
  }

  private text(notice: ClockNotice): string {
    const lang = this.i18n.language;
    switch (notice.kind) {
      case 'extra':
        return t('screens.clock.extra', { n: notice.minutes, time: formatTimeOfDay(notice.endsAt, lang) });
      case 'reduced':
        return t('screens.clock.reduced', { time: formatTimeOfDay(notice.endsAt, lang) });
      case 'paused':
        return t('screens.clock.paused');
      case 'resumed':
        return t('screens.clock.resumed', { time: formatTimeOfDay(notice.endsAt, lang) });
    }
  }

  override render() {
    const notice = this._notice;
    // The live region stays in the page, empty, so that a screen reader hears what is put in it.
    return html`<div role="status" aria-live="polite" lang=${this.i18n.language}>
      ${notice
        ? html`<div class="banner notice" data-notice=${notice.kind}>
            <span>${this.text(notice)}</span>
            <button type="button" @click=${() => (this._notice = null)}>${t('screens.clock.dismiss')}</button>
          </div>`
        : nothing}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lectern-clock-notice': LecternClockNotice;
  }
}
