// The paper sealed in the waiting room (server/exam/sealed-paper.ts): what a kiosk holds before
// the start cannot be read, the start's frame opens it, and what it opens is the paper and the
// documents the kiosk would have fetched. Real app, real SQLite file, real kiosk sockets.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, loginCandidate, startSession, type Login, type TestApp } from '../../helpers/build-app.js';
import { kioskSocket, loginAll, supervisedRoom } from '../proctor/helpers.js';
import type { AttemptView, DocumentView } from '../../../server/contract/attempt.js';
import type { SealedPaperView } from '../../../server/contract/sealed-paper.js';
import { openSealedPaper } from '../../helpers/sealed-paper.js';
import { SealedPapers } from '../../../server/exam/sealed-paper.js';

let t: TestApp;
beforeEach(async () => {
  t = await buildTestApp();
});
afterEach(async () => {
  await t.close();
});

const get = (login: Login, url: string, headers: Record<string, string> = {}) => t.app.inject({ url, headers: { cookie: login.cookie, ...headers } });
const acknowledge = (login: Login) => t.app.inject({ method: 'POST', url: '/api/attempt/notice', headers: login.headers, payload: {} });

describe('the paper sealed in the waiting room', () => {
  it('is held unreadable before the start, opened by the start frame’s key, and is the paper and documents the kiosk would fetch', async () => {
    const room = await supervisedRoom(t.app, 2);
    const [loginA, loginB] = (await loginAll(t.app, room)) as [Login, Login];

    // Only after the monitoring notice, as the documents.
    const early = await get(loginA, '/api/attempt/sealed-paper');
    expect(early.statusCode).toBe(403);
    expect(early.json()).toMatchObject({ error: { code: 'notice-not-acknowledged' } });
    await acknowledge(loginA);
    await acknowledge(loginB);

    const sealedA = await get(loginA, '/api/attempt/sealed-paper');
    expect(sealedA.statusCode).toBe(200);
    expect(sealedA.headers['cache-control']).toBe('private, no-cache');
    const view = sealedA.json<SealedPaperView>();
    // The whole room holds the same bytes, and a kiosk that holds them gets a 304.
    expect((await get(loginB, '/api/attempt/sealed-paper')).json<SealedPaperView>()).toEqual(view);
    const again = await get(loginA, '/api/attempt/sealed-paper', { 'if-none-match': sealedA.headers.etag as string });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');

    // Nothing of the questions or the document can be read from what the kiosk holds.
    const pack = t.app.packs.get('devops-title-qp')!;
    const held = Buffer.from(view.sealed, 'base64').toString('latin1') + view.sealed;
    for (const q of pack.sections.flatMap((s) => s.questions)) expect(held).not.toContain(q.promptHtml.replace(/<[^>]+>/g, '').slice(0, 24));
    expect(held).not.toContain('systemd');

    const kioskA = await kioskSocket(t.app, loginA.cookie);
    await kioskA.next('clock');
    await startSession(t.app, room.adminLogin, room.session.id);
    const started = await kioskA.next('session-started');
    expect(started.paperKey?.keyId).toBe(view.keyId);
    const opened = openSealedPaper(view, started.paperKey!);

    // What the kiosk would have fetched after the start: the same paper, the same documents.
    const attempt = (await get(loginA, '/api/attempt')).json<AttemptView>();
    expect(opened.paper).toEqual(attempt.pack);
    expect(opened.paper.sections.flatMap((s) => s.questions).length).toBeGreaterThan(0);
    const withDocument = attempt.pack.sections.filter((s) => s.hasDocument);
    expect(opened.documents.map((d) => d.sectionId)).toEqual(withDocument.map((s) => s.id));
    for (const section of withDocument) {
      const fetched = (await get(loginA, `/api/attempt/sections/${section.id}/document`)).json<DocumentView>();
      const sealedDocument = opened.documents.find((d) => d.sectionId === section.id)!;
      expect(sealedDocument.toc).toEqual(fetched.toc);
      // The images are inlined: the same document once each image's address is its content.
      const svg = readFileSync(join(pack.dir, 'diagram.svg')).toString('base64');
      expect(fetched.html).toContain('src="/api/packs/devops-title-qp/assets/diagram.svg"');
      expect(sealedDocument.html).toBe(fetched.html.replace('src="/api/packs/devops-title-qp/assets/diagram.svg"', `src="data:image/svg+xml;base64,${svg}"`));
    }

    // Once started, there is no sealed paper: a kiosk fetches the paper itself.
    const late = await get(loginB, '/api/attempt/sealed-paper');
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ error: { code: 'already-started' } });
  });

  it('starts a room without a key when no kiosk fetched a sealed paper (the kiosks fetch the paper)', async () => {
    const room = await supervisedRoom(t.app, 1);
    const [a] = room.session.candidates;
    const login = await loginCandidate(t.app, room.session.code, a!.code, a!.workstation);
    await acknowledge(login);
    const kiosk = await kioskSocket(t.app, login.cookie);
    await kiosk.next('clock');
    await startSession(t.app, room.adminLogin, room.session.id);
    const started = await kiosk.next('session-started');
    expect(started.paperKey).toBeUndefined();
    expect(started.clock?.sessionState).toBe('running');
  });

  it('gives a key once, only for the pack version it sealed, and a new server run seals with a new key', () => {
    const pack = t.app.packs.get('devops-title-qp')!;
    const papers = new SealedPapers();
    const view = papers.forSession(7, pack);
    expect(papers.forSession(7, pack)).toBe(view);
    expect(papers.forSession(8, pack).keyId).not.toBe(view.keyId);
    const key = papers.takeKey(7, pack);
    expect(key?.keyId).toBe(view.keyId);
    expect(() => openSealedPaper(view, key!)).not.toThrow();
    expect(papers.takeKey(7, pack)).toBeNull();
    // Another pack version under the same session (a pack loaded again with other content): no key.
    papers.forSession(9, pack);
    expect(papers.takeKey(9, { ...pack, digest: 'f'.repeat(64) })).toBeNull();
    // A restarted server holds none of the earlier keys, and another key does not open the paper.
    const restarted = new SealedPapers();
    expect(restarted.takeKey(8, pack)).toBeNull();
    const other = restarted.forSession(8, pack);
    expect(() => openSealedPaper(view, restarted.takeKey(8, pack)!)).toThrow();
    expect(other.keyId).not.toBe(view.keyId);
  });
});
