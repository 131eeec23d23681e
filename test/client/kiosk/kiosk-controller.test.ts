// The kiosk's boot and message dispatch (client/kiosk/kiosk-controller.ts) have no DOM: they are
// driven here with a fake server API, a fake socket and a real save queue.
import { createCipheriv, randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AttemptView, DocumentView } from '../../../server/contract/attempt.js';
import type { MeView } from '../../../server/contract/auth.js';
import type { ClockView, KioskToServer, Receipt, ServerToKiosk } from '../../../server/contract/kiosk-protocol.js';
import { ApiError } from '../../../client/common/api.js';
import type { ConnectionState } from '../../../client/common/connection.js';
import { KioskController } from '../../../client/kiosk/kiosk-controller.js';
import type { KioskApi, KioskClock, KioskControllerOptions, KioskLink, KioskSupervision } from '../../../client/kiosk/kiosk-ports.js';
import { SaveQueue, type SaveMessage } from '../../../client/kiosk/save-queue.js';
import type { SealedPaperContents, SealedPaperView } from '../../../server/contract/sealed-paper.js';

/** A value, or a function called for the value at each request (see reply()). */
type Answer = unknown;

/** Answers GET/POST by path; an Error (or ApiError) answer is thrown. */
class FakeApi implements KioskApi {
  readonly routes = new Map<string, Answer[]>();
  readonly calls: string[] = [];
  csrfToken: string | null = null;
  answer(path: string, ...answers: Answer[]) {
    this.routes.set(path, answers);
  }
  async get<T>(path: string): Promise<T> {
    return this.reply<T>(`GET ${path}`, path);
  }
  async post<T>(path: string): Promise<T> {
    return this.reply<T>(`POST ${path}`, path);
  }
  setCsrfToken(token: string | null) {
    this.csrfToken = token;
  }
  get hasCsrfToken() {
    return this.csrfToken !== null;
  }
  private reply<T>(call: string, path: string): T {
    this.calls.push(call);
    const answers = this.routes.get(path) ?? [new ApiError(404, 'not-found', path)];
    // The last answer stays for every later call.
    const next = answers.length > 1 ? answers.shift() : answers[0];
    const value = typeof next === 'function' ? (next as () => unknown)() : next;
    if (value instanceof Error) throw value;
    return value as T;
  }
}

class FakeLink implements KioskLink {
  state: ConnectionState = 'offline';
  failures = 0;
  started = 0;
  stopped = 0;
  sent: KioskToServer[] = [];
  private messageListeners = new Set<(message: ServerToKiosk) => void>();
  private stateListeners = new Set<(state: ConnectionState) => void>();
  get online() {
    return this.state === 'online';
  }
  start() {
    this.started++;
  }
  stop() {
    this.stopped++;
  }
  send(message: KioskToServer) {
    if (!this.online) return false;
    this.sent.push(message);
    return true;
  }
  onMessage(listener: (message: ServerToKiosk) => void) {
    this.messageListeners.add(listener);
    return () => this.messageListeners.delete(listener);
  }
  onStateChange(listener: (state: ConnectionState) => void) {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }
  receive(message: ServerToKiosk) {
    for (const listener of this.messageListeners) listener(message);
  }
  become(state: ConnectionState) {
    this.state = state;
    for (const listener of this.stateListeners) listener(state);
  }
}

class FakeClock implements KioskClock {
  timeUp = false;
  paused = false;
  sessionState: ClockView['sessionState'] | null = null;
  serverTimes: number[] = [];
  roundTrips: number[] = [];
  update(clock: ClockView) {
    this.sessionState = clock.sessionState;
    this.paused = clock.paused;
  }
  observeServerTime(serverNow: number) {
    this.serverTimes.push(serverNow);
  }
  observeRoundTrip(roundTripMs: number) {
    this.roundTrips.push(roundTripMs);
  }
}

const clockView = (sessionState: ClockView['sessionState']): ClockView => ({
  serverNow: 1000,
  sessionState,
  paused: false,
  startedAt: sessionState === 'waiting' ? null : 0,
  deadlineAt: 1_801_000,
  timeLeftMs: 1_800_000,
  extraMs: 0,
});

const me: MeView = { kind: 'candidate', role: 'candidate', displayName: 'GHJKMNPQ', csrfToken: 'csrf-1' };
const receipt: Receipt = { submittedAt: 5000, kind: 'candidate', digest: 'ab'.repeat(32), answers: [{ questionId: 'q1', revision: 2, words: 3 }] };
const documentView: DocumentView = { sectionId: 's1', html: '<p>Kubernetes schedules pods.</p>', toc: [] };

