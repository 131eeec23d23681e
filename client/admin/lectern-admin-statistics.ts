import { LitElement, html, css, nothing } from 'lit';
import { kappaText, shareWithCount } from '../../server/contract/rules/agreement-text.js';
import { customElement, property, state } from 'lit/decorators.js';
import type { ApiClient } from '../common/api.js';
import { errorText } from '../common/error-text.js';
import { getLanguage, I18nController, localized } from '../common/i18n.js';
import { t } from '../common/staff-i18n.js';
import { baseStyles } from '../common/styles.js';
import { adminFormStyles } from './admin-styles.js';
import './lectern-timing-figures.js';
import './lectern-admin-forms.js';
import type { AgreementFigures } from '../../server/contract/grading-evidence.js';
import type { ItemFlag, KeyPointStatistics, PackStatistics, QuestionStatistics, SectionStatistics, StatisticsView } from '../../server/contract/statistics.js';

type Row = (KeyPointStatistics | QuestionStatistics) & { misunderstandingRate?: number | null };

/** Item statistics per pack digest (admins): the figures, the flagged items, the long CSV. */
@customElement('lectern-admin-statistics')
export class LecternAdminStatistics extends LitElement {
  static override styles = [
    baseStyles,
    adminFormStyles,
    css`
      /*
       * Ten columns at 1400 px overflowed (issue 13, item 1): the key point's text wraps, the
       * figures never do, and on a narrower screen the table scrolls in its own region, which
       * the keyboard can reach (tabindex) and a screen reader names.
       */
      .table-scroll {
        overflow-x: auto;
        max-width: 100%;
      }
      table {
        width: 100%;
      }
      th[scope='row'] {
        overflow-wrap: anywhere;
        min-width: 12rem;
      }
      th[scope='col'] {
        overflow-wrap: normal;
        hyphens: auto;
      }
      td.num {
        text-align: right;
        font-variant-numeric: tabular-nums;
        white-space: nowrap;
      }
      tr.question th {
        font-weight: 600;
      }
      tr.flagged td.flags,
      .low {
        color: var(--lectern-danger, #a4161a);
        font-weight: 600;
      }
      tr.keypoint th {
        font-weight: normal;
        padding-left: 1.5rem;
      }
    `,
  ];

  @property({ attribute: false }) api!: ApiClient;
  @state() private _view: StatisticsView | null = null;
  @state() private _error = '';
  private readonly i18n = new I18nController(this);

  override connectedCallback(): void {
    super.connectedCallback();
    this.api.get<StatisticsView>('/api/grading/statistics').then(
      (view) => (this._view = view),
      (error: unknown) => (this._error = errorText(error)),
    );
  }

  override render() {
    void this.i18n;
    if (this._error) return html`<p role="alert" class="error">${this._error}</p>`;
    const view = this._view;
    if (!view) return html`<p>${t('statistics.loading')}</p>`;
    return html`<h2>${t('statistics.title')}</h2>
      <p>${t('statistics.intro')}</p>
      <p>${t('statistics.thresholds', view.thresholds)}</p>
      <p><a href="/api/grading/statistics/long.csv?lang=${getLanguage()}" download>${t('statistics.csv')}</a></p>
      ${view.packs.length === 0 ? html`<p>${t('statistics.none')}</p>` : view.packs.map((p) => this._pack(p))}
      <lectern-timing-figures .api=${this.api}></lectern-timing-figures>
      <lectern-admin-forms .api=${this.api}></lectern-admin-forms>`;
  }

  private _pack(p: PackStatistics) {
    return html`<section>
      <h3>${localized(p.packTitle)}${p.formId ? ` — ${t('forms.form')} ${p.formId.toUpperCase()}` : ''}</h3>
      <p>${t('statistics.digest')} <code>${p.packDigest.slice(0, 16)}…</code> · ${t('statistics.sessions')} ${p.sessionIds.length} · ${t('statistics.candidates')} ${p.candidates}</p>
      ${p.sections.map((s) => this._section(s))}
    </section>`;
  }

  private _section(s: SectionStatistics) {
    return html`<h4>${t('statistics.section')} ${localized(s.title)}</h4>
      <p>
        ${t('statistics.alpha')} <span class=${s.lowReliability ? 'low' : ''}>${this._n(s.alpha, 2)}${s.lowReliability ? ` (${t('statistics.lowReliability')})` : ''}</span> ·
        ${t('statistics.sem')} ${this._n(s.sem, 2)} · ${t('statistics.meanTotal')} ${this._n(s.meanTotal, 1)} / ${s.maxPoints} · ${t('statistics.cutScore')} ${this._n(s.cutScore, 1)}
      </p>
      <div class="table-scroll" tabindex="0" role="region" aria-label=${`${t('statistics.section')} ${localized(s.title)}`}>
      <table>
        <thead>
          <tr>
            <th scope="col">${t('statistics.item')}</th><th scope="col">${t('statistics.facility')}</th><th scope="col">${t('statistics.partly')}</th>
            <th scope="col">${t('statistics.omission')}</th><th scope="col">${t('statistics.misunderstanding')}</th><th scope="col">${t('statistics.discrimination')}</th>
            <th scope="col">${t('statistics.exact')}</th><th scope="col">${t('statistics.kappa')}</th><th scope="col">${t('statistics.pairs')}</th><th scope="col">${t('statistics.flags')}</th>
          </tr>
        </thead>
        <tbody>${s.questions.map((q) => html`${this._row(q, q.questionId, 'question')}${q.keyPoints.map((k) => this._row(k, `${k.keyPointId} · ${k.text}`, 'keypoint'))}`)}</tbody>
      </table>
      </div>`;
  }

  private _row(r: Row, name: string, kind: 'question' | 'keypoint') {
    const a: AgreementFigures = r.agreement;
    return html`<tr class="${kind} ${r.flags.length ? 'flagged' : ''}">
      <th scope="row">${name}</th>
      <td class="num">${this._n(r.facility, 2)}</td><td class="num">${this._pct(r.partlyShare)}</td><td class="num">${this._pct(r.omissionRate)}</td>
      <td class="num">${r.misunderstandingRate === undefined ? nothing : this._pct(r.misunderstandingRate)}</td><td class="num">${this._n(r.discrimination, 2)}</td>
      <td class="num">${a.exact === null ? t('statistics.notDefined') : shareWithCount(a.exact, a.pairs, getLanguage())}</td><td class="num">${a.kappa === null ? t('statistics.notDefined') : kappaText(a.kappa, getLanguage())}</td><td class="num">${a.pairs}</td>
      <td class="flags">${r.flags.map((f: ItemFlag) => t(`statistics.flag.${f}`)).join(', ')}</td>
    </tr>`;
  }

  private _n(x: number | null, digits: number): string {
    if (x === null) return t('statistics.notDefined');
    return new Intl.NumberFormat(getLanguage() === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(x);
  }

  private _pct(x: number | null): string {
    if (x === null) return t('statistics.notDefined');
    return new Intl.NumberFormat(getLanguage() === 'fr' ? 'fr-FR' : 'en-GB', { style: 'percent', maximumFractionDigits: 0 }).format(x);
  }
}
