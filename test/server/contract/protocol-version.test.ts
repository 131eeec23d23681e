import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { buildTestApp, createStaff, loginCandidate, loginStaff, openSession, type TestApp } from '../../helpers/build-app.js';
import { SocketInbox } from '../../helpers/socket.js';
import { INCOMPATIBLE_CLOSE_CODE, PROTOCOL_VERSION, socketPath } from '../../../server/contract/protocol-version.js';
import type { ServerToKiosk } from '../../../server/contract/kiosk-protocol.js';

let t: TestApp;
beforeEach(async () => {
  t = await buildTestApp();
});
afterEach(async () => {
  await t.close();
});

/** Opens `path` with the cookie and resolves with the first message and the close code. */
async function firstMessageAndClose(path: string, cookie: string) {
  let socket: WebSocket | undefined;
  let inbox: SocketInbox | undefined;
  const closed = new Promise<number>((resolve) => {
    void t.app.injectWS(path, { headers: { cookie } }, {
      onInit: (ws) => {
        socket = ws;
        inbox = new SocketInbox(ws);
        ws.on('close', (code) => resolve(code));
      },
    });
  });
  const code = await closed;
  return { socket: socket!, messages: inbox!.pending(), code };
}

async function candidateCookie() {
  const { session } = await openSession(t.app, 1);
  const c = session.candidates[0]!;
  return (await loginCandidate(t.app, session.code, c.code, c.workstation)).cookie;
}

describe('the live protocol version', () => {
  it('answers a kiosk of another version with incompatible, then closes so the page shows "reload"', async () => {
    const cookie = await candidateCookie();
    const { messages, code } = await firstMessageAndClose(`/ws?v=${PROTOCOL_VERSION - 1}`, cookie);
    expect(messages).toEqual([
      { type: 'incompatible', serverVersion: PROTOCOL_VERSION, clientVersion: PROTOCOL_VERSION - 1, message: 'This page is out of date: reload it to continue.' },
    ]);
    expect(code).toBe(INCOMPATIBLE_CLOSE_CODE);
  });

  it('treats a page that announces no version as one from before versions', async () => {
    const cookie = await candidateCookie();
    const { messages, code } = await firstMessageAndClose('/ws', cookie);
    expect(messages).toEqual([expect.objectContaining({ type: 'incompatible', serverVersion: PROTOCOL_VERSION, clientVersion: null })]);
    expect(code).toBe(INCOMPATIBLE_CLOSE_CODE);
  });

  it('refuses a dashboard of another version the same way', async () => {
    const proctor = await createStaff(t.app, 'proctor');
    const { cookie } = await loginStaff(t.app, proctor.username, proctor.password);
    const { messages, code } = await firstMessageAndClose(`/ws?v=${PROTOCOL_VERSION + 1}`, cookie);
    expect(messages).toEqual([expect.objectContaining({ type: 'incompatible', clientVersion: PROTOCOL_VERSION + 1 })]);
    expect(code).toBe(INCOMPATIBLE_CLOSE_CODE);
  });

  it('lets a kiosk of this version in: it gets its clock first', async () => {
    const cookie = await candidateCookie();
    let inbox: SocketInbox<ServerToKiosk> | undefined;
    const socket = await t.app.injectWS(socketPath(), { headers: { cookie } }, { onInit: (ws) => void (inbox = new SocketInbox(ws)) });
    const clock = await inbox!.next('clock');
    expect(clock.clock.sessionState).toBe('waiting');
    expect(inbox!.pending().some((m) => m.type === 'incompatible')).toBe(false);
    socket.terminate();
  });
});
