// The server's interruptions as the report prints them: from the last heartbeat to the restart,
// and for each candidate who was writing, the time their clock ran on while no kiosk could save
// (none when the session was paused: the clocks were frozen). Pure, from the recorded details.
import { formatCode } from '../contract/rules/code-format.js';
import type { SessionReport } from '../contract/proctor.js';
import { parseDetail } from './feed-items.js';

const numbers = (value: unknown): number[] => (Array.isArray(value) ? value.filter((v): v is number => typeof v === 'number') : []);

export function reportInterruptions(rows: readonly { detail: string }[], codes: ReadonlyMap<number, string>): SessionReport['interruptions'] {
  return rows.map((row) => {
    const d = parseDetail(row.detail);
    const from = Number(d['from'] ?? 0);
    const to = Number(d['to'] ?? 0);
    const paused = d['paused'] === true;
    return {
      from,
      to,
      paused,
      candidates: numbers(d['candidateIds']).map((candidateId) => ({ candidateId, candidateCode: formatCode(codes.get(candidateId) ?? '?'), lostMs: paused ? 0 : Math.max(0, to - from) })),
    };
  });
}
