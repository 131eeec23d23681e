import { actionLabels, eventLabels, extensionKindLabels, label, submitKindLabels, type Lang } from './labels.js';
import type { SessionReport } from './report.js';

// CSV for spreadsheets as French offices open them: UTF-8 with a byte-order mark (so accents
// survive), ';' between fields (',' is the decimal separator), CRLF line ends, every field that
// needs it quoted, and text that a spreadsheet would run as a formula made inert.

export const CSV_BOM = '\uFEFF';

function cell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value).replace('.', ',');
  let text = value;
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: (string | number | null | undefined)[][]): string {
  return CSV_BOM + rows.map((r) => r.map(cell).join(';')).join('\r\n') + '\r\n';
}

/** "2025-06-12 14:03:07", the server's local time: sorts as text and every spreadsheet reads it. */
export function csvTime(ms: number | null): string {
  if (ms === null) return '';
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
}

const minutes = (ms: number) => Math.round((ms / 60_000) * 10) / 10;

const candidateHeaders = {
  fr: ['Session', 'Salle', 'Poste', 'Code candidat', 'Présence', 'Première connexion', 'Remise', 'Type de remise', 'Temps supplémentaire (min)', 'Motifs du temps supplémentaire', 'Questions répondues', 'Mots', 'Sauvegardes tardives', 'Focus perdu', 'Temps hors de la page (s)', 'Page masquée', 'Plein écran quitté', 'Collages du document', 'Collages de ses réponses', 'Collages extérieurs', 'Caractères collés de l’extérieur', 'Copies', 'Clics droits', 'Raccourcis bloqués', 'Rechargements', 'Connexions depuis un autre poste', 'Pertes de connexion', 'Incidents', 'Changements de poste', 'Empreinte de la remise'],
  en: ['Session', 'Room', 'Workstation', 'Candidate code', 'Attendance', 'First login', 'Submitted', 'Submitted how', 'Extra time (min)', 'Reasons for extra time', 'Questions answered', 'Words', 'Late saves', 'Focus lost', 'Time away from the page (s)', 'Page hidden', 'Fullscreen left', 'Pastes from the document', 'Pastes from own answers', 'Pastes from outside', 'Characters pasted from outside', 'Copies', 'Right-clicks', 'Blocked shortcuts', 'Reloads', 'Logins from another workstation', 'Connections lost', 'Incidents', 'Workstation changes', 'Submission digest'],
};

export function candidatesCsv(r: SessionReport, lang: Lang): string {
  const present = lang === 'fr' ? ['Présent', 'Absent'] : ['Present', 'Absent'];
  const rows = r.candidates.map((c) => {
    const reasons = r.extensions.filter((e) => e.candidateId === c.candidateId).map((e) => `${label(extensionKindLabels, e.kind, lang)}: ${e.reason}`).join(' | ');
    const n = (kind: string) => c.events[kind] ?? 0;
    return [
      r.session.code, r.session.room, c.workstation ?? '', c.code, c.present ? present[0] : present[1], csvTime(c.firstLoginAt), c.present ? csvTime(c.submittedAt) : '',
      c.present && c.submitKind ? label(submitKindLabels, c.submitKind, lang) : '', minutes(c.extraMs), reasons, c.answered, c.words, c.lateSaves,
      n('focus-lost'), Math.round(c.focusAwayMs / 1000), n('page-hidden'), n('fullscreen-left'), c.pastes.document, c.pastes.ownAnswer, c.pastes.outside, c.pastes.outsideChars,
      n('copy'), n('context-menu'), n('blocked-shortcut'), n('reload'), n('second-login'), n('connection-lost'), c.incidents,
      c.moves.map((m) => `${m.from ?? ''} -> ${m.to}`).join(' | '), c.receiptDigest ?? '',
    ];
  });
  return toCsv([candidateHeaders[lang], ...rows]);
}

export function incidentsCsv(r: SessionReport, lang: Lang): string {
  const head = lang === 'fr' ? ['Session', 'Heure', 'Code candidat', 'Incident', 'Consigné par'] : ['Session', 'Time', 'Candidate code', 'Incident', 'Recorded by'];
  return toCsv([head, ...r.incidents.map((i) => [r.session.code, csvTime(i.at), i.candidateCode ?? '', i.text, i.by ?? ''])]);
}

/** Every supervision event and every proctor action, in time order. */
export function eventsCsv(r: SessionReport, events: { at: number; candidateCode: string | null; workstation: string | null; kind: string; detail: Record<string, unknown> }[], lang: Lang): string {
  const head = lang === 'fr' ? ['Session', 'Heure', 'Origine', 'Poste', 'Code candidat', 'Événement', 'Détail', 'Par'] : ['Session', 'Time', 'Source', 'Workstation', 'Candidate code', 'Event', 'Detail', 'By'];
  const source = lang === 'fr' ? { kiosk: 'poste', proctor: 'surveillant' } : { kiosk: 'workstation', proctor: 'proctor' };
  const rows: { at: number; row: (string | number)[] }[] = [
    ...events.map((e) => ({ at: e.at, row: [r.session.code, csvTime(e.at), source.kiosk, e.workstation ?? '', e.candidateCode ?? '', label(eventLabels, e.kind, lang), detailText(e.detail), ''] })),
    ...r.actions.map((a) => ({ at: a.at, row: [r.session.code, csvTime(a.at), source.proctor, '', a.candidateCode ?? '', label(actionLabels, a.action, lang), detailText(a.detail), a.by ?? ''] })),
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
