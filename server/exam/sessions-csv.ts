// The candidate list of a session, as a centre's spreadsheet saves it: ';' or ',' between fields,
// UTF-8 with or without a byte-order mark, or Windows-1252 (Excel's "CSV" on a French Windows).
// Columns are found by their heading, in French or English, in any order: last name, first name,
// candidate number, workstation, and optionally an accommodation (a fraction or minutes) with its
// reason. Every faulty line is reported at once, so the file is corrected in one go; a file with
// any problem imports nothing.
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import type { CsvProblem, CsvProblemCode } from '../contract/sessions.js';
import { readAccommodation, type Accommodation } from './sessions-accommodation.js';

export const csvColumns = ['lastName', 'firstName', 'candidateNumber', 'workstation', 'accommodation', 'reason'] as const;
export type CsvColumn = (typeof csvColumns)[number];
const required: readonly CsvColumn[] = ['lastName', 'firstName', 'candidateNumber', 'workstation'];
const maxLength: Record<CsvColumn, number> = { lastName: 100, firstName: 100, candidateNumber: 32, workstation: 64, accommodation: 40, reason: 200 };
export const MAX_CANDIDATES = 500;

/** Headings as people write them, compared without case, accents, spaces or punctuation. */
const headings: Record<CsvColumn, string[]> = {
  lastName: ['nom', 'nomdefamille', 'nomdenaissance', 'nomusuel', 'lastname', 'surname', 'familyname'],
  firstName: ['prenom', 'prenoms', 'firstname', 'givenname'],
  candidateNumber: ['numero', 'numerodecandidat', 'numerocandidat', 'ncandidat', 'nocandidat', 'numcandidat', 'matricule', 'numerodinscription', 'candidatenumber', 'number'],
  workstation: ['poste', 'postedetravail', 'pc', 'workstation'],
  accommodation: ['amenagement', 'amenagements', 'tempssupplementaire', 'tierstemps', 'accommodation', 'extratime'],
  reason: ['motif', 'motifdelamenagement', 'motifamenagement', 'raison', 'reason'],
};

export interface ImportedCandidate {
  lastName: string;
  firstName: string;
  candidateNumber: string;
  workstation: string;
  accommodation: Accommodation;
  /** As written in the file, for the audit and the export. */
  accommodationText: string;
  reason: string;
}

export type CandidateFileResult = { ok: true; candidates: ImportedCandidate[]; separator: ';' | ','; encoding: 'utf-8' | 'windows-1252' } | { ok: false; problems: CsvProblem[] };

/** A faulty line and what is wrong with it (its placeholders in `details`). */
const problem = (line: number, code: CsvProblemCode, details: Omit<CsvProblem, 'line' | 'code'> = {}): CsvProblem => ({ line, code, ...details });

const squash = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]/g, '');

/** UTF-8 (with its byte-order mark or without), else Windows-1252: a byte sequence that is not UTF-8 is Excel's ANSI. */
export function decodeCandidateFile(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'windows-1252' } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(Buffer.from(bytes), 'win1252'), encoding: 'windows-1252' };
  }
}

/** The separator of the heading line: the one of ';' and ',' that splits it into more fields. */
function separatorOf(headingLine: string): ';' | ',' | null {
  const count = (sep: string) => headingLine.split(sep).length - 1;
  const semicolons = count(';');
  const commas = count(',');
  if (semicolons === 0 && commas === 0) return null;
  return semicolons >= commas ? ';' : ',';
}

/** Which column of the file holds each field; the problems of the heading line. */
function mapHeadings(cells: string[]): { columns: Map<CsvColumn, number>; problems: CsvProblem[] } {
  const columns = new Map<CsvColumn, number>();
  cells.forEach((cell, index) => {
    const found = csvColumns.find((c) => headings[c].includes(squash(cell)));
    if (found && !columns.has(found)) columns.set(found, index);
  });
  const problems = required.filter((c) => !columns.has(c)).map((column) => problem(1, 'missing-column', { column }));
  return { columns, problems };
}

interface Row {
  line: number;
  cells: string[];
}

function isRecordWithInfo(value: unknown): value is { record: string[]; info: { lines: number } } {
  if (typeof value !== 'object' || value === null || !('record' in value) || !('info' in value)) return false;
  const info = value.info;
  return Array.isArray(value.record) && typeof info === 'object' && info !== null && 'lines' in info && typeof info.lines === 'number';
}

