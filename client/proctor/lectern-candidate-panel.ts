import { LitElement, css, html, nothing } from 'lit';
import { formText } from '../common/form-text.js';
import { customElement, property, state } from 'lit/decorators.js';
import type { ApiClient } from '../common/api.js';
import { I18nController } from '../common/i18n.js';
import { baseStyles } from '../common/styles.js';
import type { MessageSummary, SessionState } from './types.js';
import type { TileView } from './dashboard-store.js';
import { clockText, errorText, formStyles, stateStyles, timeText, type CandidateSelectedDetail } from './ui.js';
import { label, t } from '../common/staff-i18n.js';

const MAX_MESSAGE = 2000;

/** The controls for one candidate: pause, lock, extra time, move, message, absence, incident. */
@customElement('lectern-candidate-panel')
export class LecternCandidatePanel extends LitElement {
  static override styles = [
    baseStyles,
    stateStyles,
    formStyles,
    css`
      :host {
        display: block;
      }
      header {
        display: flex;
        justify-content: space-between;
        align-items: start;
        gap: 0.5rem;
        margin-bottom: 0.5rem;
      }
      h2 {
        margin: 0;
        font-size: 1.2rem;
      }
      .code {
        font-family: var(--lectern-font-mono, monospace);
      }
      .clock {
        font-variant-numeric: tabular-nums;
        margin: 0.25rem 0 0.5rem;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.4rem;
        margin-bottom: 0.75rem;
      }
      ul {
        margin: 0;
        padding-left: 1.1rem;
        font-size: 0.875rem;
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
      .help {
        font-size: 0.8rem;
        color: var(--lectern-muted, #4a5160);
        margin: 0;
      }
    `,
  ];

  @property({ attribute: false }) api!: ApiClient;
  @property({ type: Number }) sessionId = 0;
  @property({ attribute: false }) view!: TileView;
  @property() sessionState: SessionState = 'waiting';
  @property({ type: Number }) durationMs = 0;
  @property({ type: Number }) serverNow = 0;
  @property({ attribute: false }) messages: MessageSummary[] = [];

  @state() private _busy = false;
  @state() private _feedback: { ok: boolean; text: string } | null = null;
  @state() private _messageLength = 0;
  @state() private _kind: 'accommodation' | 'incident' = 'incident';

  private readonly i18n = new I18nController(this);

  override willUpdate(changed: Map<string, unknown>): void {
    const previous = changed.get('view') as TileView | undefined;
    if (previous && previous.tile.candidateId !== this.view.tile.candidateId) this._feedback = null;
  }

