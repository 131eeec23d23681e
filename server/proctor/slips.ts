import QRCode from 'qrcode';
import { slipUrl, type KioskAddresses } from './kiosk-addresses.js';
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

/** An SVG QR code as a data: URL (the CSP allows data: images, and nothing is fetched). */
export async function qrDataUrl(url: string): Promise<string> {
  const svg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 1, color: { dark: '#000000', light: '#ffffff' } });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}

/** Slips per printed A4 sheet: two columns of three. */
const PER_SHEET = 6;

/** The proctor's choice of address, when the server has several; the page reloads with it. */
function addressForm(addresses: KioskAddresses, lang: Language) {
  const w = (key: 'slips.address' | 'slips.addressHelp' | 'slips.apply' | 'slips.refused') => translate(lang, `proctorScreens.${key}`, { address: addresses.refused ?? '' });
  return html`<form class="address-form" method="get">
  <input type="hidden" name="lang" value="${lang}">
  <label for="address">${w('slips.address')}</label>
  <select id="address" name="address">${addresses.choices.map((c) => (c === addresses.chosen ? html`<option value="${c}" selected>${c}</option>` : html`<option value="${c}">${c}</option>`))}</select>
  <button type="submit">${w('slips.apply')}</button>
  <span class="muted">${w('slips.addressHelp')}</span>
  ${addresses.refused === null ? '' : html`<strong class="refused" role="alert">${w('slips.refused')}</strong>`}
</form>`;
}

/**
 * One slip per workstation, six to an A4 sheet with cut lines. The workstation's name runs across the
 * slip, the QR code stands beside the two codes and the address runs under them, so a slip holds a
 * 40-character workstation name and a long room name inside its printed box (they pushed its last
 * line out of sight when the QR code sat above the address). Each sheet is its own block that ends its page, so no blank page falls between
 * sheets (a break after the sixth slip of a grid that already filled its page made one). Each QR code carries the chosen address and the
 * slip's workstation, so scanning it opens the kiosk already set to that workstation.
 */
export async function renderSlipsPage(session: SlipSession, slips: Slip[], addresses: KioskAddresses, lang: Language): Promise<string> {
  const t = wordsIn(lang);
  const other: Language = lang === 'fr' ? 'en' : 'fr';
  const drawn = await Promise.all(slips.map(async (s) => ({ ...s, url: slipUrl(addresses.chosen, s.workstation), qr: await qrDataUrl(slipUrl(addresses.chosen, s.workstation)) })));
  const sheets: (typeof drawn)[] = [];
  for (let i = 0; i < drawn.length; i += PER_SHEET) sheets.push(drawn.slice(i, i + PER_SHEET));
  const body = html`
<nav class="toolbar no-print">
  <button type="button" data-action="print">${t('print')}</button>
  <a href="?lang=${other}&amp;address=${encodeURIComponent(addresses.chosen)}" hreflang="${other}" lang="${other}">${t('other')}</a>
  <span class="muted">${session.title}${session.room ? ` · ${session.room}` : ''} · ${slips.length}</span>
</nav>
<div class="no-print">${addressForm(addresses, lang)}</div>
<main class="slips">
${sheets.map(
  (sheet) => html`<section class="sheet">
${sheet.map(
  (s) => html`<article class="slip">
  <header><h1>${t('slip')} <span class="slip-kicker">Lectern</span></h1><p class="slip-title">${session.title}${session.room ? ` · ${session.room}` : ''}</p></header>
  <p class="slip-station"><span class="slip-label">${t('workstation')}</span> <strong class="slip-workstation">${s.workstation ?? t('anyWorkstation')}</strong></p>
  <div class="slip-body">
  <dl>
    <dt>${t('session')}</dt><dd class="slip-code">${session.code}</dd>
    <dt>${t('candidate')}</dt><dd class="slip-code slip-candidate">${s.code}</dd>
  </dl>
  <img src="${s.qr}" class="slip-qr" alt="${t('qr')}" width="96" height="96">
  </div>
  <p class="slip-url"><span class="slip-label">${t('url')}</span> <code>${s.url}</code></p>
  <p class="slip-how">${t('how')}</p>
  <p class="slip-keep">${t('keep')}</p>
</article>`,
)}
</section>`,
)}
</main>`;
  return page({ lang, title: `${t('title')} · ${session.title}`, bodyClass: 'print-slips', body });
}