function attempt(state: AttemptView['session']['state'], over: Partial<AttemptView['candidate']> = {}): AttemptView {
  return {
    session: { code: 'ABCDEF', title: 'DevOps', state },
    candidate: { code: 'GHJKMNPQ', workstation: null, noticeAcknowledgedAt: 100, locked: false, receipt: null, ...over },
    pack: {
      title: { fr: 'Questionnaire', en: 'Questionnaire' },
      durationMinutes: 30,
      questionCount: 1,
      sections: [
        {
          id: 's1',
          title: { fr: 'Lecture', en: 'Reading' },
          instructions: null,
          answerLanguage: 'en',
          hasDocument: true,
          questions: state === 'waiting' ? [] : [{ id: 'q1', promptHtml: '<p>What is a pod?</p>', targetWords: 80 }],
        },
      ],
    },
    answers: [{ questionId: 'q1', text: 'A pod is', revision: 1, savedAt: 900 }],
    messages: [],
    clock: clockView(state),
  };
}

function setup(extra: Partial<KioskControllerOptions> = {}) {
  const api = new FakeApi();
  const link = new FakeLink();
  const clock = new FakeClock();
  const saves: SaveMessage[] = [];
  const queue = new SaveQueue(null, {
    storage: null,
    transport: {
      get online() {
        return link.online;
      },
      send: (save) => (link.online ? (saves.push(save), true) : false),
    },
  });
  const supervision: KioskSupervision & { flushed: number; reloadReports: number } = {
    monitoring: false,
    heartbeats: false,
    lastHeartbeatAt: null,
    flushed: 0,
    reloadReports: 0,
    flushOutbox() {
      this.flushed++;
    },
    reportReloadIfAny() {
      this.reloadReports++;
    },
  };
  const host = { addController: vi.fn(), removeController: vi.fn(), requestUpdate: vi.fn(), updateComplete: Promise.resolve(true) };
  const warnings: string[] = [];
  const kiosk = new KioskController(host, {
    api,
    link,
    clock,
    queue,
    supervision,
    textOfHtml: (html) => html.replace(/<[^>]+>/g, ''),
    monotonicNow: () => 500,
    warn: (message) => warnings.push(message),
    ...extra,
  });
  return { api, link, clock, queue, saves, supervision, host, kiosk, warnings };
}

/** Lets the controller's awaited fetches run. */
const settle = () => vi.advanceTimersByTimeAsync(0);

