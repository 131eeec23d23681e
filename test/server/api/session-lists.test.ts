import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { buildTestApp, createStaff, loginStaff, type Login, type TestApp } from '../../helpers/build-app.js';
import { candidateIdentities, timeExtensions } from '../../../server/db/schema/exam-sessions.js';

// Item 5 of issue 11: a session opened from the centre's CSV list, exported back the same way.

let t: TestApp;
let admin: Login;
beforeEach(async () => {
  t = await buildTestApp();
  const account = await createStaff(t.app, 'admin', 'chef');
  admin = await loginStaff(t.app, account.username, account.password);
});
afterEach(async () => {
  await t.close();
});

const list = 'Nom;Prénom;Numéro de candidat;Poste;Aménagement;Motif\r\nMartin;Jeanne;2025-001;PC-01;1/3;Dyslexie\r\nDurand;Éloïse;2025-002;PC-02;;\r\n';
const open = (bytes: Uint8Array) =>
  t.app.inject({ method: 'POST', url: '/api/sessions', headers: admin.headers, payload: { packId: 'devops-title-qp', room: 'B12', candidatesCsv: Buffer.from(bytes).toString('base64') } });

describe('a session from the centre’s CSV list', () => {
  it('creates the candidates with their workstations, names and accommodation (a third of 60 minutes), and exports them back importable', async () => {
    const r = await open(iconv.encode(list, 'win1252'));
    expect(r.statusCode).toBe(200);
    const session = r.json<{ id: number; candidates: { id: number; code: string; workstation: string }[] }>();
    expect(session.candidates.map((c) => c.workstation)).toEqual(['PC-01', 'PC-02']);
    const names = t.app.db.select().from(candidateIdentities).all();
    expect(names.map((n) => [n.fullName, n.lastName, n.firstName, n.candidateNumber])).toEqual([
      ['Martin Jeanne', 'Martin', 'Jeanne', '2025-001'],
      ['Durand Éloïse', 'Durand', 'Éloïse', '2025-002'],
    ]);
    expect(t.app.db.select().from(timeExtensions).all().map((e) => [e.candidateId, e.durationMs, e.kind, e.reason])).toEqual([[session.candidates[0]!.id, 20 * 60_000, 'accommodation', 'Dyslexie']]);

    const exported = await t.app.inject({ url: `/api/sessions/${session.id}/candidates.csv`, headers: admin.headers });
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toBe('text/csv; charset=utf-8');
    const lines = exported.body.split('\r\n');
    expect(lines[0]).toBe('\uFEFFNom;Prénom;Numéro de candidat;Poste;Aménagement;Motif;Code de connexion');
    expect(lines[1]).toBe(`Martin;Jeanne;2025-001;PC-01;20 min;Dyslexie;${session.candidates[0]!.code}`);
    expect(lines[2]).toBe(`Durand;Éloïse;2025-002;PC-02;;;${session.candidates[1]!.code}`);
    // The export opens a second session as it is.
    const again = await open(new TextEncoder().encode(exported.body));
    expect(again.statusCode).toBe(200);
    expect(t.app.db.select().from(timeExtensions).all().map((e) => e.durationMs)).toEqual([20 * 60_000, 20 * 60_000]);
  });

  it('refuses a faulty file with every faulty line and creates nothing', async () => {
    const faulty = 'Nom;Prénom;Numéro;Poste;Aménagement;Motif\nMartin;Jeanne;1;PC-01;;\nPetit;Paul;1;PC-01;beaucoup;x\n';
    const r = await open(new TextEncoder().encode(faulty));
    expect(r.statusCode).toBe(400);
    expect(r.json().error).toMatchObject({
      code: 'bad-candidate-file',
      problems: [
        { line: 3, code: 'unknown-accommodation', value: 'beaucoup' },
        { line: 3, code: 'duplicate-candidate', value: '1', otherLine: 2 },
        { line: 3, code: 'workstation-twice', value: 'PC-01', otherLine: 2 },
      ],
    });
    expect(t.app.exam.sessions()).toEqual([]);
    expect(t.app.db.select().from(candidateIdentities).all()).toEqual([]);
  });

  it('lets a proctor of another session not read the list', async () => {
    const r = await open(new TextEncoder().encode(list));
    const proctor = await createStaff(t.app, 'proctor');
    const login = await loginStaff(t.app, proctor.username, proctor.password);
    const refused = await t.app.inject({ url: `/api/sessions/${r.json<{ id: number }>().id}/candidates.csv`, headers: login.headers });
    expect(refused.statusCode).toBe(403);
  });
});
