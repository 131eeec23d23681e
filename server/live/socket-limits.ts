import type { WebSocket } from 'ws';
import type { MessageRate } from '../contract/socket-limits.js';

/** A token bucket: `burst` at once, then `perSecond` on average. */
export class TokenBucket {
  private tokens: number;
  private at: number;

  constructor(
    private readonly rate: MessageRate,
    now: number,
  ) {
    this.tokens = rate.burst;
    this.at = now;
  }

  /** Takes one token if there is one. */
  take(now: number): boolean {
    this.tokens = Math.min(this.rate.burst, this.tokens + (Math.max(0, now - this.at) * this.rate.perSecond) / 1000);
    this.at = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

/** One socket's allowance per message type: created with the socket, dropped with it. */
export class MessageRateLimiter<T extends string> {
  private readonly buckets = new Map<T, TokenBucket>();

  constructor(private readonly rates: Record<T, MessageRate>) {}

  allow(type: T, now = Date.now()): boolean {
    let bucket = this.buckets.get(type);
    if (!bucket) this.buckets.set(type, (bucket = new TokenBucket(this.rates[type], now)));
    return bucket.take(now);
  }
}

/**
 * The open sockets of each login, oldest first. Past the cap the oldest is closed with
 * `closeCode` (a kiosk left open in another tab, a script opening hundreds): the newest is the
 * one a person is looking at.
 */
export class SocketCaps {
  private readonly open = new Map<string, WebSocket[]>();

  admit(login: string, socket: WebSocket, max: number, closeCode: number): void {
    const list = this.open.get(login) ?? [];
    list.push(socket);
    this.open.set(login, list);
    socket.once('close', () => this.forget(login, socket));
    while (list.length > max) {
      const oldest = list.shift()!;
      oldest.close(closeCode, 'too-many-connections');
      // A client that never finishes the close handshake is cut after a second.
      setTimeout(() => oldest.terminate(), 1000).unref();
    }
  }

  count(login: string): number {
    return this.open.get(login)?.length ?? 0;
  }

  private forget(login: string, socket: WebSocket): void {
    const list = this.open.get(login);
    if (!list) return;
    const i = list.indexOf(socket);
    if (i >= 0) list.splice(i, 1);
    if (list.length === 0) this.open.delete(login);
  }
}

// One SocketCaps per app: keyed by an object the app creates once (its LiveHub, its dashboard
// broadcaster), so two apps in one process (tests) never share their counts.
const capsByOwner = new WeakMap<object, SocketCaps>();

export function socketCapsOf(owner: object): SocketCaps {
  let caps = capsByOwner.get(owner);
  if (!caps) capsByOwner.set(owner, (caps = new SocketCaps()));
  return caps;
}
