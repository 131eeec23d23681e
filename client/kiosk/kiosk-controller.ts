// The kiosk's behaviour without its looks: the boot sequence (who is logged in, the attempt, the
// socket), what each server message changes, what the connection's ups and downs trigger, and which
// screen fits the attempt's state. <lectern-kiosk> renders `state` and forwards its elements' events
// here. No DOM: the connection, the clock, the save queue and the supervision are passed in, so the
// rules are unit-tested in Node (test/client/kiosk/kiosk-controller.test.ts).
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { AttemptView } from '../../server/contract/attempt.js';
import type { MeView } from '../../server/contract/auth.js';
import type { ClockView, PaperKey, ProctorMessageView, Receipt, ServerToKiosk } from '../../server/contract/kiosk-protocol.js';
import { ApiError } from '../common/api.js';
import type { ConnectionState } from '../common/connection.js';
import { initialKioskState, screenFor, type KioskControllerOptions, type KioskState } from './kiosk-ports.js';
import type { LoggedOutReason } from './lectern-logged-out.js';
import { ProctorMessages } from './proctor-messages.js';
import { SectionDocuments } from './section-documents.js';
import { SealedPaper } from './sealed-paper.js';

export type { KioskControllerOptions, KioskScreen, KioskState } from './kiosk-ports.js';

/** A socket refused this many times in a row may mean the login is gone, not the network. */
const FAILURES_BEFORE_AUTH_PROBE = 4;
const AUTH_PROBE_EVERY_MS = 10_000;

export class KioskController implements ReactiveController {
  private current: KioskState = initialKioskState();
  private readonly documents: SectionDocuments;
  private readonly sealedPaper: SealedPaper;
  private readonly messages: ProctorMessages;
  private readonly unsubscribers: (() => void)[] = [];
  private bootedLoggedIn = false;
  private everOnline = false;
  private refreshing: Promise<void> | null = null;
  private refreshAgain = false;
  private lastAuthProbe = 0;
  private timeUpHandled = false;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private claim: { scope: string; release: () => void } | null = null;
  private readonly options: Required<KioskControllerOptions>;

  constructor(
    private readonly host: ReactiveControllerHost,
    options: KioskControllerOptions,
  ) {
    this.options = {
      retryMs: 3000,
      now: () => Date.now(),
      monotonicNow: () => performance.now(),
      warn: (message) => console.warn(message),
      claimWriter: () => ({ writer: Promise.resolve(true), release: () => undefined }),
      candidateFound: () => undefined,
      ...options,
    };
    this.documents = new SectionDocuments({
      api: options.api,
      textOfHtml: options.textOfHtml,
      retryMs: this.options.retryMs,
      changed: (documents, documentFailures) => this.set({ documents, documentFailures }),
      wanted: () => (this.current.screen === 'exam' ? this.current.attempt : null),
    });
    this.sealedPaper = new SealedPaper(options.api);
    this.messages = new ProctorMessages((messageId) => this.options.link.send({ type: 'acknowledge-message', messageId }));
    host.addController(this);
  }

  get state(): KioskState {
    return this.current;
  }

  hostConnected(): void {
    const { link } = this.options;
    this.unsubscribers.push(
      link.onMessage((message) => this.onServerMessage(message)),
      link.onStateChange((state) => this.onConnectionState(state)),
    );
    void this.boot();
  }

  hostDisconnected(): void {
    for (const unsubscribe of this.unsubscribers.splice(0)) unsubscribe();
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
  }

  /** At the deadline the server submits; what is still pending goes now, within its grace period. */
  hostUpdate(): void {
    const timeUp = this.timeUp;
    if (timeUp && !this.timeUpHandled && this.current.screen === 'exam') {
      this.timeUpHandled = true;
      this.options.queue.sendNow();
    } else if (!timeUp) {
      this.timeUpHandled = false;
    }
  }

  get timeUp(): boolean {
    return this.options.clock.timeUp || this.options.clock.sessionState === 'ended';
  }

  /** Answers cannot change: time is up, the script is in, saving stopped, the room is paused or the workstation locked. */
  get readonly(): boolean {
    const { clock, queue } = this.options;
    return this.timeUp || this.current.receipt !== null || queue.snapshot.stopped !== null || clock.paused || this.current.locked || this.current.otherTab;
  }

  /** Every document's text, for telling pasted text copied from it. */
  documentText(): string {
    return this.documents.text();
  }

  /** Every answer's text, for telling pasted text copied from the candidate's own answers. */
  answerTexts(): string[] {
    return (this.current.attempt?.pack.sections ?? []).flatMap((section) => section.questions.map((question) => this.options.queue.text(question.id)));
  }

