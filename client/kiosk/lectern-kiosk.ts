import { LitElement, html, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import type { AttemptView } from '../../server/contract/attempt.js';
import type { KioskToServer, Receipt, ServerToKiosk } from '../../server/contract/kiosk-protocol.js';
import { ApiClient } from '../common/api.js';
import { Connection } from '../common/connection.js';
import { I18nController, t } from '../common/i18n.js';
import { browserStorage, recallSetting, rememberSetting } from '../common/local-store.js';
import { ServerClock } from '../common/server-clock.js';
import { baseStyles } from '../common/styles.js';
import { KioskController, type KioskScreen } from './kiosk-controller.js';
import { kioskStyles } from './kiosk-styles.js';
import type { LecternExam } from './lectern-exam.js';
import { SaveQueue, type SaveTransport } from './save-queue.js';
import { Supervision } from './supervision.js';
import { claimWriter, writerLockName } from './single-writer.js';
import { workstationOfQuery } from '../../server/contract/kiosk-page.js';
import { TOO_MANY_SOCKETS_CLOSE_CODE } from '../../server/contract/socket-limits.js';
import { forgetCachedPaper, keepLoadedPaper, registerKioskServiceWorker } from './offline-shell.js';
import { ExamScreensLoader } from './exam-screens-loader.js';
import { clearPrerendered, isPrerendered, typedCodes, type TypedCodes } from './prerendered-login.js';
import type { LecternLogin } from './lectern-login.js';
import './kiosk-copy-catalogue.js';
import './kiosk-screens-catalogue.js';
import './lectern-logged-out.js';
import './lectern-login.js';
import './lectern-monitoring-notice.js';
// The waiting room's, the exam's and the receipt's elements come after the first screen (exam-screens.ts).

const WORKSTATION_KEY = 'lectern.workstation';
/** How long the notice stays up after the server closed this page's socket because the same exam connected elsewhere (4008). */
const DISPLACED_NOTICE_MS = 60_000;

/** The workstation's name from ?workstation= or ?poste=, remembered for the next loads of the page. */
function workstationName(): string | null {
  const fromUrl = workstationOfQuery(new URLSearchParams(location.search));
  if (fromUrl) {
    rememberSetting(WORKSTATION_KEY, fromUrl);
    return fromUrl;
  }
  return recallSetting(WORKSTATION_KEY);
}

/** The screens drawn by exam-screens.ts's elements: shown as "loading" until those are defined. */
const EXAM_SCREENS: readonly KioskScreen[] = ['waiting', 'exam', 'receipt'];

function textOfHtml(htmlText: string): string {
  return new DOMParser().parseFromString(htmlText, 'text/html').body.textContent ?? '';
}

/**
 * The kiosk: owns the connection, the server clock, the save queue and the supervision, and shows
 * the screen that fits the attempt's state (login, notice, waiting room, exam, receipt). What
 * happens on boot and on each server message is the kiosk controller's (kiosk-controller.ts).
 */
@customElement('lectern-kiosk')
export class LecternKiosk extends LitElement {
  static override styles = [baseStyles, kioskStyles];

  // Declared first: the kiosk controller's boot may start it.
  private readonly examScreens = new ExamScreensLoader({ ready: () => this.requestUpdate() });
  // Who is logged in was asked by the page before this code ran (early-requests.ts).
  private readonly api = new ApiClient({ earlyRequests: true });
  private readonly i18n = new I18nController(this);
  // The server answers each 2-second heartbeat: 6 s of silence means a dead network, not a quiet one.
  private readonly connection = new Connection<ServerToKiosk, KioskToServer>(this, { silenceMs: 6000 });
  private readonly clock = new ServerClock(this);
  private readonly queue = new SaveQueue(this, {
    storage: browserStorage(),
    transport: this.saveTransport(),
    onRoundTrip: (ms) => this.clock.observeRoundTrip(ms),
    onServerAhead: () => void this.kiosk.refreshAttempt(),
    onRecovered: ({ questionId, revision, length }) => this.supervision.report('answer-recovered', { question: questionId, revision, length }),
  });
  private readonly supervision: Supervision = new Supervision(this, {
    transport: this.connection,
    documentText: () => this.kiosk.documentText(),
    answers: () => this.kiosk.answerTexts(),
  });
  // Added last: its hostConnected boots once the connection, clock, queue and supervision are connected.
  private readonly kiosk: KioskController = new KioskController(this, {
    api: this.api,
    link: this.connection,
    clock: this.clock,
    queue: this.queue,
    supervision: this.supervision,
    textOfHtml,
    claimWriter: (scope, granted) => claimWriter(writerLockName(scope), granted),
    candidateFound: () => this.examScreens.start(),
  });

  @state() private _fullscreen = false;
  @state() private _displaced = false;
  private displacedTimer: ReturnType<typeof setTimeout> | null = null;
  private stopCloseWatch: (() => void) | null = null;

  @query('lectern-exam') private examElement?: LecternExam;

  private readonly workstation = workstationName();
  /** What was typed into the page's prerendered login, handed to the login this element draws. */
  private typedBeforeStart: TypedCodes | null = null;
  private fullscreenTries = 0;
  private lastScreen: KioskScreen | null = null;
  private workerRegistered = false;

  /**
   * The page's HTML drew the login already (login-prerender.ts): the server sends it only to a
   * browser without a session, so the first screen is the login, drawn at once with what was
   * typed, not the "loading" status while the kiosk asks who is logged in.
   */
  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    if (isPrerendered(this)) {
      const login = this.shadowRoot!.querySelector('lectern-login');
      // Its script may have run first and taken over its own root (lectern-login.ts).
      this.typedBeforeStart = login ? ((login as Partial<LecternLogin>).typed ?? typedCodes(login)) : null;
      clearPrerendered(this);
      this.kiosk.startAtLogin();
    }
    return super.createRenderRoot();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('fullscreenchange', this.onFullscreenChange);
    window.addEventListener('beforeunload', this.onBeforeUnload);
    this._fullscreen = document.fullscreenElement !== null;
    this.stopCloseWatch = this.connection.onClose(this.onSocketClosed);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopCloseWatch?.();
    this.examScreens.stop();
    if (this.displacedTimer !== null) clearTimeout(this.displacedTimer);
    document.removeEventListener('fullscreenchange', this.onFullscreenChange);
    window.removeEventListener('beforeunload', this.onBeforeUnload);
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

  /** 4008: the server closed this socket because the same exam opened one more elsewhere; the page reconnects, and says why. */
  private readonly onSocketClosed = (code: number) => {
    if (code !== TOO_MANY_SOCKETS_CLOSE_CODE) return;
    this._displaced = true;
    if (this.displacedTimer !== null) clearTimeout(this.displacedTimer);
    this.displacedTimer = setTimeout(() => (this._displaced = false), DISPLACED_NOTICE_MS);
  };

  // ---- what the elements ask for ----

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
    if (this.kiosk.state.screen === 'exam' && this.queue.snapshot.pendingCount > 0) {
      event.preventDefault();
      event.returnValue = '';
    }
  };

  private readonly skipToAnswers = (event: Event) => {
    event.preventDefault();
    this.examElement?.focusAnswers();
  };

  // ---- rendering ----

  /** The screen drawn: the state's, or "booting" while the exam's screens are still loading. */
  private get shownScreen(): KioskScreen {
    const { screen } = this.kiosk.state;
    return EXAM_SCREENS.includes(screen) && !this.examScreens.ready ? 'booting' : screen;
  }

  protected override updated(): void {
    // Entering the exam: the keyboard starts at the skip link (shown only to keyboard users), not wherever the last screen left it.
    const screen = this.shownScreen;
    // The offline copy's worker installs (fetching the page and its code again) once the first
    // screen is up, not while the kiosk starts: the login screen does not wait for it (issue 15, item 4).
    // So do the exam's screens, when the browser is idle after drawing it.
    if (screen !== 'booting' && !this.workerRegistered) {
      this.workerRegistered = true;
      registerKioskServiceWorker();
      this.examScreens.startWhenIdle();
    }
    if (screen === 'exam' && this.lastScreen !== 'exam') this.renderRoot.querySelector<HTMLElement>('.skip')?.focus();
    // The cached paper goes with the receipt, and with a login or a logout (another candidate may come next).
    if (screen !== this.lastScreen && (screen === 'receipt' || screen === 'login' || screen === 'logged-out')) void forgetCachedPaper();
    if (screen === 'exam' && this.lastScreen !== 'exam') keepLoadedPaper();
    this.lastScreen = screen;
  }

  override render() {
    const screen = this.shownScreen;
    const locked = this.kiosk.state.locked && (screen === 'exam' || screen === 'waiting');
    return html`${screen === 'exam' ? html`<a class="skip" href="#answers" @click=${this.skipToAnswers}>${t('app.skipToAnswers')}</a>` : nothing}
      <div
        lang=${this.i18n.language}
        ?inert=${locked}
        @login-succeeded=${(event: CustomEvent<{ csrfToken: string }>) => this.kiosk.loggedIn(event.detail.csrfToken)}
        @notice-acknowledged=${() => this.kiosk.noticeAcknowledged()}
        @answer-input=${(event: CustomEvent<{ questionId: string; text: string }>) => this.kiosk.answerInput(event.detail.questionId, event.detail.text)}
        @message-acknowledged=${(event: CustomEvent<{ messageId: number }>) => this.kiosk.acknowledgeMessage(event.detail.messageId)}
        @fullscreen-requested=${this.askFullscreen}
        @relogin-requested=${() => void this.kiosk.relogin()}
        @submit-requested=${() => this.kiosk.openSubmit(true)}
        @submit-closed=${() => this.kiosk.openSubmit(false)}
        @script-submitted=${(event: CustomEvent<{ receipt: Receipt }>) => this.kiosk.showReceipt(event.detail.receipt)}
      >
        ${this.renderScreen()}
      </div>
      ${locked ? html`<lectern-locked-overlay></lectern-locked-overlay>` : nothing}`;
  }

  private renderScreen() {
    const { attempt, receipt, messages } = this.kiosk.state;
    switch (this.shownScreen) {
      case 'booting':
        return html`<div class="centered" role="status">${t('app.loading')}</div>`;
      case 'unreachable':
        return html`<div class="centered">
          <p class="error" role="alert">${t('app.serverUnreachable')}</p>
          <p>${t('app.tellProctor')}</p>
        </div>`;
      case 'login':
        return html`<lectern-login .api=${this.api} .workstation=${this.workstation} .typed=${this.typedBeforeStart}></lectern-login>`;
      case 'notice':
        return html`<lectern-monitoring-notice .api=${this.api}></lectern-monitoring-notice>`;
      case 'waiting':
        return attempt
          ? html`<div class="layout">
              ${this.renderStatusBar(attempt, false)}
              <lectern-clock-notice .clock=${this.clock.view}></lectern-clock-notice>
              <lectern-message-banner .messages=${messages}></lectern-message-banner>
              ${this.renderDisplaced()}
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
        return receipt
          ? html`<lectern-message-banner .messages=${messages}></lectern-message-banner>
              <lectern-receipt .receipt=${receipt} .sections=${attempt?.pack.sections ?? []} .candidateCode=${attempt?.candidate.code ?? ''}></lectern-receipt>`
          : nothing;
      case 'ended':
        return html`<div class="centered">
          <div class="panel">
            <h1>${t('ended.title')}</h1>
            <p>${t('ended.text')}</p>
          </div>
        </div>`;
      case 'logged-out':
        return html`<lectern-logged-out .reason=${this.kiosk.state.loggedOut} .keptHere=${this.queue.snapshot.pendingCount > 0}></lectern-logged-out>`;
    }
  }

  private renderDisplaced() {
    return this._displaced
      ? html`<div class="notice displaced" role="alert" data-notice="displaced">
          <strong>${t('offline.displaced.title')}</strong>
          <p>${t('offline.displaced.text')}</p>
        </div>`
      : nothing;
  }

  private renderStatusBar(attempt: AttemptView, canSubmit: boolean) {
    return html`<lectern-status-bar
      .clock=${this.clock}
      .sessionState=${this.clock.sessionState}
      .paused=${this.clock.paused}
      .timeUp=${this.kiosk.state.screen === 'exam' && this.kiosk.timeUp}
      .saves=${this.queue.snapshot}
      .connection=${this.connection.state}
      .candidateCode=${attempt.candidate.code}
      .showFullscreen=${!this._fullscreen && this.kiosk.state.screen === 'exam'}
      .canSubmit=${canSubmit}
    ></lectern-status-bar>`;
  }

  private renderExam(attempt: AttemptView) {
    const { documents, documentFailures, messages, receipt, submitOpen } = this.kiosk.state;
    const readonly = this.kiosk.readonly;
    const canSubmit = !readonly && receipt === null;
    return html`<div class="layout exam" @pointerdown=${this.onExamInteraction} @keydown=${this.onExamInteraction}>
        ${this.renderStatusBar(attempt, canSubmit)}
        <lectern-clock-notice .clock=${this.clock.view}></lectern-clock-notice>
        <lectern-message-banner .messages=${messages}></lectern-message-banner>
        ${this.renderDisplaced()}
        ${this.kiosk.state.otherTab
          ? html`<div class="notice other-tab" role="alert" data-notice="other-tab">
              <strong>${t('copy.otherTab.title')}</strong>
              <p>${t('copy.otherTab.text')}</p>
            </div>`
          : nothing}
        <lectern-fallback-offer .attempt=${attempt} .connection=${this.connection.state}></lectern-fallback-offer>
        <main>
          <lectern-exam
            .attempt=${attempt}
            .documents=${documents}
            .documentFailures=${documentFailures}
            .queue=${this.queue}
            .saves=${this.queue.snapshot}
            .readonly=${readonly}
            .paused=${this.clock.paused}
            .canSubmit=${canSubmit}
          ></lectern-exam>
        </main>
        <lectern-fallback-proctor .attempt=${attempt} .connection=${this.connection.state}></lectern-fallback-proctor>
      </div>
      <lectern-submit-dialog
        .open=${submitOpen && canSubmit}
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
