// How a feed line reads: the event's name and a short detail, in the interface's language.
import { getLanguage, hasText } from '../common/i18n.js';
import type { DashboardQuestion, FeedItem } from '../../server/contract/staff-protocol.js';
import { label, t } from '../common/staff-i18n.js';

const seconds = (ms: unknown) => Math.round(Number(ms ?? 0) / 1000);

/** A detail value as text: a string as is, a number or a boolean written out, anything else `absent`. */
function text(value: unknown, absent = ''): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return absent;
}

export function feedTitle(item: FeedItem): string {
  const lang = getLanguage();
  return hasText(`action.${item.kind}`) ? label('action', item.kind, lang) : label('event', item.kind, lang);
}

export function feedDetail(item: FeedItem, questions: DashboardQuestion[]): string {
  const lang = getLanguage();
  const d = item.detail;
  const question = (id: unknown) => questions.find((q) => q.id === id)?.label ?? text(id);
  switch (item.kind) {
    case 'focus-back':
      return t('proctor.feed.away', { seconds: seconds(d['awayMs']) });
    case 'page-visible':
      return t('proctor.feed.hidden', { seconds: seconds(d['hiddenMs']) });
    case 'paste':
      return t('proctor.feed.pasteChars', { n: Number(d['length'] ?? 0), source: label('pasteSource', text(d['source'], 'outside'), lang) });
    case 'copy':
      return t('proctor.feed.pasteChars', { n: Number(d['length'] ?? 0), source: '' }).trim();
    case 'blocked-shortcut':
      return text(d['shortcut']);
    case 'connection-lost':
      return d['cause'] === 'heartbeat-stopped' ? t('proctor.feed.silent', { seconds: seconds(d['silentMs']) }) : t('proctor.feed.socketClosed');
    case 'connection-back':
      return t('proctor.feed.offlineFor', { seconds: seconds(d['offlineMs']) });
    case 'second-login':
      return t('proctor.feed.secondLogin', { workstation: text(d['workstation'] || '?'), connectedOn: text(d['connectedOn'] || '?') });
    case 'save-refused':
      return `${t('proctor.feed.question', { question: question(d['questionId']) })}: ${label('saveRefusal', String(d['reason']), lang)}`;
    case 'candidate.extra-time':
      return t('proctor.feed.extra', { minutes: Math.round((Number(d['durationMs']) / 60_000) * 10) / 10, kind: label('extensionKind', String(d['kind']), lang).toLowerCase(), reason: text(d['reason']) });
    case 'candidate.moved':
      return `${text(d['from'], '—')} → ${text(d['to'])}`;
    case 'candidate.paused':
    case 'session.paused':
      return text(d['reason']);
    case 'candidate.logged-in':
      return text(d['workstation']);
    case 'candidate.submitted':
      return label('submitKind', text(d['kind']), lang);
    case 'message.sent':
      return d['candidateId'] === null || d['candidateId'] === undefined ? t('proctor.feed.toAll') : t('proctor.feed.toOne');
    case 'incident.recorded': {
      const note = text(d['text']);
      return note.length > 90 ? `${note.slice(0, 90)}…` : note;
    }
    default:
      return '';
  }
}

/** Kiosk events that deserve a colour in the feed. */
export const alertKinds = new Set(['focus-lost', 'page-hidden', 'fullscreen-left', 'paste', 'second-login', 'connection-lost', 'blocked-shortcut', 'save-refused']);
