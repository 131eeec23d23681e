import { LitElement, css, html, nothing } from 'lit';
import { formText } from '../common/form-text.js';
import { customElement, property, state } from 'lit/decorators.js';
import type { ApiClient } from '../common/api.js';
import { I18nController } from '../common/i18n.js';
import { baseStyles } from '../common/styles.js';
import type { MessageSummary, SessionState } from './types.js';
import type { TileView } from './dashboard-store.js';
import { errorText, formStyles, stateStyles, type CandidateSelectedDetail } from './ui.js';
import { t } from '../common/staff-i18n.js';
import { candidateIdentity, type IdentityHandlers } from './candidate-panel-identity.js';
import { candidateClock, extraTimeForm, oneThirdMinutes, type ExtraTimeHandlers, type ExtraTimeKind } from './candidate-panel-time.js';
import { candidateButtons, moveForm, type CandidateControlsHandlers } from './candidate-panel-controls.js';
import { incidentForm, messageForm, sentMessages, type CandidateMessagesHandlers } from './candidate-panel-messages.js';
import { lostTimeOffers, type LostTimeHandlers } from './candidate-panel-lost-time.js';
import type { LostPeriod, LostTimeView } from '../../server/contract/lost-time.js';

/**
 * The controls for one candidate: pause, lock, extra time, move, message, absence, incident.
 * Its sections are drawn by the candidate-panel-*.ts render helpers; the element keeps the state
 * and posts the actions.
 */
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
  @state() private _kind: ExtraTimeKind = 'incident';
  /** The candidate's measured lost time; null until the server answered. */
  @state() private _lost: LostPeriod[] | null = null;

  private readonly i18n = new I18nController(this);

  override willUpdate(changed: Map<string, unknown>): void {
    const previous = changed.get('view') as TileView | undefined;
    if (previous && previous.tile.candidateId !== this.view.tile.candidateId) this._feedback = null;
    // Measured again when the panel opens on a candidate, and when their connection or lock changes.
    const key = `${this.view.tile.candidateId}:${this.view.tile.connected}:${this.view.tile.locked}:${this.i18n.language}`;
    if (key !== this.lostKey) {
      this.lostKey = key;
      void this.loadLost();
    }
  }

  private lostKey = '';

  private async loadLost(): Promise<void> {
    const id = this.view.tile.candidateId;
    try {
      const view = await this.api.get<LostTimeView>(`${this.candidatePath}/lost-time?lang=${this.i18n.language}`);
      if (id === this.view.tile.candidateId) this._lost = view.periods;
    } catch {
      // The offer is a help: without it the proctor still has the extra-time form.
      this._lost = null;
    }
  }

  /** What the drawn sections call back: made once for the element's life, bound to it. */
  private readonly on: IdentityHandlers & ExtraTimeHandlers & CandidateControlsHandlers & CandidateMessagesHandlers & LostTimeHandlers = {
    close: () => this.dispatchEvent(new CustomEvent<CandidateSelectedDetail>('candidate-selected', { detail: { candidateId: null }, bubbles: true, composed: true })),
    candidateAction: (action, body) => void this.act(`${this.candidatePath}/${action}`, body),
    giveTime: (event) => this.giveTime(event),
    oneThird: () => this.oneThird(),
    kindChanged: (event) => (this._kind = (event.target as HTMLSelectElement).value as ExtraTimeKind),
    move: (event) => this.move(event),
    countMessage: (event) => (this._messageLength = [...(event.target as HTMLTextAreaElement).value.trim()].length),
    message: (event) => this.message(event),
    incident: (event) => this.incident(event),
    grantLost: (period) => void this.grantLost(period),
  };

  override render() {
    void this.i18n;
    const { tile } = this.view;
    const ended = this.sessionState === 'ended';
    const writing = tile.submittedAt === null && !tile.absent;
    const feedback = this._feedback;
    return html`
      ${candidateIdentity(this.view, this.i18n.language, this.on)} ${candidateClock(this.view, this.sessionState, this.serverNow)}
      ${feedback ? html`<p class="feedback ${feedback.ok ? 'good' : 'bad'}" role=${feedback.ok ? 'status' : 'alert'}>${feedback.text}</p>` : nothing}
      ${candidateButtons(tile, this.sessionState, this._busy, this.on)}
      ${writing && !ended ? lostTimeOffers(this._lost, this._busy, this.on) : nothing}
      ${writing && !ended ? html`${extraTimeForm(this._kind, this.durationMs, this._busy, this.on)} ${moveForm(this._busy, this.on)}` : nothing}
      ${!ended && !tile.absent ? messageForm(tile.code, this._messageLength, this._busy, this.on) : nothing}
      ${incidentForm(tile.code, this._busy, this.on)} ${sentMessages(tile, this.messages)}
    `;
  }

  /** The candidate's own actions live under this path. */
  private get candidatePath(): string {
    return `/api/sessions/${this.sessionId}/candidates/${this.view.tile.candidateId}`;
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
    void this.act(`${this.candidatePath}/extra-time`, { minutes: Number(data.get('minutes')), kind: formText(data, 'kind'), reason: formText(data, 'reason') }, form);
  }

  private oneThird() {
    const minutes = oneThirdMinutes(this.durationMs);
    void this.act(`${this.candidatePath}/extra-time`, { minutes, kind: 'accommodation', reason: t('proctor.panel.oneThird', { minutes }) });
  }

  /** One action: the measured period as incident time, its measure as the reason. */
  private async grantLost(period: LostPeriod) {
    if (await this.act(`${this.candidatePath}/extra-time`, { minutes: period.minutes, kind: 'incident', reason: period.reason })) await this.loadLost();
  }

  private move(event: SubmitEvent) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    void this.act(`${this.candidatePath}/move`, { workstation: formText(new FormData(form), 'workstation') }, form);
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
