import { LitElement, html, css } from 'lit';
import { formText } from '../common/form-text.js';
import { customElement, property, state } from 'lit/decorators.js';
import { errorText } from '../common/error-text.js';
import { I18nController, localized, type StringKey } from '../common/i18n.js';
import { t } from '../common/staff-i18n.js';
import { baseStyles } from '../common/styles.js';
import { formatDateTime } from '../common/format.js';
import { parseCandidateList } from './candidate-list.js';
import type { AccountView, CsvProblem, PackList, SessionDetail, SessionSummary } from './types.js';
import { ApiError, type ApiClient } from '../common/api.js';
import { adminFormStyles } from './admin-styles.js';

/** Open a session on a pack, then start, pause, resume and end it; show the candidate codes. */
@customElement('lectern-admin-sessions')
export class LecternAdminSessions extends LitElement {
  static override styles = [
    baseStyles,
    adminFormStyles,
    css`
      fieldset.staff {
        border: 1px solid var(--lectern-border, #c9ced6);
        border-radius: 0.25rem;
      }
      .problems {
        color: var(--lectern-danger, #a4161a);
      }
      .pilot {
        display: inline-block;
        margin-inline-start: 0.4rem;
        padding: 0 0.35rem;
        border: 1px solid currentColor;
        border-radius: 0.25rem;
        font-size: 0.85em;
        color: var(--lectern-warning-text, #7a4b00);
      }
      a.button {
        display: inline-block;
        padding: 0.3rem 0.6rem;
        border: 1px solid var(--lectern-border-strong, #6b7280);
        border-radius: 0.25rem;
        color: inherit;
        text-decoration: none;
      }
    `,
  ];

  @property({ attribute: false }) api!: ApiClient;
  @property({ attribute: false }) packs: PackList = { packs: [], problems: [] };
  @state() private _sessions: SessionSummary[] = [];
  @state() private _open: SessionDetail | null = null;
  /** The code of the session just created, announced in the current language. */
  @state() private _createdCode = '';
  @state() private _error = '';
  /** Every faulty line of the candidate file, worded in the reader's language. */
  @state() private _problems: CsvProblem[] = [];
  @state() private _staff: AccountView[] = [];
  /** The pack chosen in the form: its parallel forms, if any, are offered. */
  @state() private _packId = '';
  private readonly i18n = new I18nController(this);

  override connectedCallback(): void {
    super.connectedCallback();
    void this._reload();
  }

  private async _reload() {
    this._sessions = await this.api.get<SessionSummary[]>('/api/sessions');
    this._staff = (await this.api.get<AccountView[]>('/api/admin/accounts')).filter((a) => !a.disabled);
  }

  /** The proctors' or correctors' boxes to tick; a hint when there is no such account yet. */
  private _renderStaff(role: 'proctor' | 'corrector') {
    const accounts = this._staff.filter((a) => a.role === role);
    return html`<fieldset class="staff">
      <legend>${t(role === 'proctor' ? 'sessions.proctors' : 'sessions.correctors')}</legend>
      ${accounts.length === 0
        ? html`<small>${t('sessions.noStaff')}</small>`
        : accounts.map((a) => html`<label class="check"><input type="checkbox" name=${`${role}Ids`} .value=${String(a.id)} /> ${a.displayName} (${a.username})</label>`)}
    </fieldset>`;
  }

  private _renderProblems() {
    if (this._problems.length === 0) return '';
    return html`<div class="problems wide" role="alert">
      <p>${t('sessions.fileProblems', { n: this._problems.length })}</p>
      <ul>${this._problems.map((p) => html`<li>${problemText(p)}</li>`)}</ul>
    </div>`;
  }

