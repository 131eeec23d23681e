import { afterEach, describe, expect, it } from 'vitest';
import { buildTestApp, openSession, type TestApp } from '../../helpers/build-app.js';
import type { ServerToKiosk } from '../../../server/contract/kiosk-protocol.js';

// The one publisher of exam changes: what each kiosk and the dashboards hear, in order, once the
// change has committed.

let t: TestApp;
afterEach(async () => t?.close());

/** Records what the hub would send to each kiosk and every event the dashboards would hear. */
function listen(app: TestApp['app']) {
  const told: { candidateId: number; type: ServerToKiosk['type'] }[] = [];
  const frames: { candidateId: number; message: ServerToKiosk }[] = [];
  const heard: unknown[][] = [];
  app.hub.sendToCandidate = (candidateId, message) => {
    told.push({ candidateId, type: message.type });
    frames.push({ candidateId, message });
  };
  app.hub.events.on('changed', (...args) => void heard.push(['changed', ...args]));
  app.hub.events.on('message', (...args) => void heard.push(['message', ...args]));
  return { told, frames, heard };
}

describe('ExamEvents', () => {
  it('tells every kiosk of a started room, with its clock in the same frame, then the dashboards', async () => {
    t = await buildTestApp();
    const { session } = await openSession(t.app, 2);
    const [a, b] = session.candidates.map((c) => c.id) as [number, number];
    const { told, frames, heard } = listen(t.app);
    t.app.exam.start(session.id, { kind: 'system' });
    t.app.examEvents.room(session.id, 'started');
    expect(told).toEqual([
      { candidateId: a, type: 'session-started' },
      { candidateId: b, type: 'session-started' },
    ]);
    for (const { candidateId, clock } of frames.filter((f) => f.message.type === 'session-started').map((f) => ({ candidateId: f.candidateId, clock: (f.message as Extract<ServerToKiosk, { type: 'session-started' }>).clock }))) {
      expect(clock).toEqual(t.app.exam.clockView(t.app.exam.session(session.id)!, candidateId, clock!.serverNow));
      expect(clock!.sessionState).toBe('running');
    }
    expect(heard).toEqual([['changed', session.id, null, 'clock']]);
  });

  it('gives the receipts of a room ended before the clocks', async () => {
    t = await buildTestApp();
    const { session } = await openSession(t.app, 1);
    const a = session.candidates[0]!.id;
    t.app.exam.start(session.id, { kind: 'system' });
    // The candidate came (read the notice): still writing at the end, they are submitted with it.
    t.app.exam.lifecycle.acknowledgeNotice(a);
    const { told } = listen(t.app);
    const ended = t.app.exam.end(session.id, { kind: 'system' });
    t.app.examEvents.room(session.id, 'ended', ended.submitted);
    expect(told).toEqual([
      { candidateId: a, type: 'submitted' },
      { candidateId: a, type: 'clock' },
    ]);
  });

  it("sends a locked candidate the lock screen and a paused one their clock, then rebuilds the tile", async () => {
    t = await buildTestApp();
    const { session } = await openSession(t.app, 1);
    const a = session.candidates[0]!.id;
    t.app.exam.start(session.id, { kind: 'system' });
    const { told, heard } = listen(t.app);
    t.app.examEvents.candidate(session.id, a, 'locked');
    t.app.examEvents.candidate(session.id, a, 'paused');
    t.app.examEvents.candidate(session.id, a, 'moved');
    expect(told).toEqual([
      { candidateId: a, type: 'locked' },
      { candidateId: a, type: 'clock' },
    ]);
    expect(heard).toEqual([
      ['changed', session.id, a, 'locked'],
      ['changed', session.id, a, 'paused'],
      ['changed', session.id, a, 'moved'],
    ]);
  });

  it('shows a message on each recipient, then lists it on the dashboards', async () => {
    t = await buildTestApp();
    const { session } = await openSession(t.app, 2);
    const ids = session.candidates.map((c) => c.id);
    const { told, heard } = listen(t.app);
    t.app.examEvents.message(session.id, { id: 7, text: 'Ten minutes left', sentAt: 1, toAll: true, acknowledgedAt: null }, ids);
    expect(told).toEqual(ids.map((candidateId) => ({ candidateId, type: 'message' })));
    expect(heard).toEqual([['message', session.id, 7]]);
  });
});
