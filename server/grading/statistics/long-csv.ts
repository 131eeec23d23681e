// The long-format CSV for Rasch (or any item response) analysis elsewhere: one row per candidate,
// key point and finished reading, in the French spreadsheet format of the other exports
// (server/common/csv.ts). Scores are 0 / 0.5 / 1 (an empty answer 0); a Rasch partial credit model
// reads them as categories 0 / 1 / 2 (twice the score).
import { toCsv, type CsvValue } from '../../common/csv.js';
import { translate } from '../../contract/i18n/catalogue.js';
import type { Language } from '../../contract/i18n/format.js';
import type { LongRow } from './session-evidence.js';

const columns = ['session', 'candidate', 'packDigest', 'section', 'question', 'keyPoint', 'keyPointText', 'reading', 'settling', 'answered', 'judgement', 'score'] as const;

export function longCsv(rows: readonly LongRow[], lang: Language): string {
  const w = (key: (typeof columns)[number] | 'yes' | 'no' | 'found' | 'partly' | 'missing') => translate(lang, `statistics.csv.${key}`);
  const yes = (b: boolean) => w(b ? 'yes' : 'no');
  const lines: CsvValue[][] = [columns.map((c) => w(c))];
  for (const r of rows) {
    lines.push([r.sessionId, r.candidateCode, r.packDigest, r.sectionId, r.questionId, r.keyPointId, r.keyPointText, r.reading, yes(r.settling), yes(r.answered), r.judgement === null ? '' : w(r.judgement), r.score]);
  }
  return toCsv(lines);
}
