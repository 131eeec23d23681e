import { html, page, type Html } from './html.js';
import { labelFor, translate, type MessageKey } from '../contract/i18n/catalogue.js';
import type { Language, Params } from '../contract/i18n/format.js';
import type { ReportCandidate, SessionReport } from './report.js';

// A word of the report: `report.<word>` in the catalogue (server/contract/i18n/*/print.ts).
type ReportWord = MessageKey extends infer K ? (K extends `report.${infer W}` ? W : never) : never;
const wordsIn = (lang: Language) => (word: ReportWord, params?: Params) => translate(lang, `report.${word}`, params);

export function formatDateTime(ms: number, lang: Language): string {
  return new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long', timeStyle: 'medium', hour12: false }).format(new Date(ms));
}

export function formatTime(ms: number, lang: Language): string {
  return new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false }).format(new Date(ms));
}

export function formatMinutes(ms: number, lang: Language): string {
  const minutes = ms / 60_000;
  const n = new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 1 }).format(minutes);
  return `${n} min`;
}

function formatAway(ms: number): string {
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
}

/**
 * "3f2a 9c01 ..." so a digest can be read aloud and compared by eye. Each group of four is one
 * unbreakable box, so a line wraps between groups and never inside one (issue 13, item 4).
 */
function digest(hex: string): Html {
  const groups = hex.match(/.{1,4}/g) ?? [hex];
  return html`<code class="digest">${groups.map((g, i) => html`${i ? ' ' : ''}<span class="group">${g}</span>`)}</code>`;
}

/** "Salle démo" stays "Salle démo" (not "Salle Salle démo"); "B12" reads "Salle B12". */
function roomText(room: string, word: string): string {
  return room.toLocaleLowerCase().startsWith(word.toLocaleLowerCase()) ? room : `${word} ${room}`;
}

/**
 * A reason typed by a proctor, after a label and a colon: French writes "Incident : panne de
 * clavier", lowercase after the colon unless the word is an acronym ("USB", "PC-03").
 */
export function afterColon(reason: string, lang: Language): string {
  if (lang !== 'fr' || reason.length < 2) return reason;
  const [first, second] = [reason[0]!, reason[1]!];
  return second === second.toLocaleLowerCase() && first !== first.toLocaleLowerCase() ? first.toLocaleLowerCase() + reason.slice(1) : reason;
}

const otherKinds = (c: ReportCandidate) =>
  Object.entries(c.events)
    .filter(([k]) => !['focus-back', 'page-visible', 'fullscreen-entered', 'paste', 'connection-back'].includes(k))
    .sort(([a], [b]) => a.localeCompare(b));

/** Which candidates' answers came back from their workstation after a restore, how many sends, which questions. */
function recoveredSection(r: SessionReport, t: ReturnType<typeof wordsIn>): Html {
  const recovered = r.candidates.filter((c) => (c.events['answer-recovered'] ?? 0) > 0);
  return html`<section class="recovered">
<h2>${t('recovered')}</h2>
<p class="note">${t('recoveredNote')}</p>
${recovered.length === 0
  ? html`<p>${t('recoveredNone')}</p>`
  : html`<table><thead><tr><th>${t('workstation')}</th><th>${t('code')}</th><th>${t('recoveredCount')}</th><th>${t('recoveredQuestions')}</th></tr></thead><tbody>
  ${recovered.map((c) => html`<tr><td>${c.workstation ?? '—'}</td><td class="code">${c.code}</td><td>${c.events['answer-recovered'] ?? 0}</td><td>${c.recoveredQuestions.join(', ') || '—'}</td></tr>`)}
  </tbody></table>`}
</section>`;
}

