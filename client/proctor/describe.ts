// How a feed line reads: the event's name and a short detail, in the interface's language.
import { getLanguage } from '../common/i18n.js';
import { actionLabels, eventLabels, extensionKindLabels, label, pasteSourceLabels, refusalLabels, submitKindLabels } from '../../server/proctor/labels.js';
import type { DashboardQuestion, FeedItem } from '../../server/proctor/dashboard-protocol.js';
import { p } from './strings.js';

const seconds = (ms: unknown) => Math.round(Number(ms ?? 0) / 1000);

export function feedTitle(item: FeedItem): string {
  const lang = getLanguage();
  return item.kind in actionLabels ? label(actionLabels, item.kind, lang) : label(eventLabels, item.kind, lang);
}

export function feedDetail(item: FeedItem, questions: DashboardQuestion[]): string {
  const lang = getLanguage();
  const d = item.detail;
  const question = (id: unknown) => questions.find((q) => q.id === id)?.label ?? String(id ?? '');
  switch (item.kind) {
    case 'focus-back':
      return p('feed.away', { seconds: seconds(d['awayMs']) });
    case 'page-visible':
      return p('feed.hidden', { seconds: seconds(d['hiddenMs']) });
    case 'paste':
      return p('feed.pasteChars', { n: Number(d['length'] ?? 0), source: label(pasteSourceLabels, String(d['source'] ?? 'outside'), lang) });
    case 'copy':
      return p('feed.pasteChars', { n: Number(d['length'] ?? 0), source: '' }).trim();
    case 'blocked-shortcut':
      return String(d['shortcut'] ?? '');
    case 'connection-lost':
      return d['cause'] === 'heartbeat-stopped' ? p('feed.silent', { seconds: seconds(d['silentMs']) }) : p('feed.socketClosed');
    case 'connection-back':
      return p('feed.offlineFor', { seconds: seconds(d['offlineMs']) });
    case 'second-login':
      return p('feed.secondLogin', { workstation: String(d['workstation'] || '?'), connectedOn: String(d['connectedOn'] || '?') });
    case 'save-refused':
      return `${p('feed.question', { question: question(d['questionId']) })}: ${label(refusalLabels, String(d['reason']), lang)}`;
    case 'candidate.extra-time':
      return p('feed.extra', { minutes: Math.round((Number(d['durationMs']) / 60_000) * 10) / 10, kind: label(extensionKindLabels, String(d['kind']), lang).toLowerCase(), reason: String(d['reason'] ?? '') });
    case 'candidate.moved':
      return `${String(d['from'] ?? '—')} → ${String(d['to'] ?? '')}`;
    case 'candidate.paused':
    case 'session.paused':
      return String(d['reason'] ?? '');
    case 'candidate.logged-in':
      return String(d['workstation'] ?? '');
    case 'candidate.submitted':
      return label(submitKindLabels, String(d['kind'] ?? ''), lang);
    case 'message.sent':
      return d['candidateId'] === null || d['candidateId'] === undefined ? p('feed.toAll') : p('feed.toOne');
    case 'incident.recorded': {
      const text = String(d['text'] ?? '');
      return text.length > 90 ? `${text.slice(0, 90)}…` : text;
    }
    default:
      return '';
  }
}

/** Kiosk events that deserve a colour in the feed. */
export const alertKinds = new Set(['focus-lost', 'page-hidden', 'fullscreen-left', 'paste', 'second-login', 'connection-lost', 'blocked-shortcut', 'save-refused']);