/** A candidate logged in and booted: the server returns `first`, then `later` ones on each new fetch. */
async function booted(first: AttemptView, ...later: AttemptView[]) {
  const context = setup();
  context.api.answer('/api/auth/me', me);
  context.api.answer('/api/attempt', first, ...later);
  context.api.answer('/api/attempt/sections/s1/document', documentView);
  context.api.answer('/api/auth/logout', {});
  context.kiosk.hostConnected();
  await settle();
  return context;
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the kiosk boot', () => {
  it('shows the login when nobody is logged in, and opens no socket', async () => {
    const { api, link, kiosk } = setup();
    api.answer('/api/auth/me', new ApiError(401, 'not-logged-in', 'Log in.'));
    kiosk.hostConnected();
    await settle();
    expect(kiosk.state.screen).toBe('login');
    expect(link.started).toBe(0);
  });

  it('says a candidate was found as soon as who is logged in answers, before the attempt is asked (the exam’s screens start loading then)', async () => {
    const found: string[][] = [];
    const context = setup({ candidateFound: () => found.push([...context.api.calls]) });
    context.api.answer('/api/auth/me', me);
    context.api.answer('/api/attempt', attempt('running'));
    context.kiosk.hostConnected();
    await settle();
    expect(found).toEqual([['GET /api/auth/me']]);
    expect(context.kiosk.state.screen).toBe('exam');
    for (const answer of [new ApiError(401, 'not-logged-in', 'Log in.'), { ...me, kind: 'staff' as const, role: 'proctor' as const }]) {
      const nobody = setup({ candidateFound: () => found.push(['unexpected']) });
      nobody.api.answer('/api/auth/me', answer);
      nobody.kiosk.hostConnected();
      await settle();
      expect(nobody.kiosk.state.screen).toBe('login');
    }
    expect(found).toHaveLength(1);
  });

  it('shows the login to a staff member logged in on the workstation', async () => {
    const { api, kiosk } = setup();
    api.answer('/api/auth/me', { ...me, kind: 'staff', role: 'proctor' });
    kiosk.hostConnected();
    await settle();
    expect(kiosk.state.screen).toBe('login');
  });

  it('says the server is unreachable and tries again 3 s later', async () => {
    const { api, kiosk } = setup();
    api.answer('/api/auth/me', new ApiError(0, 'network', 'offline'), me);
    api.answer('/api/attempt', attempt('waiting'));
    kiosk.hostConnected();
    await settle();
    expect(kiosk.state.screen).toBe('unreachable');
    await vi.advanceTimersByTimeAsync(2999);
    expect(kiosk.state.screen).toBe('unreachable');
    await vi.advanceTimersByTimeAsync(1);
    expect(kiosk.state.screen).toBe('waiting');
  });

  it('takes a logged-in candidate into the running exam: token, attempt, socket, monitoring, document', async () => {
    const { api, link, supervision, kiosk, queue } = await booted(attempt('running'));
    expect(api.csrfToken).toBe('csrf-1');
    expect(kiosk.state.screen).toBe('exam');
    expect(link.started).toBe(1);
    expect(supervision).toMatchObject({ heartbeats: true, monitoring: true });
    expect(kiosk.state.documents.get('s1')).toEqual(documentView);
    expect(kiosk.documentText()).toBe('Kubernetes schedules pods.');
    expect(queue.text('q1')).toBe('A pod is');
    expect(kiosk.answerTexts()).toEqual(['A pod is']);
  });

  it('tries a document that failed again until it comes', async () => {
    const { api, kiosk } = setup();
    api.answer('/api/auth/me', me);
    api.answer('/api/attempt', attempt('running'));
    api.answer('/api/attempt/sections/s1/document', new ApiError(0, 'network', 'offline'), documentView);
    kiosk.hostConnected();
    await settle();
    expect([...kiosk.state.documentFailures]).toEqual(['s1']);
    await vi.advanceTimersByTimeAsync(3000);
    expect([...kiosk.state.documentFailures]).toEqual([]);
    expect(kiosk.state.documents.has('s1')).toBe(true);
  });

  it('shows the monitoring notice, unmonitored, until the candidate acknowledges it', async () => {
    const { supervision, kiosk } = await booted(attempt('waiting', { noticeAcknowledgedAt: null }), attempt('waiting'));
    expect(kiosk.state.screen).toBe('notice');
    expect(supervision.monitoring).toBe(false);
    kiosk.noticeAcknowledged();
    await settle();
    expect(kiosk.state.screen).toBe('waiting');
    expect(supervision.monitoring).toBe(true);
  });

  it('shows the receipt of a script already submitted', async () => {
    const { kiosk, supervision } = await booted(attempt('running', { receipt }));
    expect(kiosk.state.screen).toBe('receipt');
    expect(kiosk.state.receipt).toEqual(receipt);
    expect(supervision.monitoring).toBe(false);
  });
});

