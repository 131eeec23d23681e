import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import type { AttemptView, DocumentView } from '../../server/contract/attempt.js';
import type { MeView } from '../../server/contract/auth.js';
import type { KioskToServer, ProctorMessageView, Receipt, ServerToKiosk } from '../../server/contract/kiosk-protocol.js';
import { ApiClient, ApiError } from '../common/api.js';
import { Connection, type ConnectionState } from '../common/connection.js';
import { I18nController, t } from '../common/i18n.js';
import { ServerClock } from '../common/server-clock.js';
import { baseStyles } from '../common/styles.js';
import type { LecternExam } from './lectern-exam.js';
import type { LoggedOutReason } from './lectern-logged-out.js';
import { SaveQueue, type KeyValueStorage, type SaveTransport } from './save-queue.js';
import { Supervision } from './supervision.js';
import './lectern-exam.js';
import './lectern-locked-overlay.js';
import './lectern-logged-out.js';
import './lectern-login.js';
import './lectern-message-banner.js';
import './lectern-monitoring-notice.js';
import './lectern-receipt.js';
import './lectern-status-bar.js';
import './lectern-submit-dialog.js';
import './lectern-waiting-room.js';

type Screen = 'booting' | 'unreachable' | 'login' | 'notice' | 'waiting' | 'exam' | 'receipt' | 'ended' | 'logged-out';

const WORKSTATION_KEY = 'lectern.workstation';
const RETRY_MS = 3000;

function safeLocalStorage(): KeyValueStorage | null {
  try {
    const storage = window.localStorage;
    return storage ?? null;
  } catch {
    return null;
  }
}

/** The workstation's name from ?workstation= or ?poste=, remembered for the next loads of the page. */
function workstationName(): string | null {
  const params = new URLSearchParams(location.search);
  const fromUrl = (params.get('workstation') ?? params.get('poste'))?.trim();
  try {
    if (fromUrl) {
      localStorage.setItem(WORKSTATION_KEY, fromUrl);
      return fromUrl;
    }
    return localStorage.getItem(WORKSTATION_KEY);
  } catch {
    return fromUrl || null;
  }
}

function textOfHtml(htmlText: string): string {
  return new DOMParser().parseFromString(htmlText, 'text/html').body.textContent ?? '';
}

/**
 * The kiosk: owns the connection, the server clock, the save queue and the supervision, and shows
 * the screen that fits the attempt's state (login, notice, waiting room, exam, receipt).
 */