export function renderReportPage(r: SessionReport, lang: Language): string {
  const t = wordsIn(lang);
  const other: Language = lang === 'fr' ? 'en' : 'fr';
  const dt = (ms: number | null) => (ms === null ? t('notYet') : formatDateTime(ms, lang));
  const tm = (ms: number | null) => (ms === null ? '—' : formatTime(ms, lang));
  const s = r.session;
  const base = `/api/sessions/${s.id}`;

  const body = html`
<nav class="toolbar no-print" aria-label="${t('title')}">
  <button type="button" data-action="print">${t('print')}</button>
  <a href="${base}/report.csv?lang=${lang}">${t('csvCandidates')}</a>
  <a href="${base}/incidents.csv?lang=${lang}">${t('csvIncidents')}</a>
  <a href="${base}/events.csv?lang=${lang}">${t('csvEvents')}</a>
  <a href="?lang=${other}" hreflang="${other}" lang="${other}">${t('other')}</a>
</nav>
<main class="report">
<header class="report-head">
  <p class="kicker">Lectern · ${s.packTitle[lang]}</p>
  <h1>${t('title')}</h1>
  <p class="subtitle">${s.title}${s.room ? html` · ${roomText(s.room, t('room'))}` : ''} · ${t('sessionCode')} <strong class="nowrap">${s.code}</strong></p>
</header>

<section>
<h2>${t('session')}</h2>
<dl class="facts">
  <dt>${t('pack')}</dt><dd>${s.packTitle[lang]} <span class="muted">(${s.packId})</span></dd>
  <dt>${t('packDigest')}</dt><dd>${digest(s.packDigest)}</dd>
  <dt>${t('room')}</dt><dd>${s.room || '—'}</dd>
  <dt>${t('duration')}</dt><dd>${formatMinutes(s.durationMs, lang)}</dd>
  <dt>${t('state')}</dt><dd>${labelFor(lang, 'sessionState', s.state)}</dd>
  <dt>${t('seb')}</dt><dd>${s.sebConfigKeySet ? t('sebRequired') : t('sebNot')}</dd>
  <dt>${t('proctors')}</dt><dd>${r.proctors.length ? r.proctors.map((p, i) => html`${i ? ', ' : ''}${p.name} <span class="muted">(${p.username})</span>`) : t('noProctor')}</dd>
</dl>
</section>

<section>
<h2>${t('times')}</h2>
<dl class="facts">
  <dt>${t('opened')}</dt><dd>${dt(s.createdAt)}</dd>
  <dt>${t('started')}</dt><dd>${dt(s.startedAt)}</dd>
  <dt>${t('ended')}</dt><dd>${dt(s.endedAt)}</dd>
</dl>
<h3>${t('pauses')}</h3>
${r.pauses.length === 0
  ? html`<p>${t('none')}</p>`
  : html`<table><thead><tr><th>${t('from')}</th><th>${t('to')}</th><th>${t('who')}</th><th>${t('reason')}</th><th>${t('by')}</th></tr></thead><tbody>
  ${r.pauses.map((p) => html`<tr><td>${tm(p.startedAt)}</td><td>${p.endedAt === null ? t('ongoing') : tm(p.endedAt)}</td><td>${p.candidateCode ?? t('wholeRoom')}</td><td>${p.reason || '—'}</td><td>${p.by ?? '—'}</td></tr>`)}
  </tbody></table>`}
</section>

<section>
<h2>${t('candidates')}</h2>
<p class="totals"><strong>${r.totals.candidates}</strong> ${t('enrolled', { n: r.totals.candidates })} · <strong>${r.totals.present}</strong> ${t('present', { n: r.totals.present })} · <strong>${r.totals.absent}</strong> ${t('absent', { n: r.totals.absent })} · <strong>${r.totals.submitted}</strong> ${t('submitted', { n: r.totals.submitted })}</p>
<table class="candidates">
<thead><tr><th>${t('workstation')}</th><th>${t('code')}</th><th>${t('presence')}</th><th>${t('firstLogin')}</th><th>${t('submission')}</th><th>${t('extra')}</th><th>${t('answers')}</th><th>${t('lateSaves')}</th></tr></thead>
<tbody>
${r.candidates.map(
  (c) => html`<tr class="${c.present ? '' : 'absent'}">
  <td>${c.workstation ?? '—'}${c.moves.length ? html`<br><span class="muted">${t('moved')}${t('colon')}${c.moves.map((m, i) => html`${i ? ', ' : ''}${m.from ?? '—'} → ${m.to} (${tm(m.at)})`)}</span>` : ''}</td>
  <td class="code">${c.code}</td>
  <td>${c.present ? t('isPresent') : t('isAbsent')}</td>
  <td>${tm(c.firstLoginAt)}</td>
  <td>${c.submittedAt === null || !c.present ? '—' : html`${tm(c.submittedAt)}<br><span class="muted">${labelFor(lang, 'submitKind', c.submitKind ?? '')}</span>`}</td>
  <td>${c.extraMs ? formatMinutes(c.extraMs, lang) : '—'}</td>
  <td>${c.answered} · ${c.words} ${t('words', { n: c.words })}</td>
  <td>${c.lateSaves || '—'}</td>
</tr>`,
)}
</tbody>
</table>
</section>

${recoveredSection(r, t)}

<section>
<h2>${t('extensions')}</h2>
${r.extensions.length === 0
  ? html`<p>${t('none')}</p>`
  : html`<table><thead><tr><th>${t('at')}</th><th>${t('candidate')}</th><th>${t('kind')}</th><th>${t('minutes')}</th><th>${t('reason')}</th><th>${t('by')}</th></tr></thead><tbody>
  ${r.extensions.map((e) => html`<tr><td>${tm(e.at)}</td><td class="code">${e.candidateCode}</td><td>${labelFor(lang, 'extensionKind', e.kind)}</td><td>${formatMinutes(e.durationMs, lang)}</td><td>${e.reason}</td><td>${e.by ?? '—'}</td></tr>`)}
  </tbody></table>`}
</section>

<section>
<h2>${t('incidents')}</h2>
${r.incidents.length === 0 && r.interruptions.length === 0
  ? html`<p>${t('noIncident')}</p>`
  : html`<table class="incidents"><thead><tr><th>${t('at')}</th><th>${t('candidate')}</th><th>${t('text')}</th><th>${t('by')}</th></tr></thead><tbody>
  ${r.interruptions.map((i) => interruptionRow(i, lang))}
  ${r.incidents.map((i) => html`<tr><td>${tm(i.at)}</td><td class="code">${i.candidateCode ?? '—'}</td><td class="prose">${i.text}</td><td>${i.by ?? '—'}</td></tr>`)}
  </tbody></table>`}
</section>

<section>
<h2>${t('messages')}</h2>
${r.messages.length === 0
  ? html`<p>${t('none')}</p>`
  : html`<table><thead><tr><th>${t('at')}</th><th>${t('to')}</th><th>${t('text')}</th><th>${t('acknowledged')}</th><th>${t('by')}</th></tr></thead><tbody>
  ${r.messages.map((m) => html`<tr><td>${tm(m.sentAt)}</td><td>${m.candidateCode ?? t('wholeRoom')}</td><td class="prose">${m.text}</td><td>${m.acknowledged} / ${m.recipients}</td><td>${m.by ?? '—'}</td></tr>`)}
  </tbody></table>`}
</section>

<section>
<h2>${t('supervision')}</h2>
<p class="note">${t('supervisionNote')}</p>
<table class="supervision">
<thead><tr><th>${t('workstation')}</th><th>${t('code')}</th><th>${t('focusAway')}</th><th>${t('pastes')}</th><th>${t('others')}</th></tr></thead>
<tbody>
${r.candidates
  .filter((c) => c.present || Object.keys(c.events).length > 0)
  .map(
    (c) => html`<tr>
  <td>${c.workstation ?? '—'}</td>
  <td class="code">${c.code}</td>
  <td>${c.events['focus-lost'] ? html`${c.events['focus-lost']} × · ${formatAway(c.focusAwayMs)}` : '—'}</td>
  <td>${c.pastes.document + c.pastes.ownAnswer + c.pastes.outside ? html`${c.pastes.document} / ${c.pastes.ownAnswer} / ${c.pastes.outside}${c.pastes.outside ? html` <span class="muted">(${c.pastes.outsideChars} ${t('chars')})</span>` : ''}` : '—'}</td>
  <td>${otherKinds(c).filter(([k]) => k !== 'focus-lost').length ? otherKinds(c).filter(([k]) => k !== 'focus-lost').map(([k, n], i) => html`${i ? ' · ' : ''}${labelFor(lang, 'event', k)} ${n}`) : '—'}</td>
</tr>`,
  )}
</tbody>
</table>
</section>

<section class="actions">
<h2>${t('actions')}</h2>
${r.actions.length === 0
  ? html`<p>${t('none')}</p>`
  : html`<table><thead><tr><th>${t('at')}</th><th>${t('by')}</th><th>${t('kind')}</th><th>${t('candidate')}</th></tr></thead><tbody>
  ${r.actions.map((a) => html`<tr><td>${tm(a.at)}</td><td>${a.by ?? '—'}</td><td>${labelFor(lang, 'action', a.action)}${actionDetail(a, lang)}</td><td class="code">${a.candidateCode ?? '—'}</td></tr>`)}
  </tbody></table>`}
</section>

<section class="audit">
<h2>${t('audit')}</h2>
<dl class="facts">
  <dt>${t('closingDigest')}</dt><dd>${r.audit.closingDigest ? html`${digest(r.audit.closingDigest)} <span class="muted">(${dt(r.audit.closingAt)})</span>` : t('notClosed')}</dd>
  <dt>${t('headDigest')}</dt><dd>${digest(r.audit.headDigest)}<br><span class="muted verify">${t('verifyHead', { head: r.audit.headDigest })}</span></dd>
  <dt>${t('rows')}</dt><dd>${r.audit.rows} · ${r.audit.intact ? t('intact') : html`<strong class="alert">${t('broken')} ${r.audit.brokenAt}</strong>`}</dd>
</dl>
</section>

<section class="signatures">
<h2>${t('signatures')}</h2>
<div class="sign-grid">
  <div class="sign-box"><span>${t('signProctor')}</span></div>
  <div class="sign-box"><span>${t('signPlace')} ……………………… ${t('on')} ………………</span></div>
</div>
</section>

<footer class="report-foot"><p>${t('generated')} ${formatDateTime(r.generatedAt, lang)} · ${t('timeZone')} ${r.timeZone} · Lectern</p></footer>
</main>`;
  return page({ lang, title: `${t('title')} · ${s.title}`, bodyClass: 'print-report', body });
}