describe('the kiosk on each server message', () => {
  async function inRoom(state: AttemptView['session']['state'] = 'waiting') {
    const context = await booted(attempt(state), attempt('running'));
    context.link.become('online');
    return context;
  }

  it('fetches the questions when the clock says the session started, from the waiting room', async () => {
    const { link, kiosk, api } = await inRoom('waiting');
    expect(kiosk.state.screen).toBe('waiting');
    link.receive({ type: 'clock', clock: clockView('running') });
    expect(kiosk.state.attempt?.session.state).toBe('running');
    await settle();
    expect(kiosk.state.screen).toBe('exam');
    expect(api.calls.filter((c) => c === 'GET /api/attempt')).toHaveLength(2);
  });

  /** The running paper and its document, sealed as the server seals them (server/exam/sealed-paper.ts). */
  function sealedPaper(contents: SealedPaperContents = { paper: attempt('running').pack, documents: [{ ...documentView, html: '<p>Sealed: Kubernetes schedules pods.</p>' }] }) {
    const key = randomBytes(32);
    const nonce = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, nonce);
    const sealed = Buffer.concat([cipher.update(JSON.stringify(contents)), cipher.final(), cipher.getAuthTag()]);
    const view: SealedPaperView = { keyId: 'key-1', nonce: nonce.toString('base64'), sealed: sealed.toString('base64') };
    return { view, paperKey: { keyId: 'key-1', key: key.toString('base64') } };
  }

  async function waitingWithSealedPaper(view: SealedPaperView) {
    const context = setup();
    context.api.answer('/api/auth/me', me);
    context.api.answer('/api/attempt', attempt('waiting'), attempt('running'));
    context.api.answer('/api/attempt/sections/s1/document', documentView);
    context.api.answer('/api/attempt/sealed-paper', view);
    context.kiosk.hostConnected();
    await settle();
    // The cipher's module is imported with the sealed paper: let that import finish.
    await vi.waitFor(() => expect(context.api.calls).toContain('GET /api/attempt/sealed-paper'));
    await vi.dynamicImportSettled();
    await settle();
    context.link.become('online');
    return context;
  }

  it('opens the paper sealed in the waiting room with the start’s key: the exam without a fetch', async () => {
    const { view, paperKey } = sealedPaper();
    const { link, kiosk, api, queue, clock } = await waitingWithSealedPaper(view);
    expect(kiosk.state.screen).toBe('waiting');
    const callsBefore = api.calls.length;
    link.receive({ type: 'session-started', paperKey, clock: clockView('running') });
    await settle();
    expect(kiosk.state.screen).toBe('exam');
    expect(clock.sessionState).toBe('running');
    expect(kiosk.state.attempt?.clock).toEqual(clockView('running'));
    expect(kiosk.state.attempt?.pack.sections[0]!.questions.map((q) => q.id)).toEqual(['q1']);
    expect(kiosk.state.documents.get('s1')?.html).toBe('<p>Sealed: Kubernetes schedules pods.</p>');
    expect(kiosk.documentText()).toBe('Sealed: Kubernetes schedules pods.');
    // Nothing asked of the server at the start: no attempt, no document.
    expect(api.calls.slice(callsBefore)).toEqual([]);
    expect(queue.snapshot.stopped).toBeNull();
  });

  it('fetches the paper at the start when the key is not the held paper’s, or it does not open', async () => {
    for (const paperKey of [{ keyId: 'key-2', key: randomBytes(32).toString('base64') }, { keyId: 'key-1', key: randomBytes(32).toString('base64') }]) {
      const { view } = sealedPaper();
      const { link, kiosk, api } = await waitingWithSealedPaper(view);
      link.receive({ type: 'session-started', paperKey });
      await settle();
      expect(kiosk.state.screen).toBe('exam');
      expect(api.calls.filter((c) => c === 'GET /api/attempt')).toHaveLength(2);
      expect(kiosk.state.documents.get('s1')).toEqual(documentView);
    }
  });

  it('fetches the paper at the start when nothing sealed could be fetched', async () => {
    const { link, kiosk, api } = await inRoom('waiting');
    expect(api.calls).toContain('GET /api/attempt/sealed-paper');
    link.receive({ type: 'session-started', paperKey: sealedPaper().paperKey });
    await settle();
    expect(kiosk.state.screen).toBe('exam');
    expect(api.calls.filter((c) => c === 'GET /api/attempt')).toHaveLength(2);
  });

  it('hands saves and refusals to the save queue, and the server time to the clock', async () => {
    const { link, kiosk, queue, clock, saves } = await inRoom('running');
    kiosk.answerInput('q1', 'A pod is a group');
    queue.sendNow();
    expect(saves).toEqual([{ type: 'save', questionId: 'q1', revision: 2, text: 'A pod is a group' }]);
    link.receive({ type: 'saved', questionId: 'q1', revision: 2, savedAt: 2000, serverNow: 2001 });
    expect(clock.serverTimes).toContain(2001);
    expect(queue.snapshot.state).toBe('saved');
    kiosk.answerInput('q1', 'A pod is a group of containers');
    queue.sendNow();
    link.receive({ type: 'save-refused', questionId: 'q1', revision: 3, reason: 'late', message: 'Too late.' });
    expect(queue.snapshot.stopped).toEqual({ reason: 'late', message: 'Too late.' });
  });

  it('measures the heartbeat round trip', async () => {
    const { link, clock, supervision } = await inRoom();
    (supervision as { lastHeartbeatAt: number | null }).lastHeartbeatAt = 380;
    link.receive({ type: 'heartbeat-ack', serverNow: 4242 });
    expect(clock.roundTrips).toEqual([120]);
    expect(clock.serverTimes).toContain(4242);
  });

  it('locks and unlocks the workstation, and ignores typing while locked', async () => {
    const { link, kiosk, queue } = await inRoom('running');
    link.receive({ type: 'locked', locked: true });
    expect(kiosk.state.locked).toBe(true);
    expect(kiosk.readonly).toBe(true);
    kiosk.answerInput('q1', 'typed while locked');
    expect(queue.text('q1')).toBe('A pod is');
    link.receive({ type: 'locked', locked: false });
    expect(kiosk.readonly).toBe(false);
  });

  it('shows the receipt when the script is submitted, closing the submit dialog', async () => {
    const { link, kiosk, supervision } = await inRoom('running');
    kiosk.openSubmit(true);
    link.receive({ type: 'submitted', receipt });
    expect(kiosk.state).toMatchObject({ screen: 'receipt', receipt, submitOpen: false });
    expect(supervision.monitoring).toBe(false);
  });

  it('logs out on the server’s word, stops the socket and the supervision, and ignores a late attempt', async () => {
    const { link, kiosk, supervision } = await inRoom('running');
    link.receive({ type: 'logged-out', reason: 'moved' });
    expect(kiosk.state).toMatchObject({ screen: 'logged-out', loggedOut: 'moved' });
    expect(link.stopped).toBe(1);
    expect(supervision).toMatchObject({ monitoring: false, heartbeats: false });
    link.receive({ type: 'session-started' });
    await settle();
    expect(kiosk.state.screen).toBe('logged-out');
  });

  it('shows a proctor’s message until acknowledged, and sends the acknowledgement once the socket is back', async () => {
    const { link, kiosk } = await inRoom();
    const message = { id: 7, text: 'Ten minutes left', sentAt: 3000, toAll: true, acknowledgedAt: null };
    link.receive({ type: 'message', message });
    link.receive({ type: 'message', message });
    expect(kiosk.state.messages).toEqual([message]);
    link.become('offline');
    kiosk.acknowledgeMessage(7);
    expect(kiosk.state.messages).toEqual([]);
    expect(link.sent).toEqual([]);
    link.become('online');
    expect(link.sent).toEqual([{ type: 'acknowledge-message', messageId: 7 }]);
    link.receive({ type: 'message', message });
    expect(kiosk.state.messages).toEqual([]);
  });

  it('passes a server error to the console only', async () => {
    const { link, kiosk, warnings } = await inRoom();
    link.receive({ type: 'error', code: 'bad-message', message: 'Unknown type' });
    expect(warnings).toEqual(['Lectern server: bad-message: Unknown type']);
    expect(kiosk.state.screen).toBe('waiting');
  });
});

