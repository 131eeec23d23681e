// The jury's copies of the results: a CSV that a French spreadsheet opens as it is (UTF-8 with a
// byte order mark, semicolons, CRLF, decimal commas), and a printable HTML report, one page per
// candidate after a summary page. Both are built from ResultsView and carry names only when the
// view does (the jury export, after grading is closed).
import type { Localized } from '../content/pack-types.js';
import { kappaText, shareWithCount } from '../contract/rules/agreement-text.js';
import type { CandidateResult, FinalDecision, ReadingView, ResultsView } from '../contract/grading.js';
import type { ReadingEvidence, WritingEvidence } from './decisions.js';
import type { LinkedKeyPoints } from '../contract/grading-evidence.js';
import { translate, type MessageKey } from '../contract/i18n/catalogue.js';
import type { Language } from '../contract/i18n/format.js';
import { toCsv } from '../common/csv.js';
import { escapeHtml } from '../contract/rules/html-text.js';

export type ReportLanguage = Language;

// A word of the jury's export: `jury.<word>` in the catalogue (server/contract/i18n/*/print.ts).
type JuryWord = MessageKey extends infer K ? (K extends `jury.${infer W}` ? W : never) : never;
type Words = (word: JuryWord) => string;
const wordsIn = (lang: ReportLanguage): Words => (word) => translate(lang, `jury.${word}`);

// ---------- formatting ----------

function number(n: number, lang: ReportLanguage, digits = 1, fixed = false): string {
  return new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: digits, minimumFractionDigits: fixed ? digits : 0, useGrouping: false }).format(n);
}

function percent(share: number, lang: ReportLanguage): string {
  return number(Math.round(share * 1000) / 10, lang);
}

function date(ms: number | null, lang: ReportLanguage): string {
  if (ms === null) return '';
  return new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long', timeStyle: 'short', hour12: false }).format(new Date(ms));
}

function decisionWord(d: FinalDecision | { kind: FinalDecision['kind']; reached: boolean | null }, w: Words, absent = false): string {
  if (absent) return w('absent');
  if (d.reached === null) return w('pending');
  // A competence criterion carries its three levels (satisfait / partiellement / non satisfait, i.e.
  // acquis / partiellement acquis / non acquis): "partly" is not folded into "not met" in any export.
  if (d.kind === 'competence') {
    const judgement = 'judgement' in d ? d.judgement : undefined;
    if (judgement === 'partly') return w('partlyMet');
    return d.reached ? w('met') : w('notMet');
  }
  return d.reached ? w('reached') : w('notReached');
}

function statusWord(c: CandidateResult, w: Words): string {
  return c.status === 'absent' ? w('absent') : w(c.status);
}

const tr = (text: Localized, lang: ReportLanguage) => text[lang] || text.fr;
/** French puts a space before the colon and the semicolon; English does not. */
const colon = (lang: ReportLanguage) => (lang === 'fr' ? ' : ' : ': ');
const semicolon = (lang: ReportLanguage) => (lang === 'fr' ? ' ; ' : '; ');
const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

// ---------- CSV ----------

function commentsOf(c: CandidateResult, lang: ReportLanguage): string {
  const w = wordsIn(lang);
  const parts: string[] = [];
  for (const r of c.readings) {
    const mine: string[] = [];
    if (r.script?.comment.trim()) mine.push(r.script.comment.trim());
    for (const [q, m] of Object.entries(r.answers)) if (m.comment.trim()) mine.push(`${q}${colon(lang)}${m.comment.trim()}`);
    if (mine.length) parts.push(`[${w('reading')} ${r.reading}] ${mine.join(' | ')}`);
  }
  return parts.join(' || ');
}

