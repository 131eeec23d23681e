import { LitElement, css, html, nothing } from 'lit';
import { formText } from '../common/form-text.js';
import { customElement, property, state } from 'lit/decorators.js';
import type { ApiClient } from '../common/api.js';
import { I18nController, localized } from '../common/i18n.js';
import { baseStyles } from '../common/styles.js';
import { formatDateTime } from '../common/format.js';
import { errorText, formStyles } from './ui.js';
import { t } from '../common/staff-i18n.js';
import type { SessionSummary } from '../../server/contract/sessions.js';
import type { PackSummary } from '../../server/contract/admin.js';


export interface SessionChosenDetail {
  sessionId: number;
}

/** The sessions this proctor supervises, and a form to open a new one. */
@customElement('lectern-session-list')
export class LecternSessionList extends LitElement {
  static override styles = [
    baseStyles,
    formStyles,
    css`
      :host {
        display: block;
        max-width: 52rem;
        margin: 0 auto;
        padding: 1.5rem 1rem 3rem;
      }
      ul {
        list-style: none;
        padding: 0;
        margin: 0 0 1.5rem;
        display: grid;
        gap: 0.5rem;
      }
      li {
        display: flex;
        justify-content: space-between;
        align-items: center;
        gap: 1rem;
        padding: 0.6rem 0.9rem;
        background: var(--lectern-surface, #fff);
        border: 1px solid var(--lectern-border, #b9c0cc);
        border-radius: 0.375rem;
      }
      .code {
        font-family: var(--lectern-font-mono, monospace);
        font-weight: 700;
      }
      .meta {
        color: var(--lectern-muted, #4a5160);
        font-size: 0.9rem;
      }
      form {
        background: var(--lectern-surface, #fff);
        padding: 1rem;
        border: 1px solid var(--lectern-border, #b9c0cc);
        border-radius: 0.375rem;
        display: grid;
        gap: 0.75rem;
      }
    `,
  ];

  @property({ attribute: false }) api!: ApiClient;
  @state() private _sessions: SessionSummary[] | null = null;
  @state() private _packs: PackSummary[] = [];
  @state() private _error = '';
  @state() private _busy = false;
  private readonly i18n = new I18nController(this);

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load() {
    try {
      const [sessions, packs] = await Promise.all([this.api.get<SessionSummary[]>('/api/sessions'), this.api.get<{ packs: PackSummary[] }>('/api/packs')]);
      this._sessions = sessions;
      this._packs = packs.packs;
    } catch (err) {
      this._error = errorText(err);
    }
  }

  override render() {
    const lang = this.i18n.language;
    return html`
      <h1>${t('proctor.sessions.title')}</h1>
      ${this._error ? html`<p class="feedback bad" role="alert">${this._error}</p>` : nothing}
      ${this._sessions === null
        ? html`<p>${t('proctor.loading')}</p>`
        : this._sessions.length === 0
          ? html`<p class="meta">${t('proctor.sessions.none')}</p>`
          : html`<ul>
              ${this._sessions.map(
                (s) => html`<li>
                  <div>
                    <strong>${s.title}</strong> <span class="code">${s.code}</span>
                    <div class="meta">
                      ${s.room ? `${s.room} · ` : ''}${t(`proctor.state.${s.state}`)} · ${t('proctor.sessions.candidates', { n: s.candidateCount })}${s.startedAt ? ` · ${formatDateTime(s.startedAt, lang)}` : ''}
                    </div>
                  </div>
                  <button type="button" class="primary" data-session=${s.id} @click=${() => this.choose(s.id)}>${t('proctor.sessions.open')}</button>
                </li>`,
              )}
            </ul>`}
      <form @submit=${this.create}>
        <h2>${t('proctor.sessions.create')}</h2>
        <label
          >${t('proctor.sessions.pack')}
          <select name="packId" required>
            ${this._packs.map((pack) => html`<option value=${pack.id}>${localized(pack.title, lang)} (${pack.durationMinutes} min)</option>`)}
          </select>
        </label>
        <label>${t('proctor.sessions.titleField')}<input name="title" maxlength="200" /></label>
        <div class="row">
          <label>${t('proctor.sessions.room')}<input name="room" maxlength="100" size="10" /></label>
          <label>${t('proctor.sessions.count')}<input name="count" type="number" min="1" max="500" value="12" required size="5" /></label>
        </div>
        <div class="row"><button type="submit" class="primary" ?disabled=${this._busy}>${this._busy ? t('proctor.sessions.creating') : t('proctor.sessions.create')}</button></div>
      </form>
    `;
  }

  private choose(sessionId: number) {
    this.dispatchEvent(new CustomEvent<SessionChosenDetail>('session-chosen', { detail: { sessionId }, bubbles: true, composed: true }));
  }

  private async create(event: SubmitEvent) {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    this._busy = true;
    this._error = '';
    try {
      const title = formText(data, 'title').trim();
      const created = await this.api.post<{ id: number }>('/api/sessions', {
        packId: formText(data, 'packId'),
        ...(title ? { title } : {}),
        room: formText(data, 'room'),
        candidateCount: Number(data.get('count')),
      });
      this.choose(created.id);
    } catch (err) {
      this._error = errorText(err);
    } finally {
      this._busy = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lectern-session-list': LecternSessionList;
  }
  interface HTMLElementEventMap {
    'session-chosen': CustomEvent<SessionChosenDetail>;
  }
}