  private set(patch: Partial<KioskState>): void {
    this.current = { ...this.current, ...patch };
    this.host.requestUpdate();
  }

  // ---- start-up and the attempt's state ----

  /** The page drew the login before the kiosk started (a browser without a session): show it, while boot() asks as usual. */
  startAtLogin(): void {
    if (this.current.screen === 'booting') this.set({ screen: 'login' });
  }

  async boot(): Promise<void> {
    this.retryTimer = null;
    let me: MeView;
    try {
      me = await this.options.api.get<MeView>('/api/auth/me');
    } catch (error) {
      if (error instanceof ApiError && (error.status === 401 || error.status === 403)) this.set({ screen: 'login' });
      else this.showUnreachable(() => this.boot());
      return;
    }
    if (me.kind !== 'candidate') {
      this.set({ screen: 'login' });
      return;
    }
    this.options.api.setCsrfToken(me.csrfToken);
    this.options.candidateFound();
    this.bootedLoggedIn = true;
    await this.loadAttempt();
  }

  private showUnreachable(retry: () => Promise<void>): void {
    this.set({ screen: 'unreachable' });
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => void retry(), this.options.retryMs);
  }

  private async loadAttempt(): Promise<void> {
    try {
      const attempt = await this.options.api.get<AttemptView>('/api/attempt');
      await this.claimAttempt(attempt);
      this.applyAttempt(attempt);
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) this.set({ screen: 'login' });
      else this.showUnreachable(() => this.loadAttempt());
      return;
    }
    this.options.supervision.heartbeats = true;
    this.options.link.start();
  }

  /** Fetches the attempt again (after a reconnect, the start, the notice); one fetch at a time. */
  refreshAttempt(): Promise<void> {
    if (this.refreshing) {
      this.refreshAgain = true;
      return this.refreshing;
    }
    this.refreshing = (async () => {
      do {
        this.refreshAgain = false;
        try {
          this.applyAttempt(await this.options.api.get<AttemptView>('/api/attempt'));
        } catch (error) {
          if (error instanceof ApiError && error.status === 401) this.showLoggedOut('expired');
          return;
        }
      } while (this.refreshAgain);
    })().finally(() => (this.refreshing = null));
    return this.refreshing;
  }

  /**
   * One writer per attempt: before the queue opens (and resends the workstation's copies), this
   * tab claims the attempt; if another tab of this browser holds it, this one stays read-only
   * until that one is closed.
   */
  private async claimAttempt(attempt: AttemptView): Promise<void> {
    const scope = { sessionCode: attempt.session.code, candidateCode: attempt.candidate.code };
    const name = `${scope.sessionCode}.${scope.candidateCode}`.toUpperCase();
    if (this.claim?.scope === name) return;
    this.claim?.release();
    const claim = this.options.claimWriter(scope, () => {
      this.options.queue.setWriter(true);
      this.set({ otherTab: false });
      void this.refreshAttempt();
    });
    this.claim = { scope: name, release: claim.release };
    const writes = await claim.writer;
    this.options.queue.setWriter(writes);
    this.set({ otherTab: !writes });
  }

  private applyAttempt(attempt: AttemptView): void {
    if (this.current.screen === 'logged-out') return;
    const { clock, queue, supervision } = this.options;
    this.set({ attempt });
    clock.update(attempt.clock);
    queue.open({ sessionCode: attempt.session.code, candidateCode: attempt.candidate.code }, attempt.answers);
    this.setLocked(attempt.candidate.locked);
    this.messages.noteAcknowledged(attempt.messages);
    this.addMessages(attempt.messages);

    const screen = screenFor(attempt);
    if (screen === 'receipt' && attempt.candidate.receipt) return this.showReceipt(attempt.candidate.receipt);
    supervision.monitoring = screen !== 'notice';
    if (screen === 'exam') queue.release('not-started');
    this.set({ screen });
    if (screen === 'exam') void this.documents.load(attempt);
    if (screen === 'waiting') void this.sealedPaper.fetch();
  }

  /**
   * The start: the paper this kiosk holds sealed, opened with the frame's key, shows the exam at
   * once; without it (no key, nothing held, a key from another server run), the attempt is fetched.
   */
  private onSessionStarted(paperKey: PaperKey | undefined, clock: ClockView | undefined): void {
    const attempt = this.current.attempt;
    const opened = paperKey && attempt && this.current.screen === 'waiting' ? this.sealedPaper.open(paperKey) : null;
    if (attempt && opened) {
      this.documents.hold(opened.documents);
      const state = clock?.sessionState ?? 'running';
      return this.applyAttempt({ ...attempt, pack: opened.paper, session: { ...attempt.session, state }, clock: clock ?? attempt.clock });
    }
    if (clock) this.onClock(clock);
    void this.refreshAttempt();
  }

  showReceipt(receipt: Receipt): void {
    this.options.queue.settleWithReceipt(receipt);
    this.options.supervision.monitoring = false;
    this.set({ receipt, submitOpen: false, screen: 'receipt' });
  }

  private showLoggedOut(reason: LoggedOutReason): void {
    this.options.link.stop();
    this.options.supervision.monitoring = false;
    this.options.supervision.heartbeats = false;
    this.set({ loggedOut: reason, submitOpen: false, screen: 'logged-out' });
  }

  private setLocked(locked: boolean): void {
    this.set({ locked });
    // Saves keep going while locked (what was typed before the lock is worth keeping); only a
    // `locked` refusal makes the queue wait, and the unlock lets it go again.
    if (!locked) this.options.queue.release('locked');
  }

  private addMessages(messages: readonly ProctorMessageView[]): void {
    const shown = this.messages.withIncoming(this.current.messages, messages);
    if (shown) this.set({ messages: shown });
  }

  // ---- the socket ----

  onServerMessage(message: ServerToKiosk): void {
    const { clock, queue } = this.options;
    switch (message.type) {
      case 'clock':
        return this.onClock(message.clock);
      case 'heartbeat-ack': {
        const sentAt = this.options.supervision.lastHeartbeatAt;
        if (sentAt !== null) clock.observeRoundTrip(this.options.monotonicNow() - sentAt);
        clock.observeServerTime(message.serverNow);
        return;
      }
      case 'saved':
        clock.observeServerTime(message.serverNow);
        return queue.acknowledge(message);
      case 'save-refused':
        return queue.refuse(message);
      case 'message':
        return this.addMessages([message.message]);
      case 'locked':
        return this.setLocked(message.locked);
      case 'submitted':
        return this.showReceipt(message.receipt);
      case 'session-started':
        return this.onSessionStarted(message.paperKey, message.clock);
      case 'logged-out':
        return this.showLoggedOut(message.reason);
      case 'error':
        return this.options.warn(`Lectern server: ${message.code}: ${message.message}`);
    }
  }

  private onClock(view: ClockView): void {
    this.options.clock.update(view);
    const attempt = this.current.attempt;
    if (!attempt) return;
    const state = view.sessionState;
    this.set({ attempt: { ...attempt, clock: view, session: { ...attempt.session, state } } });
    if (state === 'running') this.options.queue.release('not-started');
    // The questions come with the attempt once the session has started.
    if (this.current.screen === 'waiting' && (state === 'running' || state === 'paused')) void this.refreshAttempt();
  }

  onConnectionState(state: ConnectionState): void {
    const { link, queue, supervision } = this.options;
    const online = state === 'online';
    queue.connectionChanged(online);
    if (online) {
      supervision.flushOutbox();
      this.messages.resendAcks();
      if (this.bootedLoggedIn) supervision.reportReloadIfAny();
      // Whatever changed while the socket was down (lock, submission, pause, answers from elsewhere).
      if (this.everOnline) void this.refreshAttempt();
      this.everOnline = true;
    } else if (state === 'offline' && link.failures >= FAILURES_BEFORE_AUTH_PROBE && this.options.now() - this.lastAuthProbe > AUTH_PROBE_EVERY_MS) {
      this.lastAuthProbe = this.options.now();
      this.options.api.get<MeView>('/api/auth/me').catch((error: unknown) => {
        if (error instanceof ApiError && error.status === 401) this.showLoggedOut('expired');
      });
    }
  }

  // ---- what the candidate does ----

  loggedIn(csrfToken: string): void {
    this.options.api.setCsrfToken(csrfToken);
    this.set({ screen: 'booting' });
    void this.loadAttempt();
  }

  noticeAcknowledged(): void {
    void this.refreshAttempt();
  }

  answerInput(questionId: string, text: string): void {
    if (this.readonly) return;
    this.options.queue.edit(questionId, text);
  }

  acknowledgeMessage(messageId: number): void {
    this.set({ messages: this.messages.acknowledge(this.current.messages, messageId) });
  }

  async relogin(): Promise<void> {
    const { api } = this.options;
    if (api.hasCsrfToken) await api.post('/api/auth/logout', {}).catch(() => undefined);
    api.setCsrfToken(null);
    this.bootedLoggedIn = false;
    this.everOnline = false;
    this.set({ attempt: null, receipt: null, messages: [], locked: false, screen: 'login' });
  }

  openSubmit(open: boolean): void {
    this.set({ submitOpen: open });
  }
}
