import type { WebSocket } from 'ws';
import { frameText } from './frame-text.js';
import type { FastifyBaseLogger } from 'fastify';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import type { Principal } from '../auth/auth-service.js';
import { UserError } from '../errors.js';
import { guardStaffSocket } from './socket-guard.js';
import { StaffToServer, type DashboardSnapshot, type ServerToStaff } from '../contract/staff-protocol.js';

/**
 * One connected dashboard: it sends on its socket the frames of deltas its session's room has
 * put together (serialized once for every dashboard of the room, see DashboardBroadcaster).
 */
export interface DashboardSubscriber {
  /** A `deltas` message, already JSON in UTF-8: sent as a text frame. */
  send(frame: Buffer): void;
}

/** What the socket needs of the dashboard's services: said here, so live/ does not import proctor/. */
export interface StaffSocketDeps {
  broadcaster: {
    subscribe(sessionId: number, subscriber: DashboardSubscriber): DashboardSnapshot;
    unsubscribe(sessionId: number, subscriber: DashboardSubscriber): void;
  };
  access: { requireSupervisor(principal: Extract<Principal, { kind: 'staff' }>, sessionId: number): unknown };
  log: FastifyBaseLogger;
}

const StaffMessage = TypeCompiler.Compile(StaffToServer);

/**
 * A proctor's (or admin's) dashboard socket: it subscribes to one session, gets the snapshot,
 * then the room's frames of deltas. The `message` listener is attached before anything else, so
 * nothing sent right away is missed.
 */
export function handleStaffSocket(socket: WebSocket, principal: Extract<Principal, { kind: 'staff' }>, deps: StaffSocketDeps): () => void {
  const send = (m: ServerToStaff) => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(m));
  };
  const guard = guardStaffSocket(socket, principal.tokenHash, deps.broadcaster, send);
  let sessionId: number | null = null;
  const subscriber: DashboardSubscriber = {
    send(frame) {
      if (socket.readyState === socket.OPEN) socket.send(frame, { binary: false });
    },
  };
  const leave = () => {
    if (sessionId !== null) deps.broadcaster.unsubscribe(sessionId, subscriber);
    sessionId = null;
  };

  socket.on('message', (data, isBinary) => {
    let value: unknown;
    try {
      value = isBinary ? undefined : JSON.parse(frameText(data));
    } catch {
      value = undefined;
    }
    if (!StaffMessage.Check(value)) {
      if (!guard.invalid()) return;
      // A kiosk message (a save, a heartbeat) on a staff socket, or anything else: refused, nothing changes.
      const first = value === undefined ? null : StaffMessage.Errors(value).First();
      return send({ type: 'error', code: 'bad-message', message: `The dashboard protocol has no such message${first?.path ? ` (at ${first.path})` : ''}: send subscribe, unsubscribe or ping.` });
    }
    const m: StaffToServer = value;
    if (!guard.allow(m.type)) return;
    try {
      if (m.type === 'ping') return send({ type: 'pong', sentAt: m.sentAt, serverNow: Date.now() });
      if (m.type === 'unsubscribe') return leave();
      deps.access.requireSupervisor(principal, m.sessionId);
      leave();
      const snapshot = deps.broadcaster.subscribe(m.sessionId, subscriber);
      sessionId = m.sessionId;
      send({ type: 'snapshot', snapshot });
    } catch (err) {
      if (err instanceof UserError) return send({ type: 'error', code: err.code, message: err.message });
      deps.log.error({ err }, 'dashboard message failed');
      send({ type: 'error', code: 'internal', message: 'The server could not handle this request; try again.' });
    }
  });
  socket.on('close', leave);

  if (principal.role !== 'admin' && principal.role !== 'proctor') {
    send({ type: 'error', code: 'forbidden', message: 'The live dashboard needs the role admin or proctor.' });
    socket.close(1008, 'forbidden');
  }
  return leave;
}
