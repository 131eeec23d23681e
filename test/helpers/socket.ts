import { frameText } from './frame-text.js';
import type { WebSocket } from 'ws';
import type { ServerToKiosk } from '../../server/contract/kiosk-protocol.js';
import { socketPath } from '../../server/contract/protocol-version.js';

/**
 * Collects what a socket receives, so a test can wait for the next message of a type
 * (messages that arrived before the wait are not missed).
 */
export class SocketInbox<M extends { type: string } = ServerToKiosk> {
  private readonly received: M[] = [];
  private readonly waiters: { type: string; resolve: (m: M) => void; reject: (e: Error) => void; timer: NodeJS.Timeout }[] = [];

  constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const m = JSON.parse(frameText(data)) as M;
      const i = this.waiters.findIndex((w) => w.type === m.type);
      if (i >= 0) {
        const [w] = this.waiters.splice(i, 1);
        clearTimeout(w!.timer);
        w!.resolve(m);
      } else {
        this.received.push(m);
      }
    });
  }

  next<T extends M['type']>(type: T, timeoutMs = 3000): Promise<Extract<M, { type: T }>> {
    const i = this.received.findIndex((m) => m.type === type);
    if (i >= 0) return Promise.resolve(this.received.splice(i, 1)[0] as Extract<M, { type: T }>);
    return new Promise((resolve, reject) => {
      const waiter = { type, resolve: resolve as (m: M) => void, reject, timer: undefined as unknown as NodeJS.Timeout };
      waiter.timer = setTimeout(() => {
        // A waiter that gave up must not take a later message from the next wait.
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        reject(new Error(`no "${type}" message within ${timeoutMs} ms; got ${JSON.stringify(this.received.map((m) => m.type))}`));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  send(message: unknown): void {
    this.socket.send(JSON.stringify(message));
  }

  /** Messages received and not yet taken by `next`. */
  pending(): M[] {
    return [...this.received];
  }
}

/**
 * Opens /ws with a login cookie and listens from the first frame (the server sends the clock,
 * or the dashboard snapshot, as soon as the socket opens).
 */
export async function openSocket<M extends { type: string } = ServerToKiosk>(
  app: { injectWS: (path: string, ctx: { headers: Record<string, string> }, opts: { onInit: (ws: WebSocket) => void }) => Promise<WebSocket> },
  cookie: string,
): Promise<SocketInbox<M>> {
  let inbox: SocketInbox<M> | undefined;
  await app.injectWS(socketPath(), { headers: { cookie } }, { onInit: (socket) => void (inbox = new SocketInbox<M>(socket)) });
  return inbox!;
}
