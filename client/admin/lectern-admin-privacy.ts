import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ApiClient } from '../common/api.js';
import { errorText } from '../common/error-text.js';
import { formText } from '../common/form-text.js';
import { I18nController, getLanguage, type StringKey } from '../common/i18n.js';
import { formatDateTime } from '../common/format.js';
import { t } from '../common/staff-i18n.js';
import { baseStyles } from '../common/styles.js';
import { adminFormStyles } from './admin-styles.js';
import './lectern-sealed-exports.js';
import { renderAuditExpiry, renderPlanned, renderRead, renderSessionCells } from './privacy-parts.js';
import type { DataReadsView, PrivacyView, PurgeBody, PurgeResult, SessionRetentionView } from '../../server/contract/privacy.js';

const kinds = ['answers', 'names', 'monitoring', 'audit', 'backups'] as const;

/**
 * The admin's "Données" tab: how long each kind of candidate data is kept, where each session
 * stands, holds while a dispute is open, the purge (always previewed before it deletes), and who
 * read candidates' data.
 */
@customElement('lectern-admin-privacy')
export class LecternAdminPrivacy extends LitElement {
  static override styles = [
    baseStyles,
    adminFormStyles,
    css`
      dl { display: grid; grid-template-columns: max-content auto; gap: 0.25rem 1rem; }
      dt { font-weight: 600; }
      .due { color: var(--lectern-danger, #a4161a); }
      td form { display: flex; gap: 0.5rem; padding: 0; border: 0; background: none; }
      td form input { min-width: 10rem; }
      .plan { margin: 1rem 0; }
      table { width: 100%; }
    `,
  ];

  @property({ attribute: false }) api!: ApiClient;
  @state() private _view: PrivacyView | null = null;
  @state() private _reads: DataReadsView['reads'] = [];
  @state() private _plan: PurgeResult | null = null;
  @state() private _request: PurgeBody | null = null;
  @state() private _message = '';
  @state() private _error = '';
  private readonly i18n = new I18nController(this);

  override connectedCallback(): void {
    super.connectedCallback();
    void this._reload();
  }

  private async _reload() {
    this._view = await this.api.get<PrivacyView>('/api/admin/privacy');
    this._reads = (await this.api.get<DataReadsView>('/api/admin/data-reads')).reads;
  }

  override render() {
    void this.i18n;
    const view = this._view;
    if (!view) return html`<p>${t('app.loading')}</p>`;
    return html`
      <section aria-labelledby="policy">
        <h2 id="policy">${t('privacy.policy')}</h2>
        <dl>${kinds.map((k) => html`<dt>${t(`privacy.kind.${k}` as StringKey)}</dt><dd>${t('privacy.days', { n: view.policy[k] })}</dd>`)}</dl>
      </section>
      <section aria-labelledby="sessions">
        <h2 id="sessions">${t('privacy.sessions')}</h2>
        <div class="table-scroll" role="region" aria-labelledby="sessions" tabindex="0"><table>
          <thead><tr><th>${t('privacy.col.session')}</th><th>${t('privacy.col.ended')}</th><th>${t('privacy.col.export')}</th><th>${t('privacy.col.state')}</th><th>${t('privacy.col.hold')}</th></tr></thead>
          <tbody>${view.sessions.map((s) => html`<tr>${renderSessionCells(s)}<td>${this._renderHold(s)}</td></tr>`)}</tbody>
        </table></div>
      </section>
      <lectern-sealed-exports .api=${this.api} .sessions=${view.sessions}></lectern-sealed-exports>
      ${this._renderPurge()}
      <section aria-labelledby="reads">
        <h2 id="reads">${t('privacy.reads.title')}</h2>
        ${this._reads.length === 0
          ? html`<p>${t('privacy.reads.none')}</p>`
          : html`<div class="table-scroll" role="region" aria-labelledby="reads" tabindex="0"><table>
              <thead><tr><th>${t('privacy.reads.when')}</th><th>${t('privacy.reads.who')}</th><th>${t('privacy.reads.what')}</th><th>${t('privacy.col.session')}</th><th>${t('privacy.reads.where')}</th></tr></thead>
              <tbody>${this._reads.map(renderRead)}</tbody>
            </table></div>`}
      </section>
    `;
  }

  private _renderHold(s: SessionRetentionView) {
    if (s.heldAt !== null) {
      return html`${t('privacy.heldSince', { date: formatDateTime(s.heldAt, getLanguage()), reason: s.holdReason ?? '' })}
        <button @click=${() => this._act(`/api/admin/sessions/${s.id}/release`, {})}>${t('privacy.release')}</button>`;
    }
    return html`<form @submit=${(e: SubmitEvent) => this._hold(e, s.id)}>
      <input name="reason" required aria-label=${t('privacy.holdReason')} placeholder=${t('privacy.holdReason')} />
      <button type="submit">${t('privacy.hold')}</button>
    </form>`;
  }

  private _renderPurge() {
    const plan = this._plan;
    return html`<section aria-labelledby="purge">
      <h2 id="purge">${t('privacy.purge.title')}</h2>
      <form @submit=${(e: SubmitEvent) => this._preview(e)}>
        <label>${t('privacy.purge.before')}<input type="date" name="before" /></label>
        <p>${t('privacy.purge.byPolicy')}</p>
        <label class="check"><input type="checkbox" name="force" />${t('privacy.purge.force')}</label>
        <div class="wide"><button type="submit">${t('privacy.purge.preview')}</button></div>
      </form>
      <div role="status" class="plan">
        ${plan && plan.sessions.length === 0 && plan.audit.entries === 0 ? html`<p>${t('privacy.purge.nothing')}</p>` : ''}
        ${plan && plan.sessions.length ? html`<ul>${plan.sessions.map((s) => renderPlanned(s, plan.dryRun))}</ul>` : ''}
        ${plan ? renderAuditExpiry(plan.audit, plan.dryRun) : ''}
        ${plan?.dryRun && (plan.sessions.some((s) => s.steps.length) || plan.audit.entries > 0) ? html`<button class="danger" @click=${() => this._purge()}>${t('privacy.purge.confirm')}</button>` : ''}
        ${this._message ? html`<p class="ok">${this._message}</p>` : ''}
      </div>
      <p role="alert" class="error" ?hidden=${!this._error}>${this._error}</p>
    </section>`;
  }

  private async _preview(event: SubmitEvent) {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const before = formText(data, 'before');
    this._request = { before: before || null, force: data.get('force') !== null, dryRun: true };
    this._message = '';
    await this._send(this._request);
  }

  private async _purge() {
    if (!this._request) return;
    const result = await this._send({ ...this._request, dryRun: false });
    if (result) this._message = t('privacy.purge.done', { n: result.sessions.filter((s) => s.steps.length).length });
  }

  private async _send(body: PurgeBody): Promise<PurgeResult | null> {
    this._error = '';
    try {
      this._plan = await this.api.post<PurgeResult>('/api/admin/purge', body);
      if (!body.dryRun) await this._reload();
      return this._plan;
    } catch (err) {
      this._error = errorText(err);
      return null;
    }
  }

  private async _hold(event: SubmitEvent, sessionId: number) {
    event.preventDefault();
    const reason = formText(new FormData(event.currentTarget as HTMLFormElement), 'reason');
    await this._act(`/api/admin/sessions/${sessionId}/hold`, { reason });
  }

  private async _act(url: string, body: object) {
    this._error = '';
    try {
      await this.api.post(url, body);
      await this._reload();
    } catch (err) {
      this._error = errorText(err);
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lectern-admin-privacy': LecternAdminPrivacy;
  }
}