describe('the kiosk on the connection’s ups and downs', () => {
  it('flushes the supervision outbox on each connection, and fetches the attempt again after a reconnect only', async () => {
    const { api, link, supervision } = await booted(attempt('waiting'));
    link.become('online');
    expect(supervision).toMatchObject({ flushed: 1, reloadReports: 1 });
    expect(api.calls.filter((c) => c === 'GET /api/attempt')).toHaveLength(1);
    link.become('offline');
    link.become('online');
    await settle();
    expect(supervision.flushed).toBe(2);
    expect(api.calls.filter((c) => c === 'GET /api/attempt')).toHaveLength(2);
  });

  it('asks whether the login is still valid after four refused sockets, and says it expired on a 401', async () => {
    const { api, link, kiosk } = setup();
    api.answer('/api/auth/me', me, new ApiError(401, 'not-logged-in', 'Log in.'));
    api.answer('/api/attempt', attempt('waiting'));
    kiosk.hostConnected();
    await settle();
    link.failures = 3;
    link.become('offline');
    expect(api.calls.filter((c) => c === 'GET /api/auth/me')).toHaveLength(1);
    link.failures = 4;
    link.become('offline');
    await settle();
    expect(kiosk.state).toMatchObject({ screen: 'logged-out', loggedOut: 'expired' });
  });

  it('goes back to the login when the candidate asks to log in again', async () => {
    const { api, kiosk } = await booted(attempt('running'));
    await kiosk.relogin();
    expect(api.calls).toContain('POST /api/auth/logout');
    expect(api.csrfToken).toBeNull();
    expect(kiosk.state).toMatchObject({ screen: 'login', attempt: null, receipt: null, locked: false });
  });

  it('sends what is pending at once when time is up during the exam', async () => {
    const { kiosk, clock, link, saves } = await booted(attempt('running'));
    link.become('online');
    kiosk.answerInput('q1', 'last words');
    clock.timeUp = true;
    kiosk.hostUpdate();
    expect(saves.map((s) => s.text)).toEqual(['last words']);
  });
});
