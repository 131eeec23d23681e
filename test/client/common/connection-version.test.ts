import { describe, expect, it } from 'vitest';
import { Connection } from '../../../client/common/connection.js';
import { INCOMPATIBLE_CLOSE_CODE, PROTOCOL_VERSION } from '../../../server/contract/protocol-version.js';
import { TOO_MANY_SOCKETS_CLOSE_CODE } from '../../../server/contract/socket-limits.js';

/** A WebSocket stand-in the test drives by hand. */
class FakeSocket {
  static opened: FakeSocket[] = [];
  readyState = 0;
  private readonly listeners = new Map<string, ((event: unknown) => void)[]>();
  constructor(readonly url: string) {
    FakeSocket.opened.push(this);
  }
  addEventListener(type: string, listener: (event: unknown) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  send() {}
  close(code = 1000) {
    if (this.readyState === 3) return;
    this.readyState = 3;
    this.emit('close', { code });
  }
  emit(type: string, event: unknown) {
    for (const listener of this.listeners.get(type) ?? []) listener(event);
  }
  open() {
    this.readyState = 1;
    this.emit('open', {});
  }
}

function connection(onIncompatible: () => void) {
  FakeSocket.opened = [];
  const host = { addController() {}, removeController() {}, requestUpdate() {}, updateComplete: Promise.resolve(true) };
  const c = new Connection<{ type: string }, { type: string }>(host, {
    url: `ws://lectern.test/ws?v=${PROTOCOL_VERSION}`,
    webSocket: FakeSocket as unknown as typeof WebSocket,
    minDelayMs: 1,
    maxDelayMs: 1,
    onIncompatible,
  });
  c.hostConnected();
  c.start();
  return c;
}

describe('the page socket and the protocol version', () => {
  it('stops for good and asks for a reload when the server answers incompatible', async () => {
    let told = 0;
    const c = connection(() => told++);
    const socket = FakeSocket.opened[0]!;
    socket.open();
    const delivered: string[] = [];
    c.onMessage((m) => delivered.push(m.type));
    socket.emit('message', { data: JSON.stringify({ type: 'incompatible', serverVersion: PROTOCOL_VERSION + 1, clientVersion: PROTOCOL_VERSION, message: 'reload' }) });
    socket.close(INCOMPATIBLE_CLOSE_CODE);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(told).toBe(1);
    expect(c.outdated).toBe(true);
    expect(c.state).toBe('offline');
    expect(delivered).toEqual([]);
    // No retry: the same page would get the same answer.
    expect(FakeSocket.opened).toHaveLength(1);
    c.start();
    expect(FakeSocket.opened).toHaveLength(1);
    c.hostDisconnected();
  });

  it('keeps reconnecting after an ordinary close', async () => {
    let told = 0;
    const c = connection(() => told++);
    FakeSocket.opened[0]!.open();
    FakeSocket.opened[0]!.close(1006);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(told).toBe(0);
    expect(c.outdated).toBe(false);
    expect(FakeSocket.opened.length).toBeGreaterThan(1);
    c.hostDisconnected();
  });
});

describe('the page socket tells why the server closed it', () => {
  it('passes each close code of the current socket to its listeners, and keeps reconnecting after 4008', async () => {
    const c = connection(() => undefined);
    const codes: number[] = [];
    const stop = c.onClose((code) => codes.push(code));
    FakeSocket.opened[0]!.open();
    FakeSocket.opened[0]!.close(TOO_MANY_SOCKETS_CLOSE_CODE);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(codes).toEqual([TOO_MANY_SOCKETS_CLOSE_CODE]);
    expect(FakeSocket.opened.length).toBeGreaterThan(1);
    stop();
    FakeSocket.opened.at(-1)!.open();
    FakeSocket.opened.at(-1)!.close(1006);
    expect(codes).toEqual([TOO_MANY_SOCKETS_CLOSE_CODE]);
    c.hostDisconnected();
  });
});
