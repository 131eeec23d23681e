import { networkInterfaces } from 'node:os';
import QRCode from 'qrcode';
import type { FastifyRequest } from 'fastify';
import { html, page } from './html.js';
import { translate, type MessageKey } from '../contract/i18n/catalogue.js';
import type { Language } from '../contract/i18n/format.js';

// A word of the slips page: `slips.<word>` in the catalogue (server/contract/i18n/*/print.ts).
type SlipWord = MessageKey extends infer K ? (K extends `slips.${infer W}` ? W : never) : never;
const wordsIn = (lang: Language) => (word: SlipWord) => translate(lang, `slips.${word}`);

export interface SlipSession {
  title: string;
  room: string;
  code: string;
  packTitle: { fr: string; en: string };
}

export interface Slip {
  code: string;
  workstation: string | null;
}

function isLoopback(host: string): boolean {
  const name = host.replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
  return name === 'localhost' || name.startsWith('127.') || name === '::1';
}

/**
 * The address the workstations type (or scan): the one the proctor reached the server by, unless
 * that is this machine's own loopback, in which case the first LAN address with the same port.
 */
export function kioskUrl(request: FastifyRequest): string {
  const host = request.headers.host ?? `${request.hostname}`;
  if (!isLoopback(host)) return `${request.protocol}://${host}/`;
  const port = /:(\d+)$/.exec(host)?.[1];
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) {
      if (a.family === 'IPv4' && !a.internal) return `${request.protocol}://${a.address}${port ? `:${port}` : ''}/`;
    }
  }
  return `${request.protocol}://${host}/`;
}

/** An SVG QR code as a data: URL (the CSP allows data: images, and nothing is fetched). */
export async function qrDataUrl(url: string): Promise<string> {
  const svg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 1, color: { dark: '#000000', light: '#ffffff' } });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}

/** One slip per candidate, six to an A4 page, with cut lines. */
export async function renderSlipsPage(session: SlipSession, slips: Slip[], url: string, lang: Language): Promise<string> {
  const t = wordsIn(lang);
  const other: Language = lang === 'fr' ? 'en' : 'fr';
  const qr = await qrDataUrl(url);
  const body = html`
<nav class="toolbar no-print">
  <button type="button" data-action="print">${t('print')}</button>
  <a href="?lang=${other}" hreflang="${other}" lang="${other}">${t('other')}</a>
  <span class="muted">${session.title}${session.room ? ` · ${session.room}` : ''} · ${slips.length}</span>
</nav>
<main class="slips">
${slips.map(
  (s) => html`<article class="slip">
  <header><h1>${t('slip')} <span class="slip-kicker">Lectern</span></h1><p class="slip-title">${session.title}${session.room ? ` · ${session.room}` : ''}</p></header>
  <dl>
    <dt>${t('workstation')}</dt><dd class="slip-workstation">${s.workstation ?? t('anyWorkstation')}</dd>
    <dt>${t('session')}</dt><dd class="slip-code">${session.code}</dd>
    <dt>${t('candidate')}</dt><dd class="slip-code slip-candidate">${s.code}</dd>
  </dl>
  <div class="slip-url"><img src="${qr}" alt="${t('qr')}" width="96" height="96"><div><span class="slip-label">${t('url')}</span><code>${url}</code></div></div>
  <p class="slip-how">${t('how')}</p>
  <p class="slip-keep">${t('keep')}</p>
</article>`,
)}
</main>`;
  return page({ lang, title: `${t('title')} · ${session.title}`, bodyClass: 'print-slips', body });
}
