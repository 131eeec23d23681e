// The page's one WebSocket to the server (/ws, authenticated by the login cookie). It reconnects
// by itself with a growing delay (0.5 s doubling to 5 s, with some jitter so a room of kiosks
// does not knock all at once after a server restart) and tells its host when its state changes.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { INCOMPATIBLE_CLOSE_CODE, socketPath } from '../../server/contract/protocol-version.js';

export type ConnectionState = 'online' | 'connecting' | 'offline';

export interface ConnectionOptions {
  /** Defaults to ws(s)://<page host>/ws. */
  url?: string;
  minDelayMs?: number;
  maxDelayMs?: number;
  /** A socket that has not opened after this long is given up and tried again (a pulled cable can hang a connect for long). */
  connectTimeoutMs?: number;
  /** Drop a socket that has received nothing for this long (0: never). Needs a server that answers heartbeats. */
  silenceMs?: number;
  /** For tests. */
  webSocket?: typeof WebSocket;
  /** What to do when the server says this page speaks another protocol version; defaults to covering the page with "reload it". */
  onIncompatible?: () => void;
}

type Typed = { type: string };

/** The delay before reconnection attempt number `failures` (1, 2, ...), before jitter. */
export function backoffDelay(failures: number, minDelayMs = 500, maxDelayMs = 5000): number {
  if (failures <= 0) return 0;
  return Math.min(maxDelayMs, minDelayMs * 2 ** (failures - 1));
}