  override render() {
    void this.i18n;
    const { tile, state, timeLeftMs } = this.view;
    const base = `/api/sessions/${this.sessionId}/candidates/${tile.candidateId}`;
    const live = this.sessionState === 'running' || this.sessionState === 'paused';
    const ended = this.sessionState === 'ended';
    const writing = tile.submittedAt === null && !tile.absent;
    const oneThird = Math.round(this.durationMs / 3 / 60_000);
    const mine = this.messages.filter((m) => m.candidateId === null || m.candidateId === tile.candidateId).slice(-5).reverse();
    return html`
      <header class="state-${state}">
        <div>
          <h2>${tile.workstation ?? t('proctor.tile.noWorkstation')} · <span class="code">${tile.code}</span></h2>
          <span class="badge">${label('tileState', state, this.i18n.language)}</span>
          ${tile.locked ? html`<span class="badge">${t('proctor.tile.locked')}</span>` : nothing}
          ${tile.pausedAlone ? html`<span class="badge">‖ ${t('proctor.tile.pausedAlone')}</span>` : nothing}
        </div>
        <button type="button" @click=${this.close} aria-label=${t('proctor.panel.close')}>✕</button>
      </header>
      <p class="clock" data-role="panel-clock">
        ${this.sessionState === 'waiting'
          ? t('proctor.panel.clockWaiting', { left: clockText(timeLeftMs) })
          : tile.clock.deadlineAt
            ? t('proctor.panel.clock', { left: clockText(timeLeftMs), deadline: timeText(tile.clock.deadlineAt + (this.serverNow - tile.clock.serverNow) * (tile.clock.paused ? 1 : 0)) })
            : nothing}
      </p>
      ${this._feedback ? html`<p class="feedback ${this._feedback.ok ? 'good' : 'bad'}" role=${this._feedback.ok ? 'status' : 'alert'}>${this._feedback.text}</p>` : nothing}

      <div class="actions">
        ${live && writing
          ? tile.pausedAlone
            ? html`<button type="button" ?disabled=${this._busy} @click=${() => this.act(`${base}/resume`, {})}>▶ ${t('proctor.panel.resume')}</button>`
            : html`<button type="button" ?disabled=${this._busy} @click=${() => this.act(`${base}/pause`, {})}>‖ ${t('proctor.panel.pause')}</button>`
          : nothing}
        ${!ended || tile.locked
          ? tile.locked
            ? html`<button type="button" ?disabled=${this._busy} @click=${() => this.act(`${base}/unlock`, {})}>${t('proctor.panel.unlock')}</button>`
            : html`<button type="button" class="danger" ?disabled=${this._busy} @click=${() => this.act(`${base}/lock`, {})}>${t('proctor.panel.lock')}</button>`
          : nothing}
        ${tile.absent
          ? ended ? nothing : html`<button type="button" ?disabled=${this._busy} @click=${() => this.act(`${base}/absent`, { absent: false })}>${t('proctor.panel.present')}</button>`
          : !tile.connected && tile.submittedAt === null
            ? html`<button type="button" ?disabled=${this._busy} @click=${() => this.act(`${base}/absent`, { absent: true })}>${t('proctor.panel.absent')}</button>`
            : nothing}
      </div>

      ${writing && !ended
        ? html`
            <form @submit=${this.giveTime} data-form="extra-time">
              <fieldset>
                <legend>${t('proctor.panel.extra')}</legend>
                <div class="row">
                  <label>${t('proctor.panel.minutes')}<input name="minutes" type="number" min="0.5" max="240" step="0.5" required size="5" /></label>
                  <label
                    >${t('proctor.panel.kind')}
                    <select name="kind" @change=${(e: Event) => (this._kind = (e.target as HTMLSelectElement).value as 'incident')}>
                      <option value="incident" ?selected=${this._kind === 'incident'}>${t('proctor.panel.kind.incident')}</option>
                      <option value="accommodation" ?selected=${this._kind === 'accommodation'}>${t('proctor.panel.kind.accommodation')}</option>
                    </select>
                  </label>
                </div>
                <label>${t('proctor.panel.reason')}<input name="reason" maxlength="500" ?required=${this._kind === 'incident'} /></label>
                <div class="row">
                  <button type="submit" class="primary" ?disabled=${this._busy}>${t('proctor.panel.give')}</button>
                  ${oneThird > 0 ? html`<button type="button" ?disabled=${this._busy} @click=${this.oneThird}>${t('proctor.panel.oneThird', { minutes: oneThird })}</button>` : nothing}
                </div>
              </fieldset>
            </form>
            <form @submit=${this.move} data-form="move">
              <fieldset>
                <legend>${t('proctor.panel.move')}</legend>
                <div class="row">
                  <label>${t('proctor.panel.newWorkstation')}<input name="workstation" required maxlength="64" size="10" /></label>
                  <button type="submit" ?disabled=${this._busy}>${t('proctor.panel.moveButton')}</button>
                </div>
                <p class="help">${t('proctor.panel.moveHelp')}</p>
              </fieldset>
            </form>
          `
        : nothing}
      ${!ended && !tile.absent
        ? html`<form @submit=${this.message} data-form="message">
            <fieldset>
              <legend>${t('proctor.panel.messageTo', { code: tile.code })}</legend>
              <textarea name="text" rows="3" required @input=${this.countMessage}></textarea>
              <span class="counter ${this._messageLength > MAX_MESSAGE ? 'over' : ''}">${t('proctor.panel.chars', { n: this._messageLength })}</span>
              <div class="row"><button type="submit" class="primary" ?disabled=${this._busy}>${t('proctor.panel.send')}</button></div>
            </fieldset>
          </form>`
        : nothing}
      <form @submit=${this.incident} data-form="incident">
        <fieldset>
          <legend>${t('proctor.panel.incidentFor', { code: tile.code })}</legend>
          <label>${t('proctor.panel.incidentText')}<textarea name="text" rows="2" required maxlength="5000"></textarea></label>
          <div class="row"><button type="submit" ?disabled=${this._busy}>${t('proctor.panel.record')}</button></div>
        </fieldset>
      </form>
      ${mine.length
        ? html`<h3>${t('proctor.panel.messages')}</h3>
            <ul data-role="candidate-messages">
              ${mine.map((m) => {
                const ack = m.acknowledgements.find((a) => a.candidateId === tile.candidateId);
                return html`<li>${timeText(m.sentAt)} ${m.candidateId === null ? html`(${t('proctor.panel.toAll')})` : nothing} — ${m.text.length > 60 ? `${m.text.slice(0, 60)}…` : m.text}
                  <strong>${ack ? t('proctor.panel.ackedAt', { time: timeText(ack.at) }) : t('proctor.panel.notAcked')}</strong></li>`;
              })}
            </ul>`
        : nothing}
    `;
  }

  private close() {
    this.dispatchEvent(new CustomEvent<CandidateSelectedDetail>('candidate-selected', { detail: { candidateId: null }, bubbles: true, composed: true }));
  }

  private async act(path: string, body: unknown, form?: HTMLFormElement): Promise<boolean> {
    this._busy = true;
    this._feedback = null;
    try {
      await this.api.post(path, body);
      this._feedback = { ok: true, text: t('proctor.panel.done') };
      form?.reset();
      this._messageLength = 0;
      return true;
    } catch (err) {
      this._feedback = { ok: false, text: errorText(err) };
      return false;
    } finally {
      this._busy = false;
    }
  }

  private giveTime(event: SubmitEvent) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    void this.act(`/api/sessions/${this.sessionId}/candidates/${this.view.tile.candidateId}/extra-time`, { minutes: Number(data.get('minutes')), kind: formText(data, 'kind'), reason: formText(data, 'reason') }, form);
  }

  private oneThird() {
    const minutes = Math.round(this.durationMs / 3 / 60_000);
    void this.act(`/api/sessions/${this.sessionId}/candidates/${this.view.tile.candidateId}/extra-time`, { minutes, kind: 'accommodation', reason: t('proctor.panel.oneThird', { minutes }) });
  }

  private move(event: SubmitEvent) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    void this.act(`/api/sessions/${this.sessionId}/candidates/${this.view.tile.candidateId}/move`, { workstation: formText(new FormData(form), 'workstation') }, form);
  }

  private countMessage(event: Event) {
    this._messageLength = [...(event.target as HTMLTextAreaElement).value.trim()].length;
  }

  private message(event: SubmitEvent) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    void this.act(`/api/sessions/${this.sessionId}/messages`, { text: formText(new FormData(form), 'text'), candidateId: this.view.tile.candidateId }, form);
  }

  private incident(event: SubmitEvent) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    void this.act(`/api/sessions/${this.sessionId}/incidents`, { text: formText(new FormData(form), 'text'), candidateId: this.view.tile.candidateId }, form);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lectern-candidate-panel': LecternCandidatePanel;
  }
}
