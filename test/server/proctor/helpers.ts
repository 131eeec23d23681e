import type { WebSocket } from 'ws';
import { frameText } from '../../helpers/frame-text.js';
import { createStaff, loginCandidate, loginStaff, openSession, type Login, type TestApp } from '../../helpers/build-app.js';
import { SocketInbox } from '../../helpers/socket.js';
import { socketPath } from '../../../server/contract/protocol-version.js';
import type { DashboardDelta, DashboardSnapshot, ServerToStaff } from '../../../server/contract/staff-protocol.js';

type App = TestApp['app'];

/** A session of `count` candidates with a proctor assigned to it (and the admin who opened it). */
export async function supervisedRoom(app: App, count = 3) {
  const opened = await openSession(app, count);
  const proctor = await createStaff(app, 'proctor');
  app.db.$client.prepare("INSERT INTO session_staff (session_id, account_id, role) VALUES (?, ?, 'proctor')").run(opened.session.id, proctor.id);
  const proctorLogin = await loginStaff(app, proctor.username, proctor.password);
  return { ...opened, proctor, proctorLogin };
}

/** Logs every candidate in at their own workstation. */
export async function loginAll(app: App, room: { session: { code: string; candidates: { code: string; workstation: string }[] } }): Promise<Login[]> {
  const logins: Login[] = [];
  for (const c of room.session.candidates) logins.push(await loginCandidate(app, room.session.code, c.code, c.workstation));
  return logins;
}

/** A kiosk socket listening from its first frame. */
export async function kioskSocket(app: App, cookie: string): Promise<SocketInbox> {
  let inbox: SocketInbox | undefined;
  await app.injectWS(socketPath(), { headers: { cookie } }, { onInit: (socket: WebSocket) => void (inbox = new SocketInbox(socket)) });
  return inbox!;
}

/**
 * A dashboard socket. Deltas arrive batched; `delta()` waits for the first single delta that
 * matches, wherever it sits in a batch (deltas already received are searched first).
 */
export class StaffInbox {
  private readonly messages: ServerToStaff[] = [];
  private readonly deltas: DashboardDelta[] = [];
  private readonly waiters: (() => void)[] = [];

  constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const m = JSON.parse(frameText(data)) as ServerToStaff;
      if (m.type === 'deltas') this.deltas.push(...m.deltas);
      else this.messages.push(m);
      for (const w of this.waiters.splice(0)) w();
    });
  }

  send(message: unknown): void {
    this.socket.send(JSON.stringify(message));
  }

  async next<T extends ServerToStaff['type']>(type: T, timeoutMs = 3000): Promise<Extract<ServerToStaff, { type: T }>> {
    return this.wait(() => {
      const i = this.messages.findIndex((m) => m.type === type);
      return i >= 0 ? (this.messages.splice(i, 1)[0] as Extract<ServerToStaff, { type: T }>) : undefined;
    }, timeoutMs, `no "${type}" message`);
  }

  async delta<T extends DashboardDelta['type']>(type: T, match: (d: Extract<DashboardDelta, { type: T }>) => boolean = () => true, timeoutMs = 3000): Promise<Extract<DashboardDelta, { type: T }>> {
    return this.wait(() => {
      const i = this.deltas.findIndex((d) => d.type === type && match(d as Extract<DashboardDelta, { type: T }>));
      return i >= 0 ? (this.deltas.splice(i, 1)[0] as Extract<DashboardDelta, { type: T }>) : undefined;
    }, timeoutMs, `no matching "${type}" delta`);
  }

  async subscribe(sessionId: number): Promise<DashboardSnapshot> {
    this.send({ type: 'subscribe', sessionId });
    return (await this.next('snapshot')).snapshot;
  }

  received(): DashboardDelta[] {
    return [...this.deltas];
  }

  private wait<R>(take: () => R | undefined, timeoutMs: number, what: string): Promise<R> {
    const found = take();
    if (found !== undefined) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new Error(`${what} within ${timeoutMs} ms; deltas: ${JSON.stringify(this.deltas.map((d) => d.type))}, messages: ${JSON.stringify(this.messages.map((m) => m.type))}`));
      }, timeoutMs);
      const check = () => {
        const r = take();
        if (r !== undefined) {
          clearTimeout(timer);
          resolve(r);
        } else this.waiters.push(check);
      };
      this.waiters.push(check);
    });
  }
}

export async function staffSocket(app: App, cookie: string): Promise<StaffInbox> {
  let inbox: StaffInbox | undefined;
  await app.injectWS(socketPath(), { headers: { cookie } }, { onInit: (socket: WebSocket) => void (inbox = new StaffInbox(socket)) });
  return inbox!;
}

export function post(app: App, login: Login, url: string, payload: unknown = {}) {
  return app.inject({ method: 'POST', url, headers: login.headers, payload: payload as Record<string, unknown> });
}
