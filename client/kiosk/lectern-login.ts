import { LitElement, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { ApiError, type ApiClient } from '../common/api.js';
import { CANDIDATE_CODE_LENGTH, SESSION_CODE_LENGTH, checkCode, formatCode, normalizeCode, type CodeProblem } from '../../server/contract/rules/code-format.js';
import { I18nController, t, type StringKey } from '../common/i18n.js';
import { baseStyles } from '../common/styles.js';
import { emit } from './events.js';
import { loginStyles } from './login-styles.js';
import { clearPrerendered, typedCodes, type TypedCodes } from './prerendered-login.js';
import './lectern-language-switch.js';

type Field = 'session' | 'candidate';

const knownErrors = new Set(['bad-code', 'unknown-session', 'unknown-candidate', 'rate-limited', 'in-use-elsewhere', 'absent', 'ended', 'network']);

/** Login with the two codes from the candidate's slip. */
@customElement('lectern-login')
export class LecternLogin extends LitElement {
  static override styles = [baseStyles, loginStyles];

  @property({ attribute: false }) api!: ApiClient;
  @property() workstation: string | null = null;
  /** What the candidate typed into the page's prerendered login before the kiosk started (the kiosk passes it on). */
  @property({ attribute: false }) typed: TypedCodes | null = null;

  @state() private _session = '';
  @state() private _candidate = '';
  @state() private _problems: Partial<Record<Field, CodeProblem>> = {};
  @state() private _error: { code: string; seconds?: number } | null = null;
  @state() private _busy = false;
  @state() private _retryLeft = 0;

  @query('#session') private sessionInput!: HTMLInputElement;
  @query('#candidate') private candidateInput!: HTMLInputElement;
  @query('#error') private errorBox?: HTMLElement;

  private readonly i18n = new I18nController(this);
  private retryTimer: ReturnType<typeof setInterval> | null = null;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.retryTimer !== null) clearInterval(this.retryTimer);
    this.retryTimer = null;
  }

  /** Takes over the page's prerendered login, if this element is it, keeping what was typed there. */
  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    this.typed = typedCodes(this) ?? this.typed;
    clearPrerendered(this);
    if (this.typed) {
      this._session = formatCode(this.typed.session);
      this._candidate = formatCode(this.typed.candidate);
    }
    return super.createRenderRoot();
  }

  override firstUpdated(): void {
    // Where the candidate was typing before the kiosk started, the caret at the end; else the first field.
    const input = this.typed?.focused === 'candidate' ? this.candidateInput : this.sessionInput;
    input.focus();
    input.setSelectionRange(input.value.length, input.value.length);
  }

  override render() {
    return html`<div class="page" lang=${this.i18n.language}>
      <div class="top"><lectern-language-switch></lectern-language-switch></div>
      <div class="panel">
        <h1>${t('login.title')}</h1>
        <p>${t('login.intro')}</p>
        <p class="muted">${t('login.caseHint')}</p>
        ${this.workstation ? html`<p>${t('login.workstation', { workstation: this.workstation })}</p>` : nothing}
        ${this._error
          ? html`<div id="error" class="error" role="alert" tabindex="-1">
              <strong>${t('login.error.title')}</strong><br />${this.errorText(this._error)}
            </div>`
          : nothing}
        <form novalidate @submit=${this.onSubmit}>
          ${this.renderField('session', 'login.sessionCode', 'login.sessionCodeHint', this._session, SESSION_CODE_LENGTH)}
          ${this.renderField('candidate', 'login.candidateCode', 'login.candidateCodeHint', this._candidate, CANDIDATE_CODE_LENGTH)}
          <div class="actions">
            <button class="primary" type="submit" ?disabled=${this._busy || this._retryLeft > 0}>
              ${this._busy ? t('login.submitting') : t('login.submit')}
            </button>
          </div>
        </form>
      </div>
    </div>`;
  }

  private renderField(field: Field, label: StringKey, hint: StringKey, value: string, length: number) {
    const problem = this._problems[field];
    return html`<div>
      <label for=${field}>${t(label)} <span class="hint" id="${field}-hint">${t(hint)}</span></label>
      <input
        id=${field}
        name=${field}
        .value=${value}
        autocomplete="off"
        autocapitalize="characters"
        autocorrect="off"
        spellcheck="false"
        inputmode="text"
        maxlength=${length + 3}
        aria-invalid=${problem ? 'true' : 'false'}
        aria-describedby="${field}-hint${problem ? ` ${field}-error` : ''}"
        @input=${(event: InputEvent) => this.onInput(field, event)}
      />
      ${problem ? html`<div class="field-error" id="${field}-error">${this.problemText(field, problem)}</div>` : nothing}
    </div>`;
  }

  private onInput(field: Field, event: InputEvent): void {
    const input = event.target as HTMLInputElement;
    const atEnd = input.selectionStart === input.value.length;
    // Shown as printed on the slip (ABCD-EFGH) while typing, unless the caret is inside the code.
    const value = atEnd ? formatCode(input.value) : input.value.toUpperCase();
    if (atEnd && value !== input.value) input.value = value;
    if (field === 'session') this._session = value;
    else this._candidate = value;
    if (this._problems[field]) this._problems = { ...this._problems, [field]: undefined };
  }

  private problemText(field: Field, problem: CodeProblem): string {
    const name = t(field === 'session' ? 'login.field.session' : 'login.field.candidate');
    switch (problem.kind) {
      case 'empty':
        return t('login.check.empty', { field: name });
      case 'length':
        return t('login.check.length', { field: name, expected: problem.expected, actual: problem.actual });
      case 'characters':
        return t('login.check.characters', { field: name, characters: problem.characters });
    }
  }

  private errorText(error: { code: string; seconds?: number }): string {
    if (error.code === 'rate-limited') return t('login.error.rate-limited', { seconds: this._retryLeft || error.seconds || 30 });
    if (knownErrors.has(error.code)) return t(`login.error.${error.code}` as StringKey);
    if (error.code === 'candidate-code-throttled') return t('error.candidate-code-throttled', { retryAfterMinutes: Math.max(1, Math.ceil((error.seconds ?? 60) / 60)) });
    return t('login.error.other', { code: error.code });
  }

  private async onSubmit(event: Event): Promise<void> {
    event.preventDefault();
    if (this._busy || this._retryLeft > 0) return;
    const sessionProblem = checkCode(this._session, SESSION_CODE_LENGTH);
    const candidateProblem = checkCode(this._candidate, CANDIDATE_CODE_LENGTH);
    this._problems = { session: sessionProblem ?? undefined, candidate: candidateProblem ?? undefined };
    this._error = null;
    if (sessionProblem || candidateProblem) {
      await this.updateComplete;
      (sessionProblem ? this.sessionInput : this.candidateInput).focus();
      return;
    }
    this._busy = true;
    try {
      const body: { sessionCode: string; candidateCode: string; workstation?: string } = {
        sessionCode: normalizeCode(this._session),
        candidateCode: normalizeCode(this._candidate),
      };
      if (this.workstation) body.workstation = this.workstation;
      const { csrfToken } = await this.api.post<{ csrfToken: string }>('/api/candidate/login', body);
      emit(this, 'login-succeeded', { csrfToken });
    } catch (error) {
      const apiError = error instanceof ApiError ? error : new ApiError(0, 'network', String(error));
      const seconds = Number(apiError.details['retryAfterSeconds']);
      this._error = { code: apiError.code, ...(Number.isFinite(seconds) && seconds > 0 ? { seconds } : {}) };
      if (apiError.code === 'rate-limited') this.startRetryCountdown(Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds) : 30);
      await this.updateComplete;
      this.errorBox?.focus();
    } finally {
      this._busy = false;
    }
  }

  private startRetryCountdown(seconds: number): void {
    this._retryLeft = seconds;
    if (this.retryTimer !== null) clearInterval(this.retryTimer);
    this.retryTimer = setInterval(() => {
      this._retryLeft = Math.max(0, this._retryLeft - 1);
      if (this._retryLeft === 0 && this.retryTimer !== null) {
        clearInterval(this.retryTimer);
        this.retryTimer = null;
        this._error = null;
      }
    }, 1000);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lectern-login': LecternLogin;
  }
}
