import type { NewCandidateLine } from './types.js';

export type CandidateListResult = { ok: true; candidates: NewCandidateLine[] } | { ok: false; line: number; problem: 'minutes' };

/**
 * Reads the candidate list an admin pastes from a spreadsheet: one line per candidate,
 * "workstation; name; extra minutes" (semicolons or tabs), blank lines ignored.
 */
export function parseCandidateList(text: string): CandidateListResult {
  const candidates: NewCandidateLine[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line) continue;
    const [workstation = '', fullName = '', minutes = ''] = line.split(/[;\t]/).map((part) => part.trim());
    const entry: NewCandidateLine = {};
    if (workstation) entry.workstation = workstation;
    if (fullName) entry.fullName = fullName;
    if (minutes) {
      const n = Number(minutes);
      if (!Number.isInteger(n) || n < 0 || n > 240) return { ok: false, line: i + 1, problem: 'minutes' };
      entry.accommodationMinutes = n;
    }
    candidates.push(entry);
  }
  return { ok: true, candidates };
}
