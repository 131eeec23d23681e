// The centre's candidate list in and out of a session: a file read into the candidates to create
// (extra time in minutes of the session's pack), and the session's candidates written back in the
// same columns, with the login code beside them.
import type { Pack } from '../content/pack-types.js';
import type { Language } from '../contract/i18n/format.js';
import { translate } from '../contract/i18n/catalogue.js';
import { formatCode } from '../contract/rules/code-format.js';
import { toCsv } from '../common/csv.js';
import { userError } from '../errors.js';
import type { CandidateListRow } from './candidates.repo.js';
import { accommodationMinutes } from './sessions-accommodation.js';
import { readCandidateFile } from './sessions-csv.js';
import type { NewCandidate } from './sessions.js';

/** The candidates of a file, or a 400 listing every faulty line (nothing is created). */
export function candidatesFromFile(bytes: Uint8Array, pack: Pack): NewCandidate[] {
  const read = readCandidateFile(bytes);
  if (!read.ok) {
    const lines = read.problems.map((p) => `line ${p.line}: ${p.code}${p.column ? ` (${p.column})` : ''}${p.value ? ` "${p.value}"` : ''}`);
    throw userError(400, 'bad-candidate-file', `The candidate file has ${read.problems.length} problem(s); nothing was imported. ${lines.join('; ')}.`, { problems: read.problems });
  }
  return read.candidates.map((c) => ({
    workstation: c.workstation,
    fullName: `${c.lastName} ${c.firstName}`,
    accommodationMinutes: accommodationMinutes(c.accommodation, pack.durationMinutes),
    accommodationReason: c.reason,
    fromList: { lastName: c.lastName, firstName: c.firstName, candidateNumber: c.candidateNumber },
  }));
}

/** The session's list as the centre's spreadsheet reads it (';', UTF-8 with its mark): importable again as it is. */
export function candidateListCsv(rows: CandidateListRow[], accommodations: { candidateId: number; durationMs: number; reason: string }[], language: Language): string {
  const w = (key: Parameters<typeof translate>[1]) => translate(language, key);
  const header = [w('sessions.csv.column.lastName'), w('sessions.csv.column.firstName'), w('sessions.csv.column.candidateNumber'), w('sessions.csv.column.workstation'), w('sessions.csv.column.accommodation'), w('sessions.csv.column.reason'), w('sessions.csv.column.loginCode')];
  const lines = rows.map((r) => {
    const own = accommodations.filter((a) => a.candidateId === r.id);
    const minutes = Math.round(own.reduce((n, a) => n + a.durationMs, 0) / 60_000);
    return [r.lastName ?? r.fullName ?? '', r.firstName ?? '', r.candidateNumber ?? '', r.workstation ?? '', minutes > 0 ? `${minutes} min` : '', own.map((a) => a.reason).join(' / '), formatCode(r.code)];
  });
  return toCsv([header, ...lines]);
}
