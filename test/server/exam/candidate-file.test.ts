import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { readCandidateFile } from '../../../server/exam/sessions-csv.js';
import { accommodationMinutes, readAccommodation } from '../../../server/exam/sessions-accommodation.js';
import { csvProblemCodes } from '../../../server/contract/sessions.js';
import { isMessageKey, translate } from '../../../server/contract/i18n/catalogue.js';

// The centre's candidate list as French spreadsheets save it, and the report of every faulty line.

const utf8 = (text: string) => new TextEncoder().encode(text);
const withBom = (text: string) => new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]);
const ansi = (text: string) => new Uint8Array(iconv.encode(text, 'win1252'));

const good = 'Nom;Prénom;Numéro de candidat;Poste;Aménagement;Motif\r\nMartin;Jeanne;2025-001;PC-01;1/3;Dyslexie\r\nDurand;Éloïse;2025-002;PC-02;;\r\n';

describe('reading a candidate file', () => {
  it('reads UTF-8 with and without its mark and Windows-1252 alike, accents included', () => {
    for (const bytes of [utf8(good), withBom(good), ansi(good)]) {
      const r = readCandidateFile(bytes);
      expect(r.ok).toBe(true);
      if (!r.ok) continue;
      expect(r.candidates.map((c) => [c.lastName, c.firstName, c.candidateNumber, c.workstation, c.reason])).toEqual([
        ['Martin', 'Jeanne', '2025-001', 'PC-01', 'Dyslexie'],
        ['Durand', 'Éloïse', '2025-002', 'PC-02', ''],
      ]);
      expect(r.candidates[0]!.accommodation).toEqual({ kind: 'fraction', numerator: 1, denominator: 3 });
    }
    expect(readCandidateFile(ansi(good))).toMatchObject({ encoding: 'windows-1252' });
    expect(readCandidateFile(withBom(good))).toMatchObject({ encoding: 'utf-8', separator: ';' });
  });

  it('reads commas, quoted fields, columns in any order and English headings', () => {
    const text = 'Workstation,Candidate number,First name,Last name,Accommodation,Reason\n"PC-07",42,"Anne, Marie",Dupont,20 min,"Temps de lecture"\n';
    const r = readCandidateFile(utf8(text));
    expect(r).toMatchObject({ ok: true, separator: ',' });
    if (r.ok) expect(r.candidates[0]).toMatchObject({ lastName: 'Dupont', firstName: 'Anne, Marie', candidateNumber: '42', workstation: 'PC-07', accommodation: { kind: 'minutes', minutes: 20 } });
  });

  it('reports every faulty line with its number, and nothing is read', () => {
    const text = [
      'Nom;Prénom;Numéro;Poste;Aménagement;Motif',
      'Martin;Jeanne;1;PC-01;1/3;Dyslexie',
      'Petit;Paul;1;PC-02;;',
      'Leroy;Léa;3;pc-01;;',
      'Roux;Rémi;4;PC-04;beaucoup;Fatigue',
      'Blanc;;5;PC-05;;',
      'Noir;Nina;6;PC-06;un tiers;',
      'Vert;Victor;7;PC-07',
    ].join('\r\n');
    const r = readCandidateFile(utf8(text));
    expect(r).toEqual({
      ok: false,
      problems: [
        { line: 3, code: 'duplicate-candidate', value: '1', otherLine: 2 },
        { line: 4, code: 'workstation-twice', value: 'pc-01', otherLine: 2 },
        { line: 5, code: 'unknown-accommodation', value: 'beaucoup' },
        { line: 6, code: 'missing-value', column: 'firstName' },
        { line: 7, code: 'accommodation-without-reason' },
        { line: 8, code: 'column-count', expected: 6, found: 4 },
      ],
    });
  });

  it('names a missing column and a wrong separator on every line', () => {
    expect(readCandidateFile(utf8('Nom;Prénom;Poste\nMartin;Jeanne;PC-01\n'))).toEqual({ ok: false, problems: [{ line: 1, code: 'missing-column', column: 'candidateNumber' }] });
    expect(readCandidateFile(utf8('Nom\tPrénom\tNuméro\tPoste\nMartin\tJeanne\t1\tPC-01\n\nDurand\tÉloïse\t2\tPC-02\n'))).toEqual({
      ok: false,
      problems: [
        { line: 1, code: 'wrong-separator' },
        { line: 2, code: 'wrong-separator' },
        { line: 4, code: 'wrong-separator' },
      ],
    });
    expect(readCandidateFile(utf8('Nom;Prénom;Numéro;Poste\n'))).toEqual({ ok: false, problems: [{ line: 1, code: 'no-candidates' }] });
  });

  it('words every problem in French and in English, with its line', () => {
    for (const code of csvProblemCodes) {
      const key = `sessions.csv.problem.${code}`;
      expect(isMessageKey(key), key).toBe(true);
      if (isMessageKey(key)) {
        expect(translate('fr', key, { line: 7 })).toMatch(/^Ligne 7 : /);
        expect(translate('en', key, { line: 7 })).toMatch(/^Line 7: /);
      }
    }
  });
});

describe('accommodations', () => {
  it('reads fractions, words and minutes, and turns them into minutes of the exam (rounded up)', () => {
    expect(accommodationMinutes(readAccommodation('1/3')!, 30)).toBe(10);
    expect(accommodationMinutes(readAccommodation('Un tiers')!, 45)).toBe(15);
    expect(accommodationMinutes(readAccommodation('tiers-temps')!, 100)).toBe(34);
    expect(accommodationMinutes(readAccommodation('un quart')!, 30)).toBe(8);
    expect(accommodationMinutes(readAccommodation('20')!, 30)).toBe(20);
    expect(accommodationMinutes(readAccommodation('15 minutes')!, 30)).toBe(15);
    expect(readAccommodation('')).toEqual({ kind: 'none' });
    for (const wrong of ['beaucoup', '4/3', '0/3', '500', '1/0', '-5']) expect(readAccommodation(wrong), wrong).toBeNull();
  });
});
