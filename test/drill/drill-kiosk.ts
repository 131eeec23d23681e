// A simulated kiosk for the drill: the real save queue (client/kiosk/save-queue.ts) in Node, with
// an in-memory workstation storage, over a real WebSocket; it reconnects as the kiosk does and,
// once back, reads the attempt again and reopens the queue with the server's answers (what
// kiosk-controller.ts does after a reconnect). The candidate types a script, one character at a
// time, question after question.
import WebSocket from 'ws';
import { SaveQueue, type SaveMessage, type SaveTransport } from '../../client/kiosk/save-queue.js';
import type { ServerAnswer } from '../../client/kiosk/answer-merge.js';
import { socketPath } from '../../server/contract/protocol-version.js';
import { MemoryStorage } from '../client/memory-storage.js';
import { frameText } from '../helpers/frame-text.js';
import { httpJson, login, makeAgent, type Login } from '../load/http.js';

const WORDS = 'the service restarts when the health check fails and the operator reads the journal before changing the unit file'.split(' ');

/** What the candidate will type on each question: plausible words, `chars` characters. */
export function scriptFor(seed: number, questions: number, chars: number): string[] {
  return Array.from({ length: questions }, (_, q) => {
    let text = '';
    for (let i = 0; text.length < chars; i++) text += WORDS[(seed * 7 + q * 5 + i * 3) % WORDS.length] + ' ';
    return text.slice(0, chars);
  });
}

interface AttemptBody {
  session: { code: string };
  candidate: { code: string };
  answers: ServerAnswer[];
  pack: { sections: { questions: { id: string }[] }[] };
}

export class DrillKiosk implements SaveTransport {
  readonly storage = new MemoryStorage();
  readonly queue: SaveQueue;
  /** Every acknowledged save: `${questionId}@${revision}` -> the text sent under it. */
  readonly acked = new Map<string, string>();
  questionIds: string[] = [];
  /** How far the candidate has typed: per question, the characters typed so far. */
  typed: string[] = [];
  /** When each acknowledgement came (performance.now()). */
  readonly ackTimes: number[] = [];
  private socket: WebSocket | null = null;
  private sentTexts = new Map<string, string>();
  private loginData: Login | null = null;
  private everOnline = false;
  private closed = false;
  private readonly http = makeAgent(2);

  constructor(
    private readonly baseUrl: string,
    readonly sessionCode: string,
    readonly candidateCode: string,
  ) {
    this.queue = new SaveQueue(null, { storage: this.storage, transport: this });
  }

  get online(): boolean {
    return this.socket?.readyState === WebSocket.OPEN;
  }

  send(save: SaveMessage): boolean {
    if (!this.online) return false;
    this.sentTexts.set(`${save.questionId}@${save.revision}`, save.text);
    this.socket!.send(JSON.stringify(save));
    return true;
  }

  reconnect(): void {
    this.socket?.terminate();
  }

  async start(): Promise<void> {
    this.loginData = await login(this.http, this.baseUrl, '/api/candidate/login', { sessionCode: this.sessionCode, candidateCode: this.candidateCode });
    const attempt = await this.attempt();
    if (!attempt) throw new Error(`kiosk ${this.candidateCode}: no attempt`);
    this.questionIds = attempt.pack.sections.flatMap((s) => s.questions.map((q) => q.id));
    this.typed = this.questionIds.map(() => '');
    this.applyAttempt(attempt);
    this.connect();
  }

  private async attempt(): Promise<AttemptBody | null> {
    const r = await httpJson<AttemptBody>(this.http, this.baseUrl, 'GET', '/api/attempt', { login: this.loginData, timeoutMs: 10_000 }).catch(() => null);
    return r && r.status === 200 ? r.body : null;
  }

  private applyAttempt(attempt: AttemptBody): void {
    this.queue.open({ sessionCode: attempt.session.code, candidateCode: attempt.candidate.code }, attempt.answers);
    this.queue.release('not-started');
  }

  private connect(): void {
    if (this.closed) return;
    const socket = new WebSocket(this.baseUrl.replace(/^http/, 'ws') + socketPath(), { headers: { cookie: this.loginData!.cookie }, perMessageDeflate: false });
    this.socket = socket;
    socket.on('open', () => {
      this.queue.connectionChanged(true);
      if (this.everOnline) void this.attempt().then((a) => a && this.applyAttempt(a));
      this.everOnline = true;
    });
    socket.on('message', (data) => this.onMessage(frameText(data)));
    socket.on('error', () => {});
    socket.on('close', () => {
      if (this.socket === socket) this.socket = null;
      this.queue.connectionChanged(false);
      if (!this.closed) setTimeout(() => this.connect(), 300);
    });
  }

  private onMessage(raw: string): void {
    const m = JSON.parse(raw) as { type: string; questionId: string; revision: number; savedAt: number; reason: never; message: string };
    if (m.type === 'saved') {
      const text = this.sentTexts.get(`${m.questionId}@${m.revision}`);
      if (text !== undefined) this.acked.set(`${m.questionId}@${m.revision}`, text);
      this.ackTimes.push(performance.now());
      this.queue.acknowledge(m);
    } else if (m.type === 'save-refused') this.queue.refuse(m);
  }

  /** One keystroke of the script: the next character of the first unfinished question. */
  typeOne(script: string[]): boolean {
    const q = this.typed.findIndex((t, i) => t.length < (script[i]?.length ?? 0));
    if (q < 0) return false;
    this.typed[q] = script[q]!.slice(0, this.typed[q]!.length + 1);
    this.queue.edit(this.questionIds[q]!, this.typed[q]);
    return true;
  }

  /** Per question, the text of its newest acknowledged save. */
  newestAcked(): Map<string, string> {
    const newest = new Map<string, { revision: number; text: string }>();
    for (const [key, text] of this.acked) {
      const at = key.lastIndexOf('@');
      const questionId = key.slice(0, at);
      const revision = Number(key.slice(at + 1));
      if ((newest.get(questionId)?.revision ?? -1) < revision) newest.set(questionId, { revision, text });
    }
    return new Map([...newest].map(([q, v]) => [q, v.text]));
  }

  /** The first acknowledgement at or after `since`, or null. */
  firstAckAfter(since: number): number | null {
    return this.ackTimes.find((t) => t >= since) ?? null;
  }

  /** Nothing typed is waiting for the server. */
  get settled(): boolean {
    return this.online && this.queue.snapshot.pendingCount === 0;
  }

  close(): void {
    this.closed = true;
    this.socket?.close(1000, 'drill over');
    this.http.destroy();
  }
}