export function juryCsv(results: ResultsView, lang: ReportLanguage = 'fr'): string {
  const w = wordsIn(lang);
  const head: string[] = [w('code'), ...(results.named ? [w('name')] : []), w('status'), w('settledBy')];
  for (const c of results.criteria) {
    const title = tr(c.title, lang);
    head.push(`${title}${colon(lang)}${w('decision')}`);
    if (c.kind === 'reading') head.push(`${title}${colon(lang)}${w('keyPointShare')}`, `${title}${colon(lang)}${w('misunderstandings')}`);
    if (c.kind === 'writing') {
      for (const k of c.criteria ?? []) head.push(`${title}${colon(lang)}${tr(k.title, lang)}`);
      head.push(`${title}${colon(lang)}${w('total')}`);
    }
    if (c.kind === 'competence') head.push(`${title}${colon(lang)}${w('linkedShare')}`);
  }
  head.push(w('comments'));
  const lines: (string | number)[][] = [head];
  for (const cand of results.candidates) {
    const row: (string | number)[] = [cand.code, ...(results.named ? [cand.fullName ?? ''] : []), statusWord(cand, w), cand.settledBy ? w(cand.settledBy) : ''];
    for (const head of results.criteria) {
      const d = cand.decisions.find((x) => x.key === head.key)!;
      row.push(decisionWord(d, w, cand.absent));
      if (head.kind === 'reading') {
        row.push(d.keyPointShare === undefined ? '' : percent(d.keyPointShare, lang), d.misunderstandings === undefined ? '' : number(d.misunderstandings, lang));
      }
      if (head.kind === 'writing') {
        const bands = d.bands;
        for (const k of head.criteria ?? []) row.push(bands?.[k.id] === undefined ? '' : number(bands[k.id]!, lang));
        row.push(bands ? number(Object.values(bands).reduce((s, b) => s + b, 0), lang) : '');
      }
      if (head.kind === 'competence') row.push(d.linkedKeyPointShare === undefined ? '' : percent(d.linkedKeyPointShare, lang));
    }
    row.push(commentsOf(cand, lang));
    lines.push(row);
  }
  return toCsv(lines);
}

// ---------- HTML ----------

const e = escapeHtml;

function readingEvidenceText(ev: ReadingEvidence, lang: ReportLanguage): string {
  const w = wordsIn(lang);
  const k = ev.keyPoints;
  return `${w('keyPoints')}${colon(lang)}${k.found} ${w('found')}, ${k.partly} ${w('partly')}, ${k.missing} ${w('missing')} / ${k.total} — ${w('share')} ${percent(ev.share, lang)} % (${w('threshold')} ${percent(ev.threshold.minKeyPointShare, lang)} %)${semicolon(lang)}${w('misunderstandings')}${colon(lang)}${ev.misunderstandings} (${w('max')} ${ev.threshold.maxMisunderstandings})`;
}

function writingEvidenceText(ev: WritingEvidence, lang: ReportLanguage): string {
  const w = wordsIn(lang);
  return `${Object.values(ev.bands).join(' + ')} = ${ev.total} (${w('threshold')}${colon(lang)}${w('eachBand')} ${ev.threshold.minBandEach}, ${w('total')} ≥ ${ev.threshold.minTotal})`;
}

/** The key points linked to a competence criterion: the counts, then each key point with its level. */
function linkedKeyPointsHtml(linked: LinkedKeyPoints, lang: ReportLanguage): string {
  const w = wordsIn(lang);
  const level = { found: w('linkedLevel.found'), partly: w('linkedLevel.partly'), missing: w('linkedLevel.missing') } as const;
  const items = linked.items.map((i) => `<li><span class="code">${e(i.questionId)}/${e(i.keyPointId)}</span> ${e(level[i.level])}</li>`).join('');
  return `<div class="linked">${w('linkedKeyPoints')}${colon(lang)}${linked.found} ${w('found')}, ${linked.partly} ${w('partly')}, ${linked.missing} ${w('missing')} / ${linked.total} — ${w('share')} ${percent(linked.share, lang)} %<ul class="linked-key-points">${items}</ul></div>`;
}