export class Connection<In extends Typed, Out extends Typed> implements ReactiveController {
  private _state: ConnectionState = 'offline';
  private socket: WebSocket | null = null;
  private wanted = false;
  private hostIsConnected = false;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private _failures = 0;
  private readonly messageListeners = new Set<(message: In) => void>();
  private readonly stateListeners = new Set<(state: ConnectionState) => void>();
  private readonly closeListeners = new Set<(code: number) => void>();
  private readonly options: Required<Omit<ConnectionOptions, 'url' | 'webSocket' | 'onIncompatible'>> & ConnectionOptions;
  private _outdated = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    options: ConnectionOptions = {},
  ) {
    this.options = { minDelayMs: 500, maxDelayMs: 5000, connectTimeoutMs: 5000, silenceMs: 0, ...options };
    host.addController(this);
  }

  get state(): ConnectionState {
    return this._state;
  }

  get online(): boolean {
    return this._state === 'online';
  }

  /** The server speaks another protocol version: the page must be reloaded, and the socket is not retried. */
  get outdated(): boolean {
    return this._outdated;
  }

  /** Attempts that failed in a row since the server last sent a message. */
  get failures(): number {
    return this._failures;
  }

  hostConnected(): void {
    this.hostIsConnected = true;
    globalThis.addEventListener?.('online', this.onBrowserOnline);
    globalThis.addEventListener?.('offline', this.onBrowserOffline);
    if (this.wanted && !this.socket) this.open();
  }

  hostDisconnected(): void {
    this.hostIsConnected = false;
    globalThis.removeEventListener?.('online', this.onBrowserOnline);
    globalThis.removeEventListener?.('offline', this.onBrowserOffline);
    this.stopWatchdog();
    this.closeSocket();
    this.setState('offline');
  }

  /** Opens the socket and keeps it open (reconnecting) until `stop()`. */
  start(): void {
    if (this._outdated) return;
    this.wanted = true;
    if (this.hostIsConnected && !this.socket) this.open();
  }

  /** Closes for good: after a logout, or when this workstation is no longer the candidate's. */
  stop(): void {
    this.wanted = false;
    this.closeSocket();
    this.setState('offline');
  }

  /** Drops the current socket and opens a new one now: used when the server stopped answering. */
  reconnect(): void {
    if (!this.wanted) return;
    this.closeSocket();
    this.setState('offline');
    this.open();
  }

  /** Sends now if the socket is open; false means nothing was sent. */
  send(message: Out): boolean {
    const socket = this.socket;
    if (!socket || socket.readyState !== 1 /* OPEN */ || this._state !== 'online') return false;
    try {
      socket.send(JSON.stringify(message));
      return true;
    } catch {
      return false;
    }
  }

  onMessage(listener: (message: In) => void): () => void {
    this.messageListeners.add(listener);
    return () => this.messageListeners.delete(listener);
  }

  onStateChange(listener: (state: ConnectionState) => void): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  /** Hears the code of every close of the current socket (the server's reason, e.g. 4008: the same login connected once too often). */
  onClose(listener: (code: number) => void): () => void {
    this.closeListeners.add(listener);
    return () => this.closeListeners.delete(listener);
  }

  /** The network cable is out: say so now rather than when TCP gives up, minutes later. */
  private readonly onBrowserOffline = () => {
    if (!this.wanted) return;
    this.closeSocket();
    this.scheduleRetry();
  };

  /**
   * A socket can stay "open" on a dead network (half-open TCP). The server answers every
   * heartbeat, so a socket silent for `silenceMs` is dropped and a new one opened.
   */
  private watchdog: ReturnType<typeof setInterval> | null = null;
  private lastMessageAt = 0;

  private startWatchdog(): void {
    this.stopWatchdog();
    const silenceMs = this.options.silenceMs;
    if (!silenceMs) return;
    this.watchdog = setInterval(() => {
      if (this._state === 'online' && Date.now() - this.lastMessageAt > silenceMs) this.reconnect();
    }, Math.max(250, Math.floor(silenceMs / 4)));
  }

  private stopWatchdog(): void {
    if (this.watchdog !== null) clearInterval(this.watchdog);
    this.watchdog = null;
  }

  private readonly onBrowserOnline = () => {
    if (this.wanted && this._state === 'offline') {
      this.clearRetry();
      this.open();
    }
  };

  private url(): string {
    if (this.options.url) return this.options.url;
    const secure = globalThis.location?.protocol === 'https:';
    return `${secure ? 'wss' : 'ws'}://${globalThis.location?.host}${socketPath()}`;
  }

  private open(): void {
    this.clearRetry();
    const WebSocketImpl = this.options.webSocket ?? globalThis.WebSocket;
    let socket: WebSocket;
    try {
      socket = new WebSocketImpl(this.url());
    } catch {
      this.scheduleRetry();
      return;
    }
    this.socket = socket;
    this.setState('connecting');
    const connectTimer = setTimeout(() => {
      if (this.socket === socket && socket.readyState === 0 /* CONNECTING */) {
        this.socket = null;
        try {
          socket.close();
        } catch {
          // Nothing to close.
        }
        this.scheduleRetry();
      }
    }, this.options.connectTimeoutMs);
    socket.addEventListener('open', () => {
      clearTimeout(connectTimer);
      if (this.socket !== socket) return;
      this.lastMessageAt = Date.now();
      this.startWatchdog();
      this.setState('online');
    });
    socket.addEventListener('message', (event: MessageEvent) => {
      if (this.socket !== socket || typeof event.data !== 'string') return;
      this.lastMessageAt = Date.now();
      let message: unknown;
      try {
        message = JSON.parse(event.data);
      } catch {
        return;
      }
      if (typeof message !== 'object' || message === null || typeof (message as Typed).type !== 'string') return;
      if ((message as Typed).type === 'incompatible') {
        this.becomeOutdated();
        return;
      }
      // Counted as working once the server has said something: a socket it closes right after opening stays a failure, so the delay still grows.
      this._failures = 0;
      for (const listener of [...this.messageListeners]) listener(message as In);
    });
    socket.addEventListener('close', (event: CloseEvent) => {
      clearTimeout(connectTimer);
      if (event.code === INCOMPATIBLE_CLOSE_CODE) this.becomeOutdated();
      if (this.socket !== socket) return;
      this.socket = null;
      for (const listener of [...this.closeListeners]) listener(event.code);
      this.setState('offline');
      this.scheduleRetry();
    });
    // 'error' is always followed by 'close', which does the work.
  }

  /** Retrying would meet the same answer: stop for good and tell the person to reload. */
  private becomeOutdated(): void {
    if (this._outdated) return;
    this._outdated = true;
    this.stop();
    if (this.options.onIncompatible) this.options.onIncompatible();
    // Loaded only when needed, so this controller stays importable without a DOM (unit tests).
    else void import('./lectern-outdated-notice.js').then((notice) => notice.showOutdatedNotice());
  }

  private scheduleRetry(): void {
    if (!this.wanted || !this.hostIsConnected) return;
    this._failures++;
    const base = backoffDelay(this._failures, this.options.minDelayMs, this.options.maxDelayMs);
    const delay = Math.round(base * (0.8 + Math.random() * 0.4));
    this.clearRetry();
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (this.wanted && !this.socket) this.open();
    }, delay);
    this.setState('offline');
  }

  private clearRetry(): void {
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private closeSocket(): void {
    this.clearRetry();
    const socket = this.socket;
    this.socket = null;
    if (socket) {
      try {
        socket.close();
      } catch {
        // Already closing.
      }
    }
  }

  private setState(state: ConnectionState): void {
    if (state === this._state) return;
    this._state = state;
    for (const listener of [...this.stateListeners]) listener(state);
    this.host.requestUpdate();
  }
}