function rowsOf(text: string, separator: ';' | ','): Row[] | CsvProblem {
  try {
    // With `info`, csv-parse gives each record with the line it ends on (its types do not say so).
    const records: unknown[] = parse(text, { delimiter: separator, relax_column_count: true, skip_empty_lines: true, info: true, trim: true, bom: true });
    return records.filter(isRecordWithInfo).map((r) => ({ line: r.info.lines, cells: r.record }));
  } catch (err) {
    const line = typeof (err as { lines?: unknown }).lines === 'number' ? (err as { lines: number }).lines : 1;
    return problem(line, 'unreadable', { value: (err as Error).message.slice(0, 200) });
  }
}

/** Reads and checks the whole file: the candidates, or every problem with its line number. */
export function readCandidateFile(bytes: Uint8Array): CandidateFileResult {
  const { text, encoding } = decodeCandidateFile(bytes);
  const textLines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const firstLine = textLines.find((l) => l.trim() !== '') ?? '';
  const separator = separatorOf(firstLine);
  if (!firstLine) return { ok: false, problems: [problem(1, 'no-candidates')] };
  // Neither ';' nor ',' (a tab, a '|'): every line is faulty, and each is listed.
  if (!separator) return { ok: false, problems: textLines.flatMap((l, i) => (l.trim() === '' ? [] : [problem(i + 1, 'wrong-separator')])) };
  const rows = rowsOf(text, separator);
  if (!Array.isArray(rows)) return { ok: false, problems: [rows] };
  const [heading, ...lines] = rows;
  const { columns, problems } = mapHeadings(heading?.cells ?? []);
  if (problems.length > 0) return { ok: false, problems };
  if (lines.length === 0) return { ok: false, problems: [problem(1, 'no-candidates')] };
  if (lines.length > MAX_CANDIDATES) return { ok: false, problems: [problem(lines[MAX_CANDIDATES]!.line, 'too-many-candidates', { expected: MAX_CANDIDATES })] };
  const checked = checkRows(lines, heading!.cells.length, columns);
  return checked.problems.length > 0 ? { ok: false, problems: checked.problems } : { ok: true, candidates: checked.candidates, separator, encoding };
}

/** Each line on its own (values, lengths, accommodation), then across lines (numbers and workstations used twice). */
function checkRows(lines: Row[], width: number, columns: Map<CsvColumn, number>): { candidates: ImportedCandidate[]; problems: CsvProblem[] } {
  const problems: CsvProblem[] = [];
  const candidates: ImportedCandidate[] = [];
  const numbers = new Map<string, number>();
  const workstations = new Map<string, number>();
  for (const { line, cells } of lines) {
    if (cells.length !== width) {
      problems.push(problem(line, 'column-count', { expected: width, found: cells.length }));
      continue;
    }
    const cell = (c: CsvColumn) => (columns.has(c) ? (cells[columns.get(c)!] ?? '').trim() : '');
    const before = problems.length;
    for (const c of required) if (cell(c) === '') problems.push(problem(line, 'missing-value', { column: c }));
    for (const c of csvColumns) if (cell(c).length > maxLength[c]) problems.push(problem(line, 'too-long', { column: c, expected: maxLength[c] }));
    const accommodation = readAccommodation(cell('accommodation'));
    if (!accommodation) problems.push(problem(line, 'unknown-accommodation', { value: cell('accommodation') }));
    else if (accommodation.kind !== 'none' && cell('reason') === '') problems.push(problem(line, 'accommodation-without-reason'));
    const number = cell('candidateNumber').toLowerCase();
    const workstation = cell('workstation').toLowerCase();
    if (number && numbers.has(number)) problems.push(problem(line, 'duplicate-candidate', { value: cell('candidateNumber'), otherLine: numbers.get(number)! }));
    else if (number) numbers.set(number, line);
    if (workstation && workstations.has(workstation)) problems.push(problem(line, 'workstation-twice', { value: cell('workstation'), otherLine: workstations.get(workstation)! }));
    else if (workstation) workstations.set(workstation, line);
    if (problems.length > before || !accommodation) continue;
    candidates.push({
      lastName: cell('lastName'),
      firstName: cell('firstName'),
      candidateNumber: cell('candidateNumber'),
      workstation: cell('workstation'),
      accommodation,
      accommodationText: cell('accommodation'),
      reason: cell('reason'),
    });
  }
  return { candidates, problems };
}