function evidenceCell(d: FinalDecision, c: CandidateResult, lang: ReportLanguage): string {
  const w = wordsIn(lang);
  const readings = c.readings.filter((r) => d.fromReadings.includes(r.reading));
  const lines = readings.map((r) => {
    const decision = r.decisions.find((x) => x.key === d.key);
    if (!decision) return '';
    const ev = decision.evidence;
    const text =
      ev.kind === 'reading' ? readingEvidenceText(ev, lang) : ev.kind === 'writing' ? writingEvidenceText(ev, lang) : ev.judgement ? { met: w('met'), partly: w('partlyMet'), notMet: w('notMet') }[ev.judgement] : '—';
    const linked = ev.kind === 'competence' && ev.linkedKeyPoints ? linkedKeyPointsHtml(ev.linkedKeyPoints, lang) : '';
    return `<div>${readings.length > 1 || r.reading === 3 ? `<span class="reading-tag">${w('reading')} ${r.reading}</span> ` : ''}${e(text)}${linked}</div>`;
  });
  return lines.join('');
}

function bandsTable(c: CandidateResult, results: ResultsView, lang: ReportLanguage): string {
  const w = wordsIn(lang);
  return results.criteria
    .filter((h) => h.kind === 'writing')
    .map((h) => {
      const final = c.decisions.find((d) => d.key === h.key);
      const cols = c.readings;
      const rows = (h.criteria ?? []).map((k) => {
        const cells = cols.map((r) => {
          const ev = r.decisions.find((d) => d.key === h.key)?.evidence;
          return `<td class="num">${ev?.kind === 'writing' ? ev.bands[k.id] ?? '' : ''}</td>`;
        });
        const retained = final?.bands?.[k.id];
        return `<tr><th scope="row">${e(tr(k.title, lang))}</th>${cells.join('')}<td class="num strong">${retained === undefined ? '' : e(number(retained, lang))}</td></tr>`;
      });
      return `<table class="bands"><caption>${e(tr(h.title, lang))} — ${w('bands')}</caption>
<thead><tr><th scope="col">${w('criterion')}</th>${cols.map((r) => `<th scope="col" class="num">${w('reading')} ${r.reading}</th>`).join('')}<th scope="col" class="num">${w('final')}</th></tr></thead>
<tbody>${rows.join('')}</tbody></table>`;
    })
    .join('');
}

function questionsTable(c: CandidateResult, results: ResultsView, lang: ReportLanguage): string {
  const w = wordsIn(lang);
  const readingHeads = results.criteria.filter((h) => h.kind === 'reading');
  if (readingHeads.length === 0 || c.readings.length === 0) return '';
  const interp = { correct: w('correct'), partial: w('partial'), misunderstanding: w('misunderstanding') } as const;
  const perReading = (r: ReadingView) => {
    const ev = r.decisions.find((d) => d.kind === 'reading')?.evidence;
    return ev?.kind === 'reading' ? ev.questions : [];
  };
  const questionIds = perReading(c.readings[0]!).map((q) => q.questionId);
  const rows = questionIds.map((qid) => {
    const cells = c.readings.map((r) => {
      const q = perReading(r).find((x) => x.questionId === qid);
      if (!q) return '<td></td>';
      if (!q.answered) return `<td>${w('notAnswered')}</td>`;
      const comment = q.comment.trim() ? `<div class="comment">« ${e(q.comment.trim())} »</div>` : '';
      return `<td>${q.found} / ${q.partly} / ${q.missing}${q.interpretation ? ` — ${interp[q.interpretation]}` : ''}${comment}</td>`;
    });
    return `<tr><th scope="row">${e(qid)}</th>${cells.join('')}</tr>`;
  });
  return `<table class="questions"><caption>${w('keyPoints')} (${w('found')} / ${w('partly')} / ${w('missing')}) — ${w('interpretation')}</caption>
<thead><tr><th scope="col">${w('question')}</th>${c.readings.map((r) => `<th scope="col">${w('reading')} ${r.reading} (${e(r.corrector)})</th>`).join('')}</tr></thead>
<tbody>${rows.join('')}</tbody></table>`;
}