@customElement('lectern-kiosk')
export class LecternKiosk extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
        min-height: 100vh;
      }
      .skip {
        position: absolute;
        left: 0.5rem;
        top: -10rem;
        z-index: 200;
        padding: 0.75rem 1rem;
        background: var(--lectern-accent, #1f3a5f);
        color: var(--lectern-accent-text, #fff);
        font-weight: 700;
        border-radius: 0.25rem;
      }
      .skip:focus-visible {
        top: 0.5rem;
      }
      .layout {
        display: flex;
        flex-direction: column;
        min-height: 100vh;
      }
      .layout > lectern-status-bar {
        position: sticky;
        top: 0;
        z-index: 10;
      }
      main {
        flex: 1 1 auto;
        min-height: 0;
      }
      @media (min-width: 64rem) {
        .layout.exam {
          height: 100vh;
        }
        .layout.exam > lectern-status-bar {
          position: static;
        }
        .layout.exam lectern-exam {
          height: 100%;
        }
      }
      .centered {
        max-width: 40rem;
        margin: 0 auto;
        padding: 3rem 1rem;
      }
    `,
  ];

  private readonly api = new ApiClient();
  private readonly i18n = new I18nController(this);
  // The server answers each 2-second heartbeat: 6 s of silence means a dead network, not a quiet one.
  private readonly connection = new Connection<ServerToKiosk, KioskToServer>(this, { silenceMs: 6000 });
  private readonly clock = new ServerClock(this);
  private readonly queue = new SaveQueue(this, {
    storage: safeLocalStorage(),
    transport: this.saveTransport(),
    onRoundTrip: (ms) => this.clock.observeRoundTrip(ms),
  });
  private readonly supervision = new Supervision(this, {
    transport: this.connection,
    documentText: () => [...this.documentTexts.values()].join('\n'),
    answers: () => this.answerTexts(),
  });

  @state() private _screen: Screen = 'booting';
  @state() private _attempt: AttemptView | null = null;
  @state() private _receipt: Receipt | null = null;
  @state() private _locked = false;
  @state() private _messages: ProctorMessageView[] = [];
  @state() private _documents: ReadonlyMap<string, DocumentView> = new Map();
  @state() private _documentFailures: ReadonlySet<string> = new Set();
  @state() private _loggedOut: LoggedOutReason = 'revoked';
  @state() private _submitOpen = false;
  @state() private _fullscreen = false;

  @query('lectern-exam') private examElement?: LecternExam;

  private readonly workstation = workstationName();
  private readonly documentTexts = new Map<string, string>();
  private readonly acknowledgedMessages = new Set<number>();
  private readonly pendingAcks = new Set<number>();
  private readonly unsubscribers: (() => void)[] = [];
  private bootedLoggedIn = false;
  private everOnline = false;
  private refreshing: Promise<void> | null = null;
  private refreshAgain = false;
  private lastAuthProbe = 0;
  private timeUpHandled = false;
  private fullscreenTries = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    this.unsubscribers.push(
      this.connection.onMessage((message) => this.onServerMessage(message)),
      this.connection.onStateChange((state) => this.onConnectionState(state)),
    );
    document.addEventListener('fullscreenchange', this.onFullscreenChange);
    window.addEventListener('beforeunload', this.onBeforeUnload);
    this._fullscreen = document.fullscreenElement !== null;
    void this.boot();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const unsubscribe of this.unsubscribers.splice(0)) unsubscribe();
    document.removeEventListener('fullscreenchange', this.onFullscreenChange);
    window.removeEventListener('beforeunload', this.onBeforeUnload);
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
  }

  private saveTransport(): SaveTransport {
    const connection = () => this.connection;
    return {
      get online() {
        return connection().online;
      },
      send: (save) => connection().send(save),
      reconnect: () => connection().reconnect(),
    };
  }

  // ---- start-up and the attempt's state ----

  private async boot(): Promise<void> {
    this.retryTimer = null;
    let me: MeView;
    try {
      me = await this.api.get<MeView>('/api/auth/me');
    } catch (error) {
      if (error instanceof ApiError && (error.status === 401 || error.status === 403)) {
        this._screen = 'login';
      } else {
        this.showUnreachable(() => this.boot());
      }
      return;
    }
    if (me.kind !== 'candidate') {
      this._screen = 'login';
      return;
    }
    this.api.setCsrfToken(me.csrfToken);
    this.bootedLoggedIn = true;
    await this.loadAttempt();
  }

  private showUnreachable(retry: () => Promise<void>): void {
    this._screen = 'unreachable';
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => void retry(), RETRY_MS);
  }

  private async loadAttempt(): Promise<void> {
    try {
      this.applyAttempt(await this.api.get<AttemptView>('/api/attempt'));
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) this._screen = 'login';
      else this.showUnreachable(() => this.loadAttempt());
      return;
    }
    this.supervision.heartbeats = true;
    this.connection.start();
  }

  /** Fetches the attempt again (after a reconnect, the start, the notice); one fetch at a time. */
  private refreshAttempt(): Promise<void> {
    if (this.refreshing) {
      this.refreshAgain = true;
      return this.refreshing;
    }
    this.refreshing = (async () => {
      do {
        this.refreshAgain = false;
        try {
          this.applyAttempt(await this.api.get<AttemptView>('/api/attempt'));
        } catch (error) {
          if (error instanceof ApiError && error.status === 401) this.showLoggedOut('expired');
          return;
        }
      } while (this.refreshAgain);
    })().finally(() => (this.refreshing = null));
    return this.refreshing;
  }

  private applyAttempt(attempt: AttemptView): void {
    if (this._screen === 'logged-out') return;
    this._attempt = attempt;
    this.clock.update(attempt.clock);
    this.queue.open({ sessionCode: attempt.session.code, candidateCode: attempt.candidate.code }, attempt.answers);
    this.setLocked(attempt.candidate.locked);
    for (const message of attempt.messages) if (message.acknowledgedAt !== null) this.acknowledgedMessages.add(message.id);
    this.addMessages(attempt.messages);

    if (attempt.candidate.receipt) {
      this.showReceipt(attempt.candidate.receipt);
      return;
    }
    if (attempt.candidate.noticeAcknowledgedAt === null) {
      this.supervision.monitoring = false;
      this._screen = 'notice';
      return;
    }
    this.supervision.monitoring = true;
    switch (attempt.session.state) {
      case 'waiting':
        this._screen = 'waiting';
        break;
      case 'running':
      case 'paused':
        this.queue.release('not-started');
        this._screen = 'exam';
        void this.loadDocuments(attempt);
        break;
      case 'ended':
        this._screen = 'ended';
        break;
    }
  }

  private async loadDocuments(attempt: AttemptView): Promise<void> {
    for (const section of attempt.pack.sections) {
      if (!section.hasDocument || this._documents.has(section.id)) continue;
      try {
        const view = await this.api.get<DocumentView>(`/api/attempt/sections/${encodeURIComponent(section.id)}/document`);
        this.documentTexts.set(section.id, textOfHtml(view.html));
        this._documents = new Map(this._documents).set(section.id, view);
        const failures = new Set(this._documentFailures);
        failures.delete(section.id);
        this._documentFailures = failures;
      } catch {
        this._documentFailures = new Set(this._documentFailures).add(section.id);
        setTimeout(() => {
          if (this._attempt && this._screen === 'exam') void this.loadDocuments(this._attempt);
        }, RETRY_MS);
        return;
      }
    }
  }

  private showReceipt(receipt: Receipt): void {
    this._receipt = receipt;
    this.queue.settleWithReceipt(receipt);
    this.supervision.monitoring = false;
    this._submitOpen = false;
    this._screen = 'receipt';
  }

  private showLoggedOut(reason: LoggedOutReason): void {
    this.connection.stop();
    this.supervision.monitoring = false;
    this.supervision.heartbeats = false;
    this._loggedOut = reason;
    this._submitOpen = false;
    this._screen = 'logged-out';
  }

  private setLocked(locked: boolean): void {
    this._locked = locked;
    // Saves keep going while locked (what was typed before the lock is worth keeping); only a
    // `locked` refusal makes the queue wait, and the unlock lets it go again.
    if (!locked) this.queue.release('locked');
  }

  private addMessages(messages: readonly ProctorMessageView[]): void {
    const known = new Set(this._messages.map((message) => message.id));
    const fresh = messages.filter((message) => !known.has(message.id) && !this.acknowledgedMessages.has(message.id) && message.acknowledgedAt === null);
    if (fresh.length > 0) this._messages = [...this._messages, ...fresh].sort((a, b) => a.sentAt - b.sentAt);
  }

  private answerTexts(): string[] {
    return (this._attempt?.pack.sections ?? []).flatMap((section) => section.questions.map((question) => this.queue.text(question.id)));
  }

  // ---- the socket ----

  private onServerMessage(message: ServerToKiosk): void {
    switch (message.type) {
      case 'clock': {
        this.clock.update(message.clock);
        const attempt = this._attempt;
        if (!attempt) break;
        const state = message.clock.sessionState;
        this._attempt = { ...attempt, clock: message.clock, session: { ...attempt.session, state } };
        if (state === 'running') this.queue.release('not-started');
        // The questions come with the attempt once the session has started.
        if (this._screen === 'waiting' && (state === 'running' || state === 'paused')) void this.refreshAttempt();
        break;
      }
      case 'heartbeat-ack': {
        const sentAt = this.supervision.lastHeartbeatAt;
        if (sentAt !== null) this.clock.observeRoundTrip(performance.now() - sentAt);
        this.clock.observeServerTime(message.serverNow);
        break;
      }
      case 'saved':
        this.clock.observeServerTime(message.serverNow);
        this.queue.acknowledge(message);
        break;
      case 'save-refused':
        this.queue.refuse(message);
        break;
      case 'message':
        this.addMessages([message.message]);
        break;
      case 'locked':
        this.setLocked(message.locked);
        break;
      case 'submitted':
        this.showReceipt(message.receipt);
        break;
      case 'session-started':
        void this.refreshAttempt();
        break;
      case 'logged-out':
        this.showLoggedOut(message.reason);
        break;
      case 'error':
        console.warn(`Lectern server: ${message.code}: ${message.message}`);
        break;
    }
  }

  private onConnectionState(state: ConnectionState): void {
    const online = state === 'online';
    this.queue.connectionChanged(online);
    if (online) {
      this.supervision.flushOutbox();
      for (const messageId of [...this.pendingAcks]) {
        if (this.connection.send({ type: 'acknowledge-message', messageId })) this.pendingAcks.delete(messageId);
      }
      if (this.bootedLoggedIn) this.supervision.reportReloadIfAny();
      // Whatever changed while the socket was down (lock, submission, pause, answers from elsewhere).
      if (this.everOnline) void this.refreshAttempt();
      this.everOnline = true;
    } else if (state === 'offline' && this.connection.failures >= 4 && Date.now() - this.lastAuthProbe > 10_000) {
      // A socket refused again and again may mean the login is gone, not the network.
      this.lastAuthProbe = Date.now();
      this.api.get<MeView>('/api/auth/me').catch((error: unknown) => {
        if (error instanceof ApiError && error.status === 401) this.showLoggedOut('expired');
      });
    }
  }

  // ---- what the elements ask for ----

  private readonly onLogin = (event: CustomEvent<{ csrfToken: string }>) => {
    this.api.setCsrfToken(event.detail.csrfToken);
    this._screen = 'booting';
    void this.loadAttempt();
  };

  private readonly onNoticeAcknowledged = () => {
    void this.refreshAttempt();
  };

  private readonly onAnswerInput = (event: CustomEvent<{ questionId: string; text: string }>) => {
    if (this.readonly) return;
    this.queue.edit(event.detail.questionId, event.detail.text);
  };

  private readonly onMessageAcknowledged = (event: CustomEvent<{ messageId: number }>) => {
    const { messageId } = event.detail;
    this.acknowledgedMessages.add(messageId);
    this._messages = this._messages.filter((message) => message.id !== messageId);
    if (!this.connection.send({ type: 'acknowledge-message', messageId })) this.pendingAcks.add(messageId);
  };

  private readonly onRelogin = async () => {
    if (this.api.hasCsrfToken) await this.api.post('/api/auth/logout', {}).catch(() => undefined);
    this.api.setCsrfToken(null);
    this._attempt = null;
    this._receipt = null;
    this._messages = [];
    this._locked = false;
    this.bootedLoggedIn = false;
    this.everOnline = false;
    this._screen = 'login';
  };

  private readonly askFullscreen = () => {
    this.fullscreenTries++;
    document.documentElement.requestFullscreen?.({ navigationUI: 'hide' }).catch(() => undefined);
  };

  /** Browsers grant full screen only on a gesture: the first ones in the exam ask for it (a few times, not on every key). */
  private readonly onExamInteraction = (event: Event) => {
    if (event instanceof KeyboardEvent && (event.key === 'Tab' || event.key === 'Escape' || event.key === 'Shift')) return;
    if (this.fullscreenTries < 3 && !this._fullscreen) this.askFullscreen();
  };

  private readonly onFullscreenChange = () => {
    this._fullscreen = document.fullscreenElement !== null;
  };

  private readonly onBeforeUnload = (event: BeforeUnloadEvent) => {
    // Answers are safe either way (kept on the workstation); this only guards against closing the exam by mistake.
    if (this._screen === 'exam' && this.queue.snapshot.pendingCount > 0) {
      event.preventDefault();
      event.returnValue = '';
    }
  };

  private readonly skipToAnswers = (event: Event) => {
    event.preventDefault();
    this.examElement?.focusAnswers();
  };

  // ---- rendering ----

  private get timeUp(): boolean {
    return this.clock.timeUp || this.clock.sessionState === 'ended';
  }

  private get readonly(): boolean {
    return this.timeUp || this._receipt !== null || this.queue.snapshot.stopped !== null || this.clock.paused || this._locked;
  }

  protected override updated(changed: PropertyValues<this>): void {
    // Entering the exam: the keyboard starts at the skip link (shown only to keyboard users), not wherever the last screen left it.
    if (changed.has('_screen' as keyof LecternKiosk) && this._screen === 'exam') {
      this.renderRoot.querySelector<HTMLElement>('.skip')?.focus();
    }
  }

  protected override willUpdate(_changed: PropertyValues<this>): void {
    const timeUp = this.timeUp;
    if (timeUp && !this.timeUpHandled && this._screen === 'exam') {
      // The server submits at the deadline; what is still pending goes now, within its grace period.
      this.timeUpHandled = true;
      this.queue.sendNow();
    } else if (!timeUp) {
      this.timeUpHandled = false;
    }
  }

  override render() {
    const locked = this._locked && (this._screen === 'exam' || this._screen === 'waiting');
    return html`${this._screen === 'exam' ? html`<a class="skip" href="#answers" @click=${this.skipToAnswers}>${t('app.skipToAnswers')}</a>` : nothing}
      <div
        lang=${this.i18n.language}
        ?inert=${locked}
        @login-succeeded=${this.onLogin}
        @notice-acknowledged=${this.onNoticeAcknowledged}
        @answer-input=${this.onAnswerInput}
        @message-acknowledged=${this.onMessageAcknowledged}
        @fullscreen-requested=${this.askFullscreen}
        @relogin-requested=${this.onRelogin}
        @submit-requested=${() => (this._submitOpen = true)}
        @submit-closed=${() => (this._submitOpen = false)}
        @script-submitted=${(event: CustomEvent<{ receipt: Receipt }>) => this.showReceipt(event.detail.receipt)}
      >
        ${this.renderScreen()}
      </div>
      ${locked ? html`<lectern-locked-overlay></lectern-locked-overlay>` : nothing}`;
  }

  private renderScreen() {
    const attempt = this._attempt;
    switch (this._screen) {
      case 'booting':
        return html`<div class="centered" role="status">${t('app.loading')}</div>`;
      case 'unreachable':
        return html`<div class="centered">
          <p class="error" role="alert">${t('app.serverUnreachable')}</p>
          <p>${t('app.tellProctor')}</p>
        </div>`;
      case 'login':
        return html`<lectern-login .api=${this.api} .workstation=${this.workstation}></lectern-login>`;
      case 'notice':
        return html`<lectern-monitoring-notice .api=${this.api}></lectern-monitoring-notice>`;
      case 'waiting':
        return attempt
          ? html`<div class="layout">
              ${this.renderStatusBar(attempt, false)}
              <lectern-message-banner .messages=${this._messages}></lectern-message-banner>
              <main>
                <lectern-waiting-room
                  .attempt=${attempt}
                  .connection=${this.connection.state}
                  .fullscreen=${this._fullscreen}
                  .paused=${this.clock.paused}
                  .serverNow=${this.clock.serverNow()}
                ></lectern-waiting-room>
              </main>
            </div>`
          : nothing;
      case 'exam':
        return attempt ? this.renderExam(attempt) : nothing;
      case 'receipt':
        return this._receipt
          ? html`<lectern-message-banner .messages=${this._messages}></lectern-message-banner>
              <lectern-receipt .receipt=${this._receipt} .sections=${attempt?.pack.sections ?? []} .candidateCode=${attempt?.candidate.code ?? ''}></lectern-receipt>`
          : nothing;
      case 'ended':
        return html`<div class="centered">
          <div class="panel">
            <h1>${t('ended.title')}</h1>
            <p>${t('ended.text')}</p>
          </div>
        </div>`;
      case 'logged-out':
        return html`<lectern-logged-out .reason=${this._loggedOut} .keptHere=${this.queue.snapshot.pendingCount > 0}></lectern-logged-out>`;
    }
  }

  private renderStatusBar(attempt: AttemptView, canSubmit: boolean) {
    return html`<lectern-status-bar
      .timeLeftMs=${this.clock.timeLeftMs}
      .sessionState=${this.clock.sessionState}
      .paused=${this.clock.paused}
      .timeUp=${this._screen === 'exam' && this.timeUp}
      .saves=${this.queue.snapshot}
      .connection=${this.connection.state}
      .candidateCode=${attempt.candidate.code}
      .showFullscreen=${!this._fullscreen && this._screen === 'exam'}
      .canSubmit=${canSubmit}
    ></lectern-status-bar>`;
  }

  private renderExam(attempt: AttemptView) {
    const readonly = this.readonly;
    const canSubmit = !readonly && this._receipt === null;
    return html`<div class="layout exam" @pointerdown=${this.onExamInteraction} @keydown=${this.onExamInteraction}>
        ${this.renderStatusBar(attempt, canSubmit)}
        <lectern-message-banner .messages=${this._messages}></lectern-message-banner>
        <main>
          <lectern-exam
            .attempt=${attempt}
            .documents=${this._documents}
            .documentFailures=${this._documentFailures}
            .queue=${this.queue}
            .saves=${this.queue.snapshot}
            .readonly=${readonly}
            .paused=${this.clock.paused}
            .canSubmit=${canSubmit}
          ></lectern-exam>
        </main>
      </div>
      <lectern-submit-dialog
        .open=${this._submitOpen && canSubmit}
        .attempt=${attempt}
        .queue=${this.queue}
        .api=${this.api}
        .connection=${this.connection.state}
      ></lectern-submit-dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lectern-kiosk': LecternKiosk;
  }
}
