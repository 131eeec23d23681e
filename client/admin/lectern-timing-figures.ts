import { LitElement, html, css } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ApiClient } from '../common/api.js';
import { errorText } from '../common/error-text.js';
import { getLanguage, I18nController, localized } from '../common/i18n.js';
import { t } from '../common/staff-i18n.js';
import { baseStyles } from '../common/styles.js';
import { adminFormStyles } from './admin-styles.js';
import type { PackTiming, TimingFiguresView, TimingView } from '../../server/contract/timing.js';

/** Time per question from the saved answers, per pack digest (docs/timing-data.md), beside the item statistics. */
@customElement('lectern-timing-figures')
export class LecternTimingFigures extends LitElement {
  static override styles = [
    baseStyles,
    adminFormStyles,
    css`
      td.num {
        text-align: right;
        font-variant-numeric: tabular-nums;
      }
    `,
  ];

  @property({ attribute: false }) api!: ApiClient;
  @state() private _view: TimingView | null = null;
  @state() private _error = '';
  private readonly i18n = new I18nController(this);

  override connectedCallback(): void {
    super.connectedCallback();
    this.api.get<TimingView>('/api/grading/statistics/timing').then(
      (view) => (this._view = view),
      (error: unknown) => (this._error = errorText(error)),
    );
  }

  override render() {
    void this.i18n;
    if (this._error) return html`<p role="alert" class="error">${this._error}</p>`;
    if (!this._view) return html`<p>${t('statistics.loading')}</p>`;
    return html`<h2>${t('timing.title')}</h2>
      <p>${t('timing.intro')}</p>
      ${this._view.packs.length === 0 ? html`<p>${t('timing.none')}</p>` : this._view.packs.map((p) => this._pack(p))}`;
  }

  private _pack(p: PackTiming) {
    const f = p.pooled;
    return html`<section>
      <h3>${localized(p.packTitle)}${p.formId ? ` — ${t('forms.form')} ${p.formId.toUpperCase()}` : ''}</h3>
      <p>
        ${t('statistics.digest')} <code>${p.packDigest.slice(0, 16)}…</code> · ${t('statistics.sessions')} ${p.sessions.length} · ${t('statistics.candidates')} ${f.candidates}
      </p>
      <p>${t('timing.reachedLast', { share: this._pct(f.reachedLastShare) })}
        ${f.medianLastGrowthMs === null ? '' : t('timing.stopGrowing', { time: this._min(f.medianLastGrowthMs), duration: this._min(p.durationMs) })}</p>
      ${this._table(f)}
    </section>`;
  }

  private _table(f: TimingFiguresView) {
    return html`<table>
      <thead>
        <tr>
          <th scope="col">${t('timing.question')}</th><th scope="col">${t('timing.reached')}</th><th scope="col">${t('timing.firstSave')}</th>
          <th scope="col">${t('timing.timeSpent')}</th><th scope="col">${t('timing.wordsToTarget')}</th><th scope="col">${t('timing.reachedTarget')}</th>
          <th scope="col">${t('timing.lastGrowth')}</th>
        </tr>
      </thead>
      <tbody>
        ${f.questions.map(
          (q) => html`<tr>
            <th scope="row">${q.questionId} <small>(${q.targetWords})</small></th>
            <td class="num">${this._pct(q.reachedShare)}</td><td class="num">${this._min(q.medianFirstSaveMs)}</td><td class="num">${this._min(q.medianTimeSpentMs)}</td>
            <td class="num">${this._pct(q.medianWordsToTarget)}</td><td class="num">${this._pct(q.reachedTargetShare)}</td><td class="num">${this._min(q.medianLastGrowthMs)}</td>
          </tr>`,
        )}
      </tbody>
    </table>`;
  }

  private _min(ms: number | null): string {
    if (ms === null) return t('statistics.notDefined');
    const n = new Intl.NumberFormat(getLanguage() === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 1 }).format(ms / 60_000);
    return t('timing.minutes', { n });
  }

  private _pct(x: number | null): string {
    if (x === null) return t('statistics.notDefined');
    return new Intl.NumberFormat(getLanguage() === 'fr' ? 'fr-FR' : 'en-GB', { style: 'percent', maximumFractionDigits: 0 }).format(x);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lectern-timing-figures': LecternTimingFigures;
  }
}