function candidatePage(c: CandidateResult, results: ResultsView, lang: ReportLanguage): string {
  const w = wordsIn(lang);
  const name = results.named ? `<p class="name">${e(c.fullName ?? '—')}</p>` : '';
  if (c.absent) {
    return `<section class="candidate"><header><h2>${w('candidate')} ${e(c.code)}</h2>${name}</header><p class="status">${w('status')}${colon(lang)}${w('absent')}</p></section>`;
  }
  const decisions = c.decisions
    .map((d) => `<tr><th scope="row">${e(tr(d.title, lang))}</th><td class="decision ${d.reached === null ? 'pending' : d.reached ? 'yes' : 'no'}">${e(decisionWord(d, w))}</td><td>${evidenceCell(d, c, lang)}</td></tr>`)
    .join('');
  const scriptComments = c.readings
    .filter((r) => r.script?.comment.trim())
    .map((r) => `<p class="comment"><span class="reading-tag">${w('reading')} ${r.reading} (${e(r.corrector)})</span> ${e(r.script!.comment.trim())}</p>`)
    .join('');
  const disagreement = c.disagreements.length
    ? `<p class="note">${w('disagreement')}${colon(lang)}${c.disagreements.map((d) => e(d.kind === 'band-gap' ? `${tr(d.title, lang)} (${w('bandGap')} ${d.values[0]} / ${d.values[1]})` : `${tr(d.title, lang)} (${w('decision')})`)).join(', ')} — ${w('third-reading')}.</p>`
    : '';
  return `<section class="candidate">
<header><h2>${w('candidate')} ${e(c.code)}</h2>${name}<p class="status">${w('status')}${colon(lang)}${e(statusWord(c, w))}${c.settledBy ? ` — ${w('settledBy').toLowerCase()} ${e(w(c.settledBy))}` : ''}</p></header>
<table class="decisions"><thead><tr><th scope="col">${w('criterion')}</th><th scope="col">${capital(w('decision'))}</th><th scope="col">${w('evidence')}</th></tr></thead><tbody>${decisions}</tbody></table>
${disagreement}
${bandsTable(c, results, lang)}
${questionsTable(c, results, lang)}
${scriptComments ? `<h3>${w('scriptComment')}</h3>${scriptComments}` : ''}
<div class="signature">${w('signature')}</div>
</section>`;
}

function agreementTable(results: ResultsView, lang: ReportLanguage): string {
  const w = wordsIn(lang);
  const rows = results.agreement.filter((a) => a.figures.pairs > 0);
  if (!results.session.doubleMarking || rows.length === 0) return '';
  const share = (x: number | null, pairs: number) => (x === null ? w('notDefined') : e(shareWithCount(x, pairs, lang)));
  return `<table class="agreement"><caption>${w('agreementTitle')}</caption>
<thead><tr><th scope="col">${w('criterion')}</th><th scope="col" class="num">${capital(w('pairs'))}</th><th scope="col" class="num">${capital(w('exact'))}</th><th scope="col" class="num">${capital(w('adjacent'))}</th><th scope="col" class="num">${capital(w('kappa'))}</th></tr></thead>
<tbody>${rows
    .map((a) => `<tr><th scope="row">${e(tr(a.title, lang))}</th><td class="num">${a.figures.pairs}</td><td class="num">${share(a.figures.exact, a.figures.pairs)}</td><td class="num">${share(a.figures.adjacent, a.figures.pairs)}</td><td class="num">${a.figures.kappa === null ? w('notDefined') : e(kappaText(a.figures.kappa, lang))}</td></tr>`)
    .join('')}</tbody></table>`;
}

