import { LitElement, css, html, nothing } from 'lit';
import { kappaText, shareWithCount } from '../../server/contract/rules/agreement-text.js';
import { customElement, property, state } from 'lit/decorators.js';
import type { OverviewView, ResultsView } from '../../server/contract/grading.js';
import type { ApiClient } from '../common/api.js';
import { I18nController, getLanguage, localized, type StringKey } from '../common/i18n.js';
import { errorText } from '../common/error-text.js';
import { formatDateTime } from '../common/format.js';
import { baseStyles } from '../common/styles.js';
import { gradingStyles } from './grading-styles.js';
import { t } from '../common/staff-i18n.js';

/**
 * The admin's side of grading for one session: choose the correctors and share the scripts out,
 * give disagreeing scripts to a third reader, follow agreement and results, close grading, and
 * export for the jury (the only place where names appear).
 */
@customElement('lectern-grading-admin')
export class LecternGradingAdmin extends LitElement {
  static override styles = [
    baseStyles,
    gradingStyles,
    css`
      section {
        margin: 0 0 1.25rem;
      }
      fieldset {
        border: 0.0625rem solid var(--lectern-border, #b9c0cc);
        border-radius: 0.375rem;
        padding: 0.5rem 0.75rem;
        margin: 0 0 0.75rem;
      }
      label {
        display: flex;
        gap: 0.5rem;
        align-items: center;
        margin: 0.25rem 0;
      }
      input[type='checkbox'] {
        width: 1.25rem;
        height: 1.25rem;
      }
      select {
        font: inherit;
        padding: 0.375rem;
        min-height: 2.5rem;
      }
      .inline {
        display: flex;
        flex-wrap: wrap;
        gap: 0.75rem;
        align-items: center;
      }
      .exports a {
        display: inline-block;
        font-weight: 700;
        padding: 0.5rem 1rem;
        border: 0.125rem solid var(--lectern-accent, #1f3a5f);
        border-radius: 0.375rem;
        color: var(--lectern-accent, #1f3a5f);
        text-decoration: none;
        margin-right: 0.5rem;
      }
      .exports a:focus-visible,
      .exports a:hover {
        text-decoration: underline;
      }
      .decision-yes {
        color: var(--lectern-ok, #1d5e2e);
        font-weight: 700;
      }
      .decision-no {
        color: var(--lectern-danger, #a4161a);
        font-weight: 700;
      }
    `,
  ];

  @property({ attribute: false }) api!: ApiClient;
  @property({ type: Number }) sessionId = 0;
  @state() private _overview: OverviewView | null = null;
  @state() private _results: ResultsView | null = null;
  @state() private _message = '';
  @state() private _error = '';
  @state() private _busy = false;
  private readonly i18n = new I18nController(this);

  override connectedCallback(): void {
    super.connectedCallback();
    void this._load();
  }

  private async _load() {
    try {
      this._overview = await this.api.get<OverviewView>(`/api/grading/sessions/${this.sessionId}/overview`);
      this._results = await this.api.get<ResultsView>(`/api/grading/sessions/${this.sessionId}/results`);
    } catch (err) {
      this._error = errorText(err);
    }
  }

  private async _act(run: () => Promise<unknown>, done: StringKey) {
    this._busy = true;
    this._error = '';
    this._message = '';
    try {
      await run();
      await this._load();
      this._message = t(done);
    } catch (err) {
      this._error = errorText(err);
    } finally {
      this._busy = false;
    }
  }

