import type { WebSocket } from 'ws';
import { frameText } from './frame-text.js';
import type { FastifyBaseLogger } from 'fastify';
import type { ExamService } from '../exam/exam-service.js';
import type { AnswerStore } from '../exam/answer-store.js';
import type { PackRegistry } from '../exam/pack-registry.js';
import type { SupervisionLog } from './supervision-log.js';
import type { LiveHub } from './live-hub.js';
import { whyNotNow } from '../exam/may-act.js';
import type { ExamEvents } from './exam-events.js';
import { parseKioskMessage } from './kiosk-messages.js';
import { guardKioskSocket } from './socket-guard.js';
import type { KioskToServer, SaveRefusalReason, ServerToKiosk } from '../contract/kiosk-protocol.js';
import { MAX_ANSWER_CHARS } from '../contract/rules/limits.js';

export interface KioskSocketDeps {
  exam: ExamService;
  answers: AnswerStore;
  packs: PackRegistry;
  hub: LiveHub;
  events: ExamEvents;
  supervision: SupervisionLog;
  log: FastifyBaseLogger;
}

/** A heartbeat is answered when the server has sent this kiosk nothing for this long. */
export const HEARTBEAT_ANSWER_AFTER_MS = 1_900;

const refusalText: Record<SaveRefusalReason, string> = {
  late: 'The time is over: this save arrived after your deadline. It has been kept and flagged as late; your answers up to the deadline count.',
  'not-started': 'The exam has not started yet: nothing can be saved before the proctor starts it.',
  ended: 'The session has ended: this save was kept and flagged as late, it does not change your answer.',
  submitted: 'You have already submitted: this save was kept and flagged, it does not change your submitted answer.',
  locked: 'Your workstation is locked by the proctor: call the proctor.',
  'unknown-question': 'There is no such question in this exam.',
  'too-long': `An answer can be at most ${MAX_ANSWER_CHARS.toLocaleString('en')} characters long.`,
  conflict: 'Another workstation saved a different text for this answer: call the proctor. Your text has been kept.',
};


/**
 * One candidate's kiosk socket. The `message` listener is attached before anything is awaited,
 * so no message sent right after the upgrade is missed.
 */
export function handleKioskSocket(socket: WebSocket, candidateId: number, sessionId: number, deps: KioskSocketDeps): void {
  let lastSentAt = 0;
  const send = (m: ServerToKiosk) => {
    if (socket.readyState !== socket.OPEN) return;
    socket.send(JSON.stringify(m));
    lastSentAt = Date.now();
  };
  const guard = guardKioskSocket(socket, candidateId, deps.hub, send);

  socket.on('message', (data, isBinary) => {
    // A kiosk logged out (moved, replaced) may still send during its close handshake: not the candidate's any more.
    if (deps.hub.isRetired(socket)) return;
    if (isBinary) return guard.invalid() && send({ type: 'error', code: 'bad-message', message: 'Messages must be JSON text.' });
    const parsed = parseKioskMessage(frameText(data));
    if (!parsed.ok) return guard.invalid() && send({ type: 'error', code: 'bad-message', message: parsed.error });
    if (parsed.message.type !== 'supervision' && !guard.allow(parsed.message.type)) return;
    try {
      onMessage(parsed.message);
    } catch (err) {
      deps.log.error({ err, candidateId }, 'kiosk message failed');
      send({ type: 'error', code: 'internal', message: 'The server could not handle this message; it will be retried.' });
    }
  });

  socket.on('close', () => {
    deps.hub.removeKiosk(candidateId, socket);
  });

  const candidate = deps.exam.candidate(candidateId)!;
  deps.hub.addKiosk(candidateId, sessionId, candidate.workstation, socket);
  const session = deps.exam.session(sessionId)!;
  send({ type: 'clock', clock: deps.exam.clockView(session, candidateId) });
  if (candidate.lockedAt !== null) send({ type: 'locked', locked: true });
  const receipt = deps.exam.receipt(candidate);
  if (receipt) send({ type: 'submitted', receipt });

  function onMessage(m: KioskToServer): void {
    switch (m.type) {
      case 'save':
        onSave(m);
        return;
      case 'heartbeat': {
        deps.hub.heartbeat(candidateId, m.activity);
        // The kiosk drops a socket that stays silent for 6 s. Any message proves this one alive,
        // and a save's acknowledgement carries the server's time too: a kiosk that is typing
        // (a save every second or two) needs no answer to its heartbeats, which spares the
        // server a socket write per kiosk every 2 s. A quiet kiosk gets one at least every 2 s.
        const now = Date.now();
        if (now - lastSentAt >= HEARTBEAT_ANSWER_AFTER_MS) send({ type: 'heartbeat-ack', serverNow: now });
        return;
      }
      case 'supervision':
        deps.supervision.recordFromKiosk(sessionId, candidateId, m.kind, m.detail ?? {});
        return;
      case 'acknowledge-message':
        deps.supervision.acknowledgeMessage(sessionId, candidateId, m.messageId);
        return;
    }
  }

  /**
   * No closure here refers to the message itself: its text is copied into the writer's batch at
   * once (answer-batch.ts), and nothing else keeps it alive while the commit is awaited.
   */
  function onSave(m: Extract<KioskToServer, { type: 'save' }>): void {
    const { questionId, revision } = m;
    const refuse = (reason: SaveRefusalReason) => {
      send({ type: 'save-refused', questionId, revision, reason, message: refusalText[reason] });
      deps.events.saveRefused(sessionId, candidateId, questionId, reason);
    };
    const now = Date.now();
    // Session and candidate in one read: this runs for every save of every kiosk.
    const c = deps.exam.saveContext(sessionId, candidateId)!;
    if (!deps.packs.hasQuestion(c.packId, questionId)) return refuse('unknown-question');
    if (m.text.length > MAX_ANSWER_CHARS) return refuse('too-long');
    const notNow = whyNotNow('save', c, now);
    if (notNow === 'not-started' || notNow === 'locked') return refuse(notNow);
    // After the end, after submitting or past the grace: keep the text aside, flagged, and say so.
    const lateReason: SaveRefusalReason | null = notNow === 'submitted' || notNow === 'ended' || notNow === 'late' ? notNow : null;
    const written = deps.answers.save({ candidateId, questionId, revision, text: m.text, receivedAt: now, late: lateReason !== null });
    written
      .then((outcome) => {
        // The writer finds a submission that committed after the checks above: too late all the same.
        if (outcome.kind === 'kept-late') return refuse(lateReason ?? 'submitted');
        if (outcome.kind === 'conflict') return refuse('conflict');
        send({ type: 'saved', questionId, revision: outcome.revision, savedAt: outcome.savedAt, serverNow: Date.now() });
        if (outcome.verdict === 'apply') deps.events.answerSaved(sessionId, candidateId, questionId, outcome.words, outcome.savedAt);
      })
      // A failed commit (disk full, I/O error) must not become an unhandled rejection, which
      // would stop the server for the whole room: the kiosk keeps the edit and sends it again.
      .catch((err: unknown) => {
        deps.log.error({ err, candidateId, questionId }, 'save not written');
        send({ type: 'error', code: 'save-failed', message: 'The server could not write this answer; it is kept on your workstation and will be sent again.' });
      });
  }
}
