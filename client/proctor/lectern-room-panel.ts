import { LitElement, css, html, nothing } from 'lit';
import { formText } from '../common/form-text.js';
import { customElement, property, state } from 'lit/decorators.js';
import type { ApiClient } from '../common/api.js';
import { I18nController } from '../common/i18n.js';
import { baseStyles } from '../common/styles.js';
import type { CandidateTile, IncidentView, MessageSummary, SessionState } from './types.js';
import { errorText, formStyles, timeText } from './ui.js';
import { t } from '../common/staff-i18n.js';

const MAX_MESSAGE = 2000;

/** What concerns the whole room: a message to everyone, incidents, what was sent and read. */
@customElement('lectern-room-panel')
export class LecternRoomPanel extends LitElement {
  static override styles = [
    baseStyles,
    formStyles,
    css`
      :host {
        display: block;
      }
      h2 {
        font-size: 1.2rem;
        margin: 0 0 0.5rem;
      }
      h3 {
        font-size: 1rem;
        margin: 0.75rem 0 0.35rem;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 0.4rem;
        font-size: 0.875rem;
      }
      li {
        border-left: 0.25rem solid var(--lectern-border, #b9c0cc);
        padding-left: 0.5rem;
      }
      .text {
        white-space: pre-wrap;
        overflow-wrap: anywhere;
      }
      .meta {
        color: var(--lectern-muted, #4a5160);
        font-size: 0.8rem;
      }
      details summary {
        cursor: pointer;
        font-weight: 600;
      }
      .counter {
        font-size: 0.8rem;
        color: var(--lectern-muted, #4a5160);
        text-align: right;
      }
      .counter.over {
        color: var(--lectern-danger, #a4161a);
        font-weight: 700;
      }
    `,
  ];

  @property({ attribute: false }) api!: ApiClient;
  @property({ type: Number }) sessionId = 0;
  @property() sessionState: SessionState = 'waiting';
  @property({ attribute: false }) messages: MessageSummary[] = [];
  @property({ attribute: false }) incidents: IncidentView[] = [];
  @property({ attribute: false }) tiles: Map<number, CandidateTile> = new Map();

  @state() private _busy = false;
  @state() private _feedback: { ok: boolean; text: string } | null = null;
  @state() private _messageLength = 0;

  private readonly i18n = new I18nController(this);

  override render() {
    void this.i18n;
    const who = (id: number | null) => {
      if (id === null) return t('proctor.panel.toAll');
      const tile = this.tiles.get(id);
      return tile ? `${tile.workstation ?? ''} ${tile.code}`.trim() : `#${id}`;
    };
    return html`
      <h2>${t('proctor.panel.room')}</h2>
      ${this._feedback ? html`<p class="feedback ${this._feedback.ok ? 'good' : 'bad'}" role=${this._feedback.ok ? 'status' : 'alert'}>${this._feedback.text}</p>` : nothing}
      ${this.sessionState !== 'ended'
        ? html`<form @submit=${this.message} data-form="message-all">
            <fieldset>
              <legend>${t('proctor.panel.messageAll')}</legend>
              <textarea name="text" rows="3" required aria-label=${t('proctorScreens.roomMessage')} @input=${(e: Event) => (this._messageLength = [...(e.target as HTMLTextAreaElement).value.trim()].length)}></textarea>
              <span class="counter ${this._messageLength > MAX_MESSAGE ? 'over' : ''}">${t('proctor.panel.chars', { n: this._messageLength })}</span>
              <div class="row"><button type="submit" class="primary" ?disabled=${this._busy}>${t('proctor.panel.send')}</button></div>
            </fieldset>
          </form>`
        : nothing}
      <form @submit=${this.incident} data-form="incident-room">
        <fieldset>
          <legend>${t('proctor.panel.incident')}</legend>
          <label>${t('proctor.panel.incidentText')}<textarea name="text" rows="2" required maxlength="5000"></textarea></label>
          <div class="row"><button type="submit" ?disabled=${this._busy}>${t('proctor.panel.record')}</button></div>
        </fieldset>
      </form>

      <h3>${t('proctor.panel.messages')}</h3>
      ${this.messages.length === 0
        ? html`<p class="meta">${t('proctor.panel.noMessages')}</p>`
        : html`<ul data-role="messages">
            ${[...this.messages].reverse().map(
              (m) => html`<li data-message=${m.id}>
                <span class="meta">${timeText(m.sentAt)} · ${who(m.candidateId)}${m.sentBy ? ` · ${m.sentBy}` : ''}</span>
                <div class="text">${m.text}</div>
                <details>
                  <summary data-role="acks">${t('proctor.panel.acks', { n: m.acknowledgements.length, total: m.recipients })}</summary>
                  <span class="meta">${m.acknowledgements.map((a, i) => `${i ? ', ' : ''}${who(a.candidateId)} (${timeText(a.at)})`)}</span>
                </details>
              </li>`,
            )}
          </ul>`}
      <h3>${t('proctor.panel.incidents')}</h3>
      ${this.incidents.length === 0
        ? html`<p class="meta">${t('proctor.panel.noIncidents')}</p>`
        : html`<ul data-role="incidents">
            ${[...this.incidents].reverse().map(
              (i) => html`<li><span class="meta">${timeText(i.at)} · ${i.candidateId === null ? t('proctor.panel.toAll') : who(i.candidateId)}${i.by ? ` · ${i.by}` : ''}</span><div class="text">${i.text}</div></li>`,
            )}
          </ul>`}
    `;
  }

  private async post(path: string, body: unknown, form: HTMLFormElement) {
    this._busy = true;
    this._feedback = null;
    try {
      await this.api.post(path, body);
      this._feedback = { ok: true, text: t('proctor.panel.done') };
      form.reset();
      this._messageLength = 0;
    } catch (err) {
      this._feedback = { ok: false, text: errorText(err) };
    } finally {
      this._busy = false;
    }
  }

  private message(event: SubmitEvent) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    void this.post(`/api/sessions/${this.sessionId}/messages`, { text: formText(new FormData(form), 'text') }, form);
  }

  private incident(event: SubmitEvent) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    void this.post(`/api/sessions/${this.sessionId}/incidents`, { text: formText(new FormData(form), 'text') }, form);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lectern-room-panel': LecternRoomPanel;
  }
}