  private _distribute(event: SubmitEvent) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const correctorIds = data.getAll('corrector').map(Number);
    const doubleMarking = data.get('double') === 'on';
    void this._act(() => this.api.post(`/api/grading/sessions/${this.sessionId}/distribution`, { correctorIds, doubleMarking }), 'grading.admin.distributed');
  }

  private _third(event: SubmitEvent) {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const correctorId = Number(data.get('third'));
    const candidateIds = this._overview!.scripts.filter((s) => s.status === 'needs-third-reading').map((s) => s.candidateId);
    void this._act(() => this.api.post(`/api/grading/sessions/${this.sessionId}/third-readings`, { candidateIds, correctorId }), 'grading.admin.thirdAssigned');
  }

  private _close() {
    if (!confirm(t('grading.admin.closeConfirm'))) return;
    void this._act(() => this.api.post(`/api/grading/sessions/${this.sessionId}/close`, {}), 'grading.session.closed');
  }

  override render() {
    void this.i18n;
    const o = this._overview;
    if (!o) return this._error ? html`<p class="error" role="alert">${this._error}</p>` : html`<p>${t('grading.admin.title')}…</p>`;
    const lang = getLanguage();
    const closed = o.session.gradingClosedAt !== null;
    return html`
      <h2>${o.session.title}</h2>
      <p class="status-line" role="status">${this._message}</p>
      ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : nothing}
      ${o.canDistribute ? this._renderDistribution(o) : nothing}
      ${this._renderThird(o)}
      <section aria-labelledby="scripts-h">
        <h3 id="scripts-h">${t('grading.admin.scripts')}</h3>
        <table class="data">
          <thead>
            <tr><th scope="col">${t('grading.admin.code')}</th><th scope="col">${t('grading.admin.status')}</th><th scope="col">${t('grading.admin.readers')}</th><th scope="col">${t('grading.admin.disagreements')}</th></tr>
          </thead>
          <tbody>
            ${o.scripts.map(
              (s) => html`<tr data-code=${s.code}>
                <th scope="row" class="code">${s.code}</th>
                <td>${t(`grading.status.${s.status}`)}</td>
                <td>${s.readers.map((r) => html`<div>${r.reading} · ${r.corrector} · ${r.judged}/${r.needed}${r.finishedAt !== null ? html` <span class="badge ok">${t('grading.script.finished')}</span>` : nothing}</div>`)}</td>
                <td>${s.disagreements.map((d) => html`<div>${d.kind === 'decision' ? t('grading.disagreement.decision', { title: localized(d.title) }) : t('grading.disagreement.band', { title: localized(d.title), a: d.values[0], b: d.values[1] })}</div>`)}</td>
              </tr>`,
            )}
            ${o.absent.map((a) => html`<tr><th scope="row" class="code">${a.code}</th><td>${t('grading.admin.absent')}</td><td></td><td></td></tr>`)}
          </tbody>
        </table>
      </section>
      ${o.session.doubleMarking ? this._renderAgreement(o) : nothing}
      ${this._renderResults()}
      <section aria-labelledby="close-h">
        <h3 id="close-h">${t('grading.admin.close')}</h3>
        ${closed
          ? html`<p>${t('grading.admin.closed', { date: formatDateTime(o.session.gradingClosedAt!, lang) })}</p>
              <div class="exports">
                <h3>${t('grading.admin.exports')}</h3>
                <a href="/api/grading/sessions/${this.sessionId}/jury.html?lang=${lang}" target="_blank" rel="noopener">${t('grading.admin.report')}</a>
                <a href="/api/grading/sessions/${this.sessionId}/jury.csv?lang=${lang}" download>${t('grading.admin.csv')}</a>
                <a href="/api/grading/sessions/${this.sessionId}/jury.json?download=true" download>${t('grading.admin.json')}</a>
              </div>`
          : html`<p class="meta">${t('grading.admin.closeHelp')}</p>
              <button type="button" class="primary" ?disabled=${this._busy || o.counts.settled !== o.scripts.length} @click=${this._close}>${t('grading.admin.close')}</button>`}
      </section>
    `;
  }

  private _renderDistribution(o: OverviewView) {
    return html`<section aria-labelledby="dist-h">
      <h3 id="dist-h">${t('grading.admin.distribution')}</h3>
      <p class="meta">${t('grading.admin.distributionHelp')}</p>
      <form @submit=${this._distribute}>
        <fieldset>
          ${o.correctors.map((c) => html`<label><input type="checkbox" name="corrector" .value=${String(c.id)} ?checked=${c.onSession} />${c.displayName} (${c.username})</label>`)}
        </fieldset>
        <label><input type="checkbox" name="double" ?checked=${o.session.doubleMarking} />${t('grading.admin.doubleMarking')}</label>
        <button type="submit" class="primary" ?disabled=${this._busy}>${t('grading.admin.distribute')}</button>
      </form>
    </section>`;
  }

  private _renderThird(o: OverviewView) {
    const waiting = o.scripts.filter((s) => s.status === 'needs-third-reading');
    if (waiting.length === 0) return nothing;
    const excluded = new Set(waiting.flatMap((s) => s.readers.map((r) => r.correctorId)));
    const choices = o.correctors.filter((c) => !excluded.has(c.id));
    return html`<section aria-labelledby="third-h">
      <h3 id="third-h">${t('grading.admin.third')}</h3>
      <p>${t('grading.admin.thirdHelp', { n: waiting.length })} <span class="code">${waiting.map((s) => s.code).join(', ')}</span></p>
      <form class="inline" @submit=${this._third}>
        <label>${t('grading.admin.thirdReader')} <select name="third">${choices.map((c) => html`<option value=${c.id}>${c.displayName}</option>`)}</select></label>
        <button type="submit" class="primary" ?disabled=${this._busy || choices.length === 0}>${t('grading.admin.thirdAssign')}</button>
      </form>
    </section>`;
  }

  private _renderAgreement(o: OverviewView) {
    const rows = o.agreement.filter((a) => a.figures.pairs > 0);
    if (rows.length === 0) return nothing;
    const lang = getLanguage();
    const share = (x: number | null, pairs: number) => (x === null ? '—' : shareWithCount(x, pairs, lang));
    return html`<section aria-labelledby="agree-h">
      <h3 id="agree-h">${t('grading.admin.agreement')}</h3>
      <p class="meta">${t('grading.admin.agreementHelp')}</p>
      <table class="data">
        <thead>
          <tr><th scope="col">${t('grading.admin.criterion')}</th><th scope="col" class="num">${t('grading.admin.pairs')}</th><th scope="col" class="num">${t('grading.admin.exact')}</th><th scope="col" class="num">${t('grading.admin.adjacent')}</th><th scope="col" class="num">${t('grading.admin.kappa')}</th></tr>
        </thead>
        <tbody>
          ${rows.map(
            (a) => html`<tr>
              <th scope="row">${localized(a.title)}</th>
              <td class="num">${a.figures.pairs}</td>
              <td class="num">${share(a.figures.exact, a.figures.pairs)}</td>
              <td class="num">${share(a.figures.adjacent, a.figures.pairs)}</td>
              <td class="num" data-role="kappa">${a.figures.kappa === null ? t('grading.admin.undefined') : kappaText(a.figures.kappa, lang)}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </section>`;
  }

  private _renderResults() {
    const r = this._results;
    if (!r) return nothing;
    return html`<section aria-labelledby="results-h">
      <h3 id="results-h">${t('grading.admin.results')}</h3>
      <table class="data">
        <thead>
          <tr><th scope="col">${t('grading.admin.code')}</th>${r.criteria.map((c) => html`<th scope="col">${localized(c.title)}</th>`)}</tr>
        </thead>
        <tbody>
          ${r.candidates.map(
            (c) => html`<tr>
              <th scope="row" class="code">${c.code}</th>
              ${c.decisions.map((d) =>
                c.absent
                  ? html`<td>${t('grading.admin.absent')}</td>`
                  : d.reached === null
                    ? html`<td class="muted">${t('grading.admin.pending')}</td>`
                    : html`<td class=${d.reached ? 'decision-yes' : 'decision-no'}>${d.reached ? t('grading.decisionReached') : t('grading.decisionNotReached')}</td>`,
              )}
            </tr>`,
          )}
        </tbody>
      </table>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lectern-grading-admin': LecternGradingAdmin;
  }
}