/**
 * The summary's header: reading and writing name their rubric; a competence's criteria sit under
 * the competence rubric's title, so the jury reads which competence each criterion belongs to.
 */
function summaryHead(results: ResultsView, lang: ReportLanguage): string {
  const w = wordsIn(lang);
  const groups: { title: string; span: number; rubricId: string | null }[] = [];
  for (const h of results.criteria) {
    const last = groups[groups.length - 1];
    if (h.kind === 'competence' && last?.rubricId === h.rubricId) last.span++;
    else groups.push({ title: h.kind === 'competence' && h.rubricTitle ? tr(h.rubricTitle, lang) : '', span: 1, rubricId: h.kind === 'competence' ? h.rubricId : null });
  }
  const first = `<th scope="col" rowspan="2">${w('code')}</th>${results.named ? `<th scope="col" rowspan="2">${w('name')}</th>` : ''}`;
  let index = 0;
  const top = groups.map((g) => {
    const h = results.criteria[index]!;
    index += g.span;
    return g.rubricId ? `<th scope="colgroup" colspan="${g.span}" class="competence">${w('competenceRubric')}${colon(lang)}${e(g.title)}</th>` : `<th scope="col" rowspan="2">${e(tr(h.title, lang))}</th>`;
  });
  const second = results.criteria.filter((h) => h.kind === 'competence').map((h) => `<th scope="col">${e(tr(h.title, lang))}</th>`);
  return `<thead><tr>${first}${top.join('')}</tr><tr>${second.join('')}</tr></thead>`;
}

export function juryHtml(results: ResultsView, lang: ReportLanguage = 'fr', stylesheet = '/api/grading/jury.css'): string {
  const w = wordsIn(lang);
  const s = results.session;
  const summaryRows = results.candidates
    .map((c) => `<tr><th scope="row" class="code">${e(c.code)}</th>${results.named ? `<td>${e(c.fullName ?? '—')}</td>` : ''}${c.decisions.map((d) => `<td class="decision ${c.absent || d.reached === null ? 'pending' : d.reached ? 'yes' : 'no'}">${e(decisionWord(d, w, c.absent))}</td>`).join('')}</tr>`)
    .join('');
  const cefr = results.pack.cefr.map((c) => `<li>${e(c.scale)} — ${e(c.level)}</li>`).join('');
  return `<!doctype html>
<html lang="${lang}" translate="no" class="notranslate">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${e(w('report'))} — ${e(s.title)}</title>
<link rel="stylesheet" href="${e(stylesheet)}">
</head>
<body>
<main>
<section class="cover">
<header>
<p class="kicker">Lectern — ${w('report')}</p>
<h1>${e(s.title)}</h1>
<p>${e(tr(results.pack.certification, lang))}</p>
</header>
<dl class="facts">
<dt>${w('sessionCode')}</dt><dd>${e(s.code)}</dd>
${s.room ? `<dt>${w('room')}</dt><dd>${e(s.room)}</dd>` : ''}
<dt>${w('held')}</dt><dd>${e(date(s.startedAt, lang))}</dd>
<dt>${w('closed')}</dt><dd>${e(date(s.gradingClosedAt, lang)) || '—'}</dd>
<dt>${w('doubleMarking')}</dt><dd>${s.doubleMarking ? w('yes') : w('no')}</dd>
<dt>${w('generated')}</dt><dd>${e(date(results.generatedAt, lang))}</dd>
</dl>
<p class="note">${w('juryNote')}</p>
<p class="screen-only">${w('printHint')}</p>
<table class="summary"><caption>${w('summary')}</caption>
${summaryHead(results, lang)}
<tbody>${summaryRows}</tbody></table>
${agreementTable(results, lang)}
<h2 class="small">${w('cefr')}</h2><ul class="cefr">${cefr}</ul>
</section>
${results.candidates.map((c) => candidatePage(c, results, lang)).join('\n')}
</main>
</body>
</html>
`;
}
