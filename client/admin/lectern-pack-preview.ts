import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { PackPreview, PreviewList } from '../../server/contract/preview.js';
import { kioskEn } from '../../server/contract/i18n/en/kiosk.js';
import { previewEn } from '../../server/contract/i18n/en/preview.js';
import { kioskFr } from '../../server/contract/i18n/fr/kiosk.js';
import { previewFr } from '../../server/contract/i18n/fr/preview.js';
import type { ApiClient } from '../common/api.js';
import { errorText } from '../common/error-text.js';
import { I18nController, getLanguage, loadCatalogueAreas, localized, t } from '../common/i18n.js';
import { baseStyles } from '../common/styles.js';
import { SaveQueue } from '../kiosk/save-queue.js';
import { previewAttempt, previewDocuments } from './preview-paper.js';
import '../kiosk/lectern-exam.js';
import './lectern-corrector-preview.js';

// The kiosk's own texts, so its components read here exactly as on a workstation.
loadCatalogueAreas({ fr: kioskFr, en: kioskEn }, { fr: previewFr, en: previewEn });

type View = 'candidate' | 'corrector';

/**
 * The administrator's preview of a pack: read from disk at each check, shown with the kiosk's
 * own split view (document beside the questions) or as the corrector's key points and rubrics.
 */
@customElement('lectern-pack-preview')
export class LecternPackPreview extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host { display: block; }
      .bar { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: center; margin-bottom: 0.75rem; }
      .bar label { min-width: 0; max-width: 100%; }
      .bar button[aria-pressed='true'] { background: var(--lectern-accent, #1f3a5f); color: #fff; }
      .problems { color: var(--lectern-danger, #a4161a); }
      .problems li { font-family: ui-monospace, 'DejaVu Sans Mono', monospace; }
      /* Below 64rem (200 % zoom) the exam's panes stack and stop scrolling on their own: the frame scrolls. */
      .screen { height: 75vh; min-height: 30rem; border: 2px solid var(--lectern-border, #c9ced6); border-radius: 0.5rem; overflow: auto; }
      .screen lectern-exam { height: 100%; }
      .muted { color: var(--lectern-muted, #4a5563); }
      select { font: inherit; padding: 0.35rem 0.5rem; max-width: min(40rem, 100%); width: 100%; }
      /* The exact complement of the exam's own (min-width: 64rem): at exactly 64rem both applied, and
         the exam's panes (contain: strict, sized by their host) had no height to take. */
      @media (width < 64rem) {
        .screen lectern-exam { height: auto; }
      }
    `,
  ];

  @property({ attribute: false }) api!: ApiClient;
  @state() private _list: PreviewList = { packs: [] };
  @state() private _packId = '';
  @state() private _preview: PackPreview | null = null;
  @state() private _view: View = 'candidate';
  @state() private _loading = false;
  @state() private _error = '';
  private readonly i18n = new I18nController(this);
  // A real save queue that never reaches the server: the preview has no session to save into.
  private readonly queue = new SaveQueue(null, { storage: null, transport: { online: false, send: () => false } });

  override connectedCallback(): void {
    super.connectedCallback();
    void this.check();
  }

  /** Reads the list and the chosen pack from disk again. */
  async check(packId = this._packId): Promise<void> {
    this._loading = true;
    this._error = '';
    try {
      this._list = await this.api.get<PreviewList>('/api/admin/preview/packs');
      const id = packId || this._list.packs[0]?.id || '';
      this._packId = id;
      this._preview = id ? await this.api.get<PackPreview>(`/api/admin/preview/packs/${encodeURIComponent(id)}`) : null;
    } catch (err) {
      this._error = errorText(err);
    } finally {
      this._loading = false;
    }
  }

  override render() {
    void this.i18n;
    return html`<h2>${t('preview.title')}</h2>
      <p class="muted">${t('preview.intro')}</p>
      ${this._list.packs.length === 0 && !this._loading ? html`<p>${t('preview.none')}</p>` : this.renderBar()}
      ${this._error ? html`<p role="alert" class="problems">${this._error}</p>` : nothing}
      ${this._loading && !this._preview ? html`<p>${t('preview.loading')}</p>` : this.renderPreview()}`;
  }

  private renderBar() {
    const viewButton = (view: View) => html`<button type="button" aria-pressed=${this._view === view ? 'true' : 'false'} @click=${() => (this._view = view)}>${t(`preview.view.${view}`)}</button>`;
    return html`<div class="bar">
      <label>${t('preview.pack')}
        <select @change=${(e: Event) => void this.check((e.target as HTMLSelectElement).value)}>
          ${this._list.packs.map((p) => html`<option value=${p.id} ?selected=${p.id === this._packId}>
            ${p.id}${p.title ? ` — ${localized(p.title)}` : ''}${p.problems ? ` (${t('preview.folderProblems', { n: p.problems })})` : ''}
          </option>`)}
        </select>
      </label>
      <button type="button" class="primary" ?disabled=${this._loading} @click=${() => void this.check()}>${t('preview.reload')}</button>
      <span role="group" aria-label=${t('preview.view')}>${viewButton('candidate')} ${viewButton('corrector')}</span>
      ${this._preview ? html`<span class="muted" role="status">${t('preview.checkedAt', { time: new Date(this._preview.checkedAt).toLocaleTimeString(getLanguage()) })}</span>` : nothing}
    </div>`;
  }

  private renderPreview() {
    const preview = this._preview;
    if (!preview) return nothing;
    if (!preview.pack) {
      return html`<div class="problems" role="alert">
        <p>${t('preview.problems', { n: preview.problems.length })}</p>
        <ul>${preview.problems.map((p) => html`<li>${p.file}:${p.line}: ${p.message}</li>`)}</ul>
      </div>`;
    }
    const pack = preview.pack;
    const questions = pack.sections.reduce((n, s) => n + s.questions.length, 0);
    const summary = html`<h3>${localized(pack.title)}</h3>
      <p class="muted">${localized(pack.certification)}<br />
        ${t('preview.summary', { minutes: pack.durationMinutes, sections: t('preview.sections', { n: pack.sections.length }), questions: t('preview.questions', { n: questions }) })}</p>`;
    if (this._view === 'corrector') return html`${summary}<lectern-corrector-preview .pack=${pack}></lectern-corrector-preview>`;
    return html`${summary}<p class="muted">${t('preview.candidateNote')}</p>
      <div class="screen" data-pack=${preview.id}>
        <lectern-exam .attempt=${previewAttempt(preview.id, pack, preview.checkedAt)} .documents=${previewDocuments(pack)} .queue=${this.queue} .canSubmit=${false}></lectern-exam>
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lectern-pack-preview': LecternPackPreview;
  }
}
