import { describe, expect, it } from 'vitest';
import { renderReportPage } from '../../../server/proctor/report-page.js';
import { candidatesCsv, eventsCsv, incidentsCsv } from '../../../server/proctor/report-csv.js';
import { renderSlipsPage } from '../../../server/proctor/slips.js';
import type { SessionReport } from '../../../server/proctor/report.js';
import { auditActions, eventKinds, rawKeys } from '../contract/catalogue-coverage.js';

// A printed page must never show a key of the catalogue, nor an audit action or event kind that
// a label failed to name (the report once printed "grading.distributed"). The report below holds
// every action the server writes to the audit log and every kind of supervision event.

const at = new Date(2026, 5, 12, 9, 0, 0).getTime();
const report: SessionReport = {
  generatedAt: at + 3_600_000,
  timeZone: 'Europe/Paris',
  session: { id: 7, code: 'ABCD-EF', title: 'Session de juin', room: 'B12', state: 'ended', packId: 'devops-title-qp', packTitle: { fr: 'Questionnaire', en: 'Questionnaire' }, packDigest: 'ab'.repeat(32), durationMs: 1_800_000, createdAt: at - 600_000, startedAt: at, endedAt: at + 1_800_000, sebConfigKeySet: true },
  proctors: [{ name: 'Camille Martin', username: 'surveillant' }],
  pauses: [{ candidateId: null, candidateCode: null, startedAt: at + 60_000, endedAt: at + 120_000, reason: 'Alarme', by: 'Camille Martin' }],
  extensions: [
    { candidateId: 1, candidateCode: 'ABCD-EFGH', at: at - 60_000, durationMs: 600_000, kind: 'accommodation', reason: 'Tiers-temps', by: 'Camille Martin' },
    { candidateId: 2, candidateCode: 'BCDE-FGHJ', at: at + 300_000, durationMs: 180_000, kind: 'incident', reason: 'Écran figé', by: 'Camille Martin' },
  ],
  interruptions: [{ from: at + 400_000, to: at + 580_000, paused: false, candidates: [{ candidateId: 1, candidateCode: 'ABCD-EFGH', lostMs: 180_000 }] }],
  incidents: [{ id: 1, at: at + 300_000, candidateId: 2, candidateCode: 'BCDE-FGHJ', text: 'Écran figé', by: 'Camille Martin' }],
  messages: [{ id: 1, sentAt: at + 900_000, candidateCode: null, text: 'Cinq minutes.', recipients: 2, acknowledged: 1, by: 'Camille Martin' }],
  actions: auditActions.map((action, i) => ({
    at: at + i * 1000,
    by: 'Camille Martin',
    action,
    candidateCode: action.startsWith('candidate.') ? 'ABCD-EFGH' : null,
    detail: action === 'candidate.extra-time' ? { durationMs: 600_000, kind: 'accommodation', reason: 'Tiers-temps' } : action === 'candidate.moved' ? { from: 'PC-01', to: 'PC-09' } : action.endsWith('.paused') ? { reason: 'Alarme' } : {},
  })),
  candidates: [
    {
      candidateId: 1, code: 'ABCD-EFGH', workstation: 'PC-09', present: true, absentMarkedAt: null, firstLoginAt: at - 120_000, moves: [{ at: at + 200_000, from: 'PC-01', to: 'PC-09' }],
      submittedAt: at + 1_700_000, submitKind: 'candidate', receiptDigest: 'cd'.repeat(32), extraMs: 600_000, answered: 6, words: 412, lateSaves: 1,
      events: Object.fromEntries(eventKinds.map((kind) => [kind, 1])), focusAwayMs: 12_000, pastes: { document: 1, ownAnswer: 1, outside: 1, outsideChars: 80 }, recoveredQuestions: ["q1"], incidents: 0,
    },
    {
      candidateId: 2, code: 'BCDE-FGHJ', workstation: 'PC-02', present: true, absentMarkedAt: null, firstLoginAt: at - 100_000, moves: [],
      submittedAt: at + 1_800_000, submitKind: 'deadline', receiptDigest: 'ef'.repeat(32), extraMs: 180_000, answered: 1, words: 1, lateSaves: 0,
      events: {}, focusAwayMs: 0, pastes: { document: 0, ownAnswer: 0, outside: 0, outsideChars: 0 }, recoveredQuestions: [], incidents: 1,
    },
    {
      candidateId: 3, code: 'CDEF-GHJK', workstation: 'PC-03', present: false, absentMarkedAt: at - 30_000, firstLoginAt: null, moves: [],
      submittedAt: null, submitKind: null, receiptDigest: null, extraMs: 0, answered: 0, words: 0, lateSaves: 0,
      events: {}, focusAwayMs: 0, pastes: { document: 0, ownAnswer: 0, outside: 0, outsideChars: 0 }, recoveredQuestions: [], incidents: 0,
    },
  ],
  totals: { candidates: 3, present: 2, absent: 1, submitted: 2, events: {} },
  audit: { closingDigest: '12'.repeat(32), closingAt: at + 1_800_000, headDigest: '34'.repeat(32), rows: 42, intact: true, brokenAt: null },
};
const events = eventKinds.map((kind, i) => ({ at: at + i * 500, candidateCode: 'ABCD-EFGH', workstation: 'PC-09', kind, detail: { candidateId: 1 } }));

describe('printed pages show words, never keys', () => {
  it('finds a raw key when there is one', () => {
    expect(rawKeys('Action : grading.distributed · report.title · lectern.lan · 1.5')).toEqual(['grading.distributed', 'report.title']);
  });

  for (const lang of ['fr', 'en'] as const) {
    it(`names every audit action and event kind in the session report (${lang})`, () => {
      const page = renderReportPage(report, lang);
      expect(auditActions.length).toBeGreaterThanOrEqual(28);
      expect(rawKeys(page)).toEqual([]);
      expect(page).toContain(lang === 'fr' ? 'Copies réparties entre les correcteurs' : 'Scripts shared out among the correctors');
    });

    it(`counts in the right plural form in the session report (${lang})`, () => {
      const page = renderReportPage(report, lang);
      expect(page).toContain(lang === 'fr' ? '<strong>1</strong> absent ·' : '<strong>1</strong> absent ·');
      expect(page).toContain(lang === 'fr' ? '<strong>2</strong> présents' : '<strong>2</strong> present');
      expect(page).toContain(lang === 'fr' ? '1 · 1 mot</td>' : '1 · 1 word</td>');
      expect(page).toContain(lang === 'fr' ? '0 · 0 mot</td>' : '0 · 0 words</td>');
    });

    it(`names every column, action and event in the CSV files (${lang})`, () => {
      for (const csv of [candidatesCsv(report, lang), incidentsCsv(report, lang), eventsCsv(report, events, lang)]) expect(rawKeys(csv)).toEqual([]);
    });

    it(`prints the login slips in words (${lang})`, async () => {
      const page = await renderSlipsPage({ title: 'Session de juin', room: 'B12', code: 'ABCD-EF', packTitle: { fr: 'Questionnaire', en: 'Questionnaire' } }, [{ code: 'ABCD-EFGH', workstation: 'PC-01' }, { code: 'BCDE-FGHJ', workstation: null }], { choices: ['http://lectern.lan:8080'], chosen: 'http://lectern.lan:8080', refused: null }, lang);
      expect(rawKeys(page)).toEqual([]);
      expect(page).toContain(lang === 'fr' ? 'Code candidat' : 'Candidate code');
    });
  }
});