  override render() {
    const lang = this.i18n.language;
    return html`
      <section aria-labelledby="new-session">
        <h2 id="new-session">${t('admin.sessions.new')}</h2>
        <form @submit=${this._create}>
          <label>${t('admin.sessions.pack')}
            <select name="packId" required @change=${(e: Event) => (this._packId = (e.target as HTMLSelectElement).value)}>
              ${this.packs.packs.map((p) => html`<option value=${p.id}>${localized(p.title)} — ${p.durationMinutes} min</option>`)}
            </select>
          </label>
          ${this._renderForms()}
          <label>${t('admin.sessions.title')}<input name="title" maxlength="200" /></label>
          <label>${t('admin.sessions.room')}<input name="room" maxlength="100" /></label>
          <label>${t('sessions.scheduledAt')}<input name="scheduledAt" type="datetime-local" /><small>${t('sessions.scheduledHint')}</small></label>
          <label>${t('admin.sessions.count')}<input name="count" type="number" min="1" max="500" value="12" /></label>
          <label class="wide">${t('admin.sessions.names')}<textarea name="names" rows="4" spellcheck="false"></textarea>
            <small>${t('admin.sessions.namesHint')}</small></label>
          <label class="wide">${t('sessions.file')}<input name="candidatesFile" type="file" accept=".csv,text/csv" />
            <small>${t('sessions.fileHint')}</small></label>
          ${this._renderStaff('proctor')} ${this._renderStaff('corrector')}
          <label class="check"><input name="doubleMarking" type="checkbox" /> ${t('admin.sessions.doubleMarking')}</label>
          <label class="check"><input name="pilot" type="checkbox" /> ${t('forms.pilot')}</label>
          ${this._renderProblems()}
          <div class="wide">
            <button class="primary" type="submit">${t('admin.sessions.create')}</button>
            <span role="status" class="ok">${this._createdCode ? t('admin.sessions.created', { code: this._createdCode }) : ''}</span>
            <span role="alert" class="error" ?hidden=${!this._error}>${this._error}</span>
          </div>
        </form>
      </section>
      <section aria-labelledby="sessions">
        <h2 id="sessions">${t('admin.tab.sessions')}</h2>
        ${this._sessions.length === 0
          ? html`<p>${t('admin.sessions.empty')}</p>`
          : html`<div class="table-scroll" role="region" aria-labelledby="sessions" tabindex="0"><table>
              <thead><tr><th>${t('admin.sessions.code')}</th><th>${t('admin.sessions.titleColumn')}</th><th>${t('admin.sessions.room')}</th><th>${t('sessions.scheduledColumn')}</th><th>${t('admin.sessions.state')}</th><th>${t('admin.sessions.candidates')}</th><th>${t('admin.sessions.actions')}</th></tr></thead>
              <tbody>
                ${this._sessions.map(
                  (s) => html`<tr>
                    <td class="code">${s.code}</td>
                    <td>${s.title}${s.pilot ? html`<span class="pilot">${t('forms.pilotBadge')}</span>` : ''}${s.formId ? html` <small>(${t('forms.form')} ${s.formId.toUpperCase()})</small>` : ''}${s.startedAt ? html`<br /><small>${formatDateTime(s.startedAt, lang)}</small>` : ''}</td>
                    <td>${s.room}</td>
                    <td>${s.scheduledAt === null ? '' : formatDateTime(s.scheduledAt, lang)}</td>
                    <td><span class="state ${s.state}">${t(`admin.state.${s.state}` as StringKey)}</span></td>
                    <td>${s.candidateCount}</td>
                    <td class="actions">
                      ${s.state === 'waiting' ? html`<button @click=${() => this._act(s, 'start')}>${t('admin.sessions.start')}</button>` : ''}
                      ${s.state === 'running' ? html`<button @click=${() => this._act(s, 'pause')}>${t('admin.sessions.pause')}</button>` : ''}
                      ${s.state === 'paused' ? html`<button @click=${() => this._act(s, 'resume')}>${t('admin.sessions.resume')}</button>` : ''}
                      ${s.state !== 'ended' ? html`<button class="danger" @click=${() => this._act(s, 'end')}>${t('admin.sessions.end')}</button>` : ''}
                      <a class="button" href=${`/api/sessions/${s.id}/candidates.csv?lang=${lang}`} download>${t('sessions.exportList')}</a>
                      <button @click=${() => this._toggle(s)} aria-expanded=${this._open?.id === s.id}>${this._open?.id === s.id ? t('admin.sessions.hide') : t('admin.sessions.show')}</button>
                    </td>
                  </tr>`,
                )}
              </tbody>
            </table></div>`}
        ${this._open ? this._renderCodes(this._open) : ''}
      </section>
    `;
  }