/** A server interruption as an incident row: when, how long, and what it cost each candidate's time. */
function interruptionRow(i: SessionReport['interruptions'][number], lang: Language): Html {
  const w = (key: 'interruption' | 'interruptionPaused' | 'interruptionLost', params: Params) => translate(lang, `proctorScreens.report.${key}`, params);
  const what = w('interruption', { from: formatTime(i.from, lang), to: formatTime(i.to, lang), duration: formatMinutes(i.to - i.from, lang) });
  const effect = i.paused
    ? w('interruptionPaused', {})
    : i.candidates.length
      ? w('interruptionLost', { list: i.candidates.map((c) => `${c.candidateCode} ${formatMinutes(c.lostMs, lang)}`).join(', ') })
      : '';
  return html`<tr class="interruption"><td>${formatTime(i.from, lang)}</td><td>${translate(lang, 'report.wholeRoom')}</td><td class="prose"><strong>${what}</strong>${effect ? html`<br>${effect}` : ''}</td><td>Lectern</td></tr>`;
}

/** A detail value as text: a string as is, a number or a boolean written out, anything else `absent`. */
function text(value: unknown, absent = ''): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return absent;
}

function actionDetail(a: SessionReport['actions'][number], lang: Language): Html | string {
  const d = a.detail;
  if (a.action === 'candidate.extra-time' && typeof d['durationMs'] === 'number') {
    return html` <span class="muted">(+${formatMinutes(d['durationMs'], lang)}, ${labelFor(lang, 'extensionKind', String(d['kind']))}${translate(lang, 'report.colon')}${afterColon(text(d['reason']), lang)})</span>`;
  }
  if (a.action === 'candidate.moved') return html` <span class="muted">(${text(d['from'], '—')} → ${text(d['to'])})</span>`;
  if ((a.action === 'candidate.paused' || a.action === 'session.paused') && d['reason']) return html` <span class="muted">(${text(d['reason'])})</span>`;
  return '';
}
