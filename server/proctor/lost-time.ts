// The time a candidate lost while writing, measured from what the server already records: a
// connection lost (from the last heartbeat before the loss) to its return, a lock to its unlock.
// Each period over a minute is offered to the proctor as incident time, its measure as the
// reason; a period whose very reason was already granted is marked so (issue 13, item 2).
import { translate } from '../contract/i18n/catalogue.js';
import type { Language } from '../contract/i18n/format.js';
import type { LostPeriod, LostTimeView } from '../contract/lost-time.js';
import type { LecternDb } from '../db/open-database.js';
import { formatTime } from './report-page.js';
import { LostTimeRepo, type ConnectionRow, type ControlRow } from './lost-time.repo.js';

/** Shorter breaks are the network's ordinary hiccups: the kiosk keeps typing through them. */
export const MIN_LOST_MS = 60_000;

export interface MeasuredPeriod {
  kind: LostPeriod['kind'];
  from: number;
  to: number;
}

function detailOf(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? { ...value } : {};
  } catch {
    return {};
  }
}

/** Closed periods offline and locked, in order; one still open is not measured yet. */
export function measurePeriods(connections: readonly ConnectionRow[], controls: readonly ControlRow[]): MeasuredPeriod[] {
  const periods: MeasuredPeriod[] = [];
  let lostAt: number | null = null;
  for (const row of connections) {
    if (row.kind === 'connection-lost' && lostAt === null) {
      // The candidate stopped being heard at the last heartbeat, before the loss was noticed.
      const silent = Number(detailOf(row.detail)['silentMs'] ?? 0);
      lostAt = row.at - (Number.isFinite(silent) ? silent : 0);
    } else if (row.kind === 'connection-back' && lostAt !== null) {
      periods.push({ kind: 'offline', from: lostAt, to: row.at });
      lostAt = null;
    }
  }
  let lockedAt: number | null = null;
  for (const row of controls) {
    if (row.action === 'candidate.locked' && lockedAt === null) lockedAt = row.at;
    else if (row.action === 'candidate.unlocked' && lockedAt !== null) {
      periods.push({ kind: 'locked', from: lockedAt, to: row.at });
      lockedAt = null;
    }
  }
  return periods.sort((a, b) => a.from - b.from);
}

/** The server's interruptions while this candidate was writing and the room not paused. */
export function interruptionsOf(rows: readonly { detail: string }[], candidateId: number): MeasuredPeriod[] {
  const periods: MeasuredPeriod[] = [];
  for (const row of rows) {
    const d = detailOf(row.detail);
    const ids = Array.isArray(d['candidateIds']) ? d['candidateIds'] : [];
    if (d['paused'] === true || !ids.includes(candidateId)) continue;
    periods.push({ kind: 'interrupted', from: Number(d['from'] ?? 0), to: Number(d['to'] ?? 0) });
  }
  return periods;
}

/** Minutes to grant: the measure rounded up to the half minute. */
export function minutesToGrant(ms: number): number {
  return Math.ceil(ms / 30_000) / 2;
}

export function lostReason(p: MeasuredPeriod, lang: Language): string {
  const minutes = new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 1 }).format(minutesToGrant(p.to - p.from));
  const what = translate(lang, `proctorScreens.lost.${p.kind}`);
  return translate(lang, 'proctorScreens.lost.reason', { what, from: formatTime(p.from, lang), to: formatTime(p.to, lang), minutes });
}

export class LostTimeService {
  private readonly repo: LostTimeRepo;

  constructor(db: LecternDb) {
    this.repo = new LostTimeRepo(db);
  }

  /** The candidate's periods over a minute, worded in `lang`, each marked if already granted (in either language). */
  offers(sessionId: number, candidateId: number, lang: Language): LostTimeView {
    const controls = this.repo.controls(sessionId, candidateId);
    const reasonOf = (detail: string) => {
      const reason = detailOf(detail)['reason'];
      return typeof reason === 'string' ? reason : '';
    };
    const grantedReasons = new Set(controls.filter((c) => c.action === 'candidate.extra-time').map((c) => reasonOf(c.detail)));
    const periods = [...measurePeriods(this.repo.connections(sessionId, candidateId), controls), ...interruptionsOf(this.repo.interruptions(sessionId), candidateId)]
      .filter((p) => p.to - p.from > MIN_LOST_MS)
      .map((p) => ({
        ...p,
        minutes: minutesToGrant(p.to - p.from),
        reason: lostReason(p, lang),
        granted: grantedReasons.has(lostReason(p, 'fr')) || grantedReasons.has(lostReason(p, 'en')),
      }));
    return { periods };
  }
}