  /** The form select of a pack with parallel forms; a retired form is shown, and refused by the server with its reason. */
  private _renderForms() {
    const pack = this.packs.packs.find((p) => p.id === this._packId) ?? this.packs.packs[0];
    if (!pack?.forms) return '';
    return html`<label>${t('forms.form')}
      <select name="formId">
        ${pack.forms.map((f) => html`<option value=${f.id} ?disabled=${f.retired}>${f.retired ? t('forms.retiredOption', { title: localized(f.title) }) : localized(f.title)}</option>`)}
      </select>
    </label>`;
  }

  private _renderCodes(s: SessionDetail) {
    return html`<h3>${s.code} — ${s.title}</h3>
      <table class="codes">
        <thead><tr><th>${t('admin.sessions.workstation')}</th><th>${t('admin.sessions.candidateCode')}</th><th>${t('admin.sessions.submitted')}</th></tr></thead>
        <tbody>${s.candidates.map((c) => html`<tr><td>${c.workstation ?? '—'}</td><td class="code">${c.code}</td><td>${c.submittedAt ? formatDateTime(c.submittedAt, this.i18n.language) : ''}</td></tr>`)}</tbody>
      </table>`;
  }

  private async _toggle(s: SessionSummary) {
    this._open = this._open?.id === s.id ? null : await this.api.get<SessionDetail>(`/api/sessions/${s.id}`);
  }

  private async _act(s: SessionSummary, action: 'start' | 'pause' | 'resume' | 'end') {
    if (action === 'end' && !confirm(t('admin.sessions.confirmEnd', { code: s.code }))) return;
    this._error = '';
    try {
      await this.api.post(`/api/sessions/${s.id}/${action}`, {});
    } catch (err) {
      this._error = errorText(err);
    }
    await this._reload();
    if (this._open?.id === s.id) this._open = await this.api.get<SessionDetail>(`/api/sessions/${s.id}`);
  }

  private async _create(event: SubmitEvent) {
    event.preventDefault();
    // Taken before any await: the event's target is retargeted once dispatch is over.
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    this._createdCode = '';
    this._error = '';
    this._problems = [];
    const list = parseCandidateList(formText(data, 'names'));
    if (!list.ok) {
      this._error = t('admin.badLine', { line: list.line, problem: t('admin.badMinutes') });
      return;
    }
    const body: Record<string, unknown> = {
      packId: formText(data, 'packId'),
      title: formText(data, 'title'),
      room: formText(data, 'room'),
      doubleMarking: data.get('doubleMarking') === 'on',
      pilot: data.get('pilot') === 'on',
    };
    const formId = formText(data, 'formId');
    if (formId) body['formId'] = formId;
    const file = data.get('candidatesFile');
    if (file instanceof File && file.size > 0) body['candidatesCsv'] = base64(new Uint8Array(await file.arrayBuffer()));
    else if (list.candidates.length > 0) body['candidates'] = list.candidates;
    else body['candidateCount'] = Number(data.get('count'));
    const scheduled = formText(data, 'scheduledAt');
    // The field is the admin's local time: the browser turns it into the server's epoch milliseconds.
    if (scheduled) body['scheduledAt'] = new Date(scheduled).getTime();
    const ids = (name: string) => data.getAll(name).map(Number);
    if (ids('proctorIds').length) body['proctorIds'] = ids('proctorIds');
    if (ids('correctorIds').length) body['correctorIds'] = ids('correctorIds');
    try {
      const created = await this.api.post<SessionDetail>('/api/sessions', body);
      this._createdCode = created.code;
      form.reset();
      await this._reload();
      this._open = created;
    } catch (err) {
      this._error = errorText(err);
      // The contract's error body lists them (server/contract/errors.ts): the server's schema serialised them.
      if (err instanceof ApiError && Array.isArray(err.details['problems'])) this._problems = err.details['problems'] as CsvProblem[];
    }
  }
}

/** A faulty line of the candidate file in the reader's language, its column named as the file's heading would be. */
function problemText(p: CsvProblem): string {
  const column = p.column ? t(`sessions.csv.column.${p.column}` as StringKey) : '';
  return t(`sessions.csv.problem.${p.code}`, { line: p.line, column, value: p.value ?? '', otherLine: p.otherLine ?? '', expected: p.expected ?? '', found: p.found ?? '' });
}

/** The file's bytes in base64, as the contract carries them in JSON. */
function base64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

declare global {
  interface HTMLElementTagNameMap {
    'lectern-admin-sessions': LecternAdminSessions;
  }
}
