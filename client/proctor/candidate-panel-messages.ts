// Writing to one candidate and about them: a message to their kiosk (with its length counted as
// they type), an incident for the report, and the last messages they were sent, with whether
// and when they acknowledged each.
import { html, nothing } from 'lit';
import { t } from '../common/staff-i18n.js';
import type { CandidateTile, MessageSummary } from './types.js';
import { timeText } from './ui.js';

/** The longest message the server accepts, in characters. */
export const MAX_MESSAGE = 2000;
/** How many of the candidate's latest messages the panel lists. */
const LISTED = 5;

export interface CandidateMessagesHandlers {
  message(event: SubmitEvent): void;
  countMessage(event: Event): void;
  incident(event: SubmitEvent): void;
}

export function messageForm(code: string, length: number, busy: boolean, on: CandidateMessagesHandlers) {
  return html`<form @submit=${on.message} data-form="message">
    <fieldset>
      <legend>${t('proctor.panel.messageTo', { code })}</legend>
      <textarea name="text" rows="3" required aria-label=${t('proctorScreens.candidateMessage', { code })} @input=${on.countMessage}></textarea>
      <span class="counter ${length > MAX_MESSAGE ? 'over' : ''}">${t('proctor.panel.chars', { n: length })}</span>
      <div class="row"><button type="submit" class="primary" ?disabled=${busy}>${t('proctor.panel.send')}</button></div>
    </fieldset>
  </form>`;
}

export function incidentForm(code: string, busy: boolean, on: CandidateMessagesHandlers) {
  return html`<form @submit=${on.incident} data-form="incident">
    <fieldset>
      <legend>${t('proctor.panel.incidentFor', { code })}</legend>
      <label>${t('proctor.panel.incidentText')}<textarea name="text" rows="2" required maxlength="5000"></textarea></label>
      <div class="row"><button type="submit" ?disabled=${busy}>${t('proctor.panel.record')}</button></div>
    </fieldset>
  </form>`;
}

/** The candidate's latest messages (their own and those to the whole room), newest first. */
export function sentMessages(tile: CandidateTile, messages: readonly MessageSummary[]) {
  const mine = messages.filter((m) => m.candidateId === null || m.candidateId === tile.candidateId).slice(-LISTED).reverse();
  if (!mine.length) return nothing;
  return html`<h3>${t('proctor.panel.messages')}</h3>
    <ul data-role="candidate-messages">
      ${mine.map((m) => sentMessage(m, tile.candidateId))}
    </ul>`;
}

function sentMessage(m: MessageSummary, candidateId: number) {
  const ack = m.acknowledgements.find((a) => a.candidateId === candidateId);
  return html`<li>${timeText(m.sentAt)} ${m.candidateId === null ? html`(${t('proctor.panel.toAll')})` : nothing} — ${m.text.length > 60 ? `${m.text.slice(0, 60)}…` : m.text}
    <strong>${ack ? t('proctor.panel.ackedAt', { time: timeText(ack.at) }) : t('proctor.panel.notAcked')}</strong></li>`;
}
