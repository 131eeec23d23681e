import type { WebSocket } from 'ws';
import { MessageRateLimiter, socketCapsOf } from './socket-limits.js';
import {
  kioskMessageRates,
  MAX_KIOSK_SOCKETS,
  MAX_STAFF_SOCKETS_PER_LOGIN,
  POLICY_CLOSE_CODE,
  staffMessageRates,
  TOO_MANY_SOCKETS_CLOSE_CODE,
  type MessageRate,
} from '../contract/socket-limits.js';

type ErrorMessage = { type: 'error'; code: string; message: string };

/** What a socket's message handler asks before acting on a message. */
export interface SocketGuard<T extends string> {
  /** True when a message of this type may be acted on now; otherwise the sender has been told (or not, for a heartbeat). */
  allow(type: T): boolean;
  /** Counts a message that does not parse; false once there were too many (the socket is then closed). */
  invalid(): boolean;
}

function guard<T extends string>(socket: WebSocket, rates: Record<T | 'invalid', MessageRate>, send: (m: ErrorMessage) => void, silent: ReadonlySet<string>): SocketGuard<T> {
  const limiter = new MessageRateLimiter<T | 'invalid'>(rates);
  return {
    allow(type) {
      if (limiter.allow(type)) return true;
      if (!silent.has(type)) send({ type: 'error', code: 'rate-limited', message: `Too many ${type} messages at once: this one was not handled; send it again in a moment.` });
      return false;
    },
    invalid() {
      if (limiter.allow('invalid')) return true;
      socket.close(POLICY_CLOSE_CODE, 'too many invalid messages');
      return false;
    },
  };
}

/**
 * A kiosk socket's limits: at most MAX_KIOSK_SOCKETS open per candidate (the oldest is closed),
 * and a rate per message type. A save over its rate is not acknowledged, so the kiosk, which
 * keeps it, sends it again; a heartbeat over its rate is ignored. Supervision events are not
 * limited here: SupervisionLog keeps a burst of them per candidate and counts the rest.
 */
export function guardKioskSocket(socket: WebSocket, candidateId: number, hub: object, send: (m: ErrorMessage) => void): SocketGuard<keyof typeof kioskMessageRates> {
  socketCapsOf(hub).admit(`candidate:${candidateId}`, socket, MAX_KIOSK_SOCKETS, TOO_MANY_SOCKETS_CLOSE_CODE);
  return guard(socket, kioskMessageRates, send, new Set(['heartbeat']));
}

/** A dashboard socket's limits: at most MAX_STAFF_SOCKETS_PER_LOGIN per login session, and a rate per message type. */
export function guardStaffSocket(socket: WebSocket, login: string, owner: object, send: (m: ErrorMessage) => void): SocketGuard<keyof typeof staffMessageRates> {
  socketCapsOf(owner).admit(`staff:${login}`, socket, MAX_STAFF_SOCKETS_PER_LOGIN, TOO_MANY_SOCKETS_CLOSE_CODE);
  return guard(socket, staffMessageRates, send, new Set());
}
