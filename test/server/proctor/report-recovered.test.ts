import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, startSession, type TestApp } from '../../helpers/build-app.js';
import { kioskSocket, loginAll, post, supervisedRoom } from './helpers.js';
import type { SessionReport } from '../../../server/proctor/report.js';

// Answers a workstation sent again to a server restored from an older backup (issue 10, items 1
// and 3): the session report names, per candidate, how many sends and which questions.

let t: TestApp;
beforeEach(async () => {
  t = await buildTestApp();
});
afterEach(async () => {
  await t.close();
});

describe('answers recovered from the workstations in the session report', () => {
  it('counts the sends and names each question once, for the candidate whose kiosk sent them; the page prints them in French and English', async () => {
    const room = await supervisedRoom(t.app, 2);
    const sid = room.session.id;
    const [c1, c2] = room.session.candidates;
    const logins = await loginAll(t.app, { session: { code: room.session.code, candidates: [c1!, c2!] } });
    await startSession(t.app, room.adminLogin, sid);
    const [q1, q2] = t.app.packs.questions('devops-title-qp').map((q) => q.question.id);
    const kiosk = await kioskSocket(t.app, logins[0]!.cookie);
    await kiosk.next('clock');
    kiosk.send({ type: 'supervision', kind: 'answer-recovered', detail: { question: q2!, revision: 7, length: 120 } });
    kiosk.send({ type: 'supervision', kind: 'answer-recovered', detail: { question: q1!, revision: 4, length: 40 } });
    kiosk.send({ type: 'supervision', kind: 'answer-recovered', detail: { question: q2!, revision: 9, length: 150 } });
    await new Promise((r) => setTimeout(r, 150));
    await post(t.app, room.proctorLogin, `/api/sessions/${sid}/end`);

    const response = await t.app.inject({ method: 'GET', url: `/api/sessions/${sid}/report`, headers: room.proctorLogin.headers });
    expect(response.statusCode).toBe(200);
    const byId = new Map(response.json<SessionReport>().candidates.map((c) => [c.candidateId, c]));
    expect(byId.get(c1!.id)!.events['answer-recovered']).toBe(3);
    expect(byId.get(c1!.id)!.recoveredQuestions).toEqual([q1!, q2!].sort());
    expect(byId.get(c2!.id)!.events['answer-recovered']).toBeUndefined();
    expect(byId.get(c2!.id)!.recoveredQuestions).toEqual([]);

    for (const [lang, heading] of [
      ['fr', 'Réponses récupérées des postes'],
      ['en', 'Answers recovered from the workstations'],
    ] as const) {
      const page = (await t.app.inject({ method: 'GET', url: `/proctor/sessions/${sid}/report?lang=${lang}`, headers: room.proctorLogin.headers })).body;
      const section = /<section class="recovered">([\s\S]*?)<\/section>/.exec(page)?.[1] ?? '';
      expect(section).toContain(heading);
      const rows = [...section.matchAll(/<tr><td>[^<]*<\/td><td class="code">([^<]+)<\/td><td>(\d+)<\/td><td>([^<]*)<\/td><\/tr>/g)].map((m) => [m[1], m[2], m[3]]);
      expect(rows).toEqual([[c1!.code, '3', [q1!, q2!].sort().join(', ')]]);
    }
  });

  it('says none were recovered when no workstation sent any', async () => {
    const room = await supervisedRoom(t.app, 1);
    await startSession(t.app, room.adminLogin, room.session.id);
    await post(t.app, room.proctorLogin, `/api/sessions/${room.session.id}/end`);
    const page = (await t.app.inject({ method: 'GET', url: `/proctor/sessions/${room.session.id}/report?lang=fr`, headers: room.proctorLogin.headers })).body;
    expect(/<section class="recovered">([\s\S]*?)<\/section>/.exec(page)?.[1]).toContain('Aucune : le serveur n’a perdu aucune réponse.');
  });
});
