import { translate, labelFor } from '../contract/i18n/catalogue.js';
import type { Language } from '../contract/i18n/format.js';
import { csvTime, toCsv } from '../common/csv.js';
import type { SessionReport } from './report.js';

// The session's CSV files (candidates, incidents, events) in the language asked for; the writing
// itself (separator, quoting, byte-order mark) is server/common/csv.ts.

const minutes = (ms: number) => Math.round((ms / 60_000) * 10) / 10;

// The candidates file's columns, in order; each header is `csv.candidates.<column>` in the catalogue.
const candidateColumns = [
  'session', 'room', 'workstation', 'code', 'presence', 'firstLogin', 'submitted', 'submitKind', 'extraMinutes', 'extraReasons', 'answered', 'words', 'lateSaves',
  'focusLost', 'awaySeconds', 'pageHidden', 'fullscreenLeft', 'pastesDocument', 'pastesOwn', 'pastesOutside', 'outsideChars',
  'copies', 'rightClicks', 'blockedShortcuts', 'reloads', 'secondLogins', 'connectionsLost', 'incidents', 'moves', 'digest',
] as const;

export function candidatesCsv(r: SessionReport, lang: Language): string {
  const present = [translate(lang, 'report.isPresent'), translate(lang, 'report.isAbsent')];
  const rows = r.candidates.map((c) => {
    const reasons = r.extensions.filter((e) => e.candidateId === c.candidateId).map((e) => `${labelFor(lang, 'extensionKind', e.kind)}: ${e.reason}`).join(' | ');
    const n = (kind: string) => c.events[kind] ?? 0;
    return [
      r.session.code, r.session.room, c.workstation ?? '', c.code, c.present ? present[0] : present[1], csvTime(c.firstLoginAt), c.present ? csvTime(c.submittedAt) : '',
      c.present && c.submitKind ? labelFor(lang, 'submitKind', c.submitKind) : '', minutes(c.extraMs), reasons, c.answered, c.words, c.lateSaves,
      n('focus-lost'), Math.round(c.focusAwayMs / 1000), n('page-hidden'), n('fullscreen-left'), c.pastes.document, c.pastes.ownAnswer, c.pastes.outside, c.pastes.outsideChars,
      n('copy'), n('context-menu'), n('blocked-shortcut'), n('reload'), n('second-login'), n('connection-lost'), c.incidents,
      c.moves.map((m) => `${m.from ?? ''} -> ${m.to}`).join(' | '), c.receiptDigest ?? '',
    ];
  });
  return toCsv([candidateColumns.map((column) => translate(lang, `csv.candidates.${column}`)), ...rows]);
}

export function incidentsCsv(r: SessionReport, lang: Language): string {
  const head = (['session', 'time', 'code', 'incident', 'by'] as const).map((column) => translate(lang, `csv.incidents.${column}`));
  return toCsv([head, ...r.incidents.map((i) => [r.session.code, csvTime(i.at), i.candidateCode ?? '', i.text, i.by ?? ''])]);
}

/** Every supervision event and every proctor action, in time order. */
export function eventsCsv(r: SessionReport, events: { at: number; candidateCode: string | null; workstation: string | null; kind: string; detail: Record<string, unknown> }[], lang: Language): string {
  const head = (['session', 'time', 'source', 'workstation', 'code', 'event', 'detail', 'by'] as const).map((column) => translate(lang, `csv.events.${column}`));
  const source = { kiosk: translate(lang, 'csv.source.kiosk'), proctor: translate(lang, 'csv.source.proctor') };
  const rows: { at: number; row: (string | number)[] }[] = [
    ...events.map((e) => ({ at: e.at, row: [r.session.code, csvTime(e.at), source.kiosk, e.workstation ?? '', e.candidateCode ?? '', labelFor(lang, 'event', e.kind), detailText(e.detail), ''] })),
    ...r.actions.map((a) => ({ at: a.at, row: [r.session.code, csvTime(a.at), source.proctor, '', a.candidateCode ?? '', labelFor(lang, 'action', a.action), detailText(a.detail), a.by ?? ''] })),
  ];
  rows.sort((a, b) => a.at - b.at);
  return toCsv([head, ...rows.map((x) => x.row)]);
}

function detailText(detail: Record<string, unknown>): string {
  return Object.entries(detail)
    .filter(([k]) => k !== 'candidateId')
    // A time (an event queued offline keeps when it reached the server: receivedAt) reads as a time.
    .map(([k, v]) => `${k}=${typeof v === 'string' ? v : k.endsWith('At') && typeof v === 'number' ? csvTime(v) : JSON.stringify(v)}`)
    .join(', ');
}
