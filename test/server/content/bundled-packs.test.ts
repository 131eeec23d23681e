import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadPacks } from '../../../server/content/load-packs.js';
import type { Pack, Section } from '../../../server/content/pack-types.js';
import { resolvePackAssetWithType } from '../../../server/content/pack-assets.js';

const contentDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../content');
const result = loadPacks(contentDir);

function pack(id: string): Pack {
  const p = result.packs.get(id);
  if (!p) throw new Error(`pack ${id} not loaded: ${JSON.stringify(result.problems, null, 2)}`);
  return p;
}

function expectQuestionsWellFormed(section: Section): void {
  for (const q of section.questions) {
    expect(q.keyPoints.length, `${q.id} key points`).toBeGreaterThanOrEqual(2);
    expect(q.keyPoints.length, `${q.id} key points`).toBeLessThanOrEqual(4);
    expect(new Set(q.keyPoints.map((k) => k.id)).size).toBe(q.keyPoints.length);
    for (const k of q.keyPoints) expect(k.text.length, `${q.id}/${k.id}`).toBeGreaterThan(20);
    expect(q.targetWords).toBeGreaterThanOrEqual(10);
    expect(q.promptHtml.length).toBeGreaterThan(20);
    expect(q.promptHtml).not.toMatch(/<img|<script/);
    if (section.documentFile) {
      expect(q.documentAnchor, `${q.id} has a documentAnchor`).toBeDefined();
      expect(section.documentToc.map((t) => t.id), `${q.id} anchor resolves`).toContain(q.documentAnchor);
      expect(section.documentHtml).toContain(`id="${q.documentAnchor}"`);
    } else {
      expect(q.documentAnchor).toBeUndefined();
    }
  }
}

describe('bundled content packs', () => {
  it('all load with no problem', () => {
    expect(result.problems).toEqual([]);
    expect([...result.packs.keys()].sort()).toEqual(['devops-ccp-supervision', 'devops-title-qp', 'tssr-qp']);
  });

  it('question ids are unique in each pack', () => {
    for (const p of result.packs.values()) {
      const ids = p.sections.flatMap((s) => s.questions.map((q) => q.id));
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it('keep accepted variants and likely misreadings in their own fields, never inside a key point', () => {
    // Issue 16: a key point states one fact; what else a corrector accepts, or the wrong reading to
    // watch for, is listed with the question (acceptedVariants, likelyMisreadings), shown apart.
    const forms = [...result.packs.values(), ...(result.forms?.values() ?? [])];
    for (const p of forms) {
      for (const q of p.sections.flatMap((s) => s.questions)) {
        for (const k of q.keyPoints) expect(k.text, `${p.form?.key ?? p.id} ${q.id}/${k.id}`).not.toMatch(/accepté|accepted|variant|contresens|misread/i);
      }
    }
  });
});

describe('devops-title-qp', () => {
  const p = pack('devops-title-qp');
  const s = p.sections[0]!;

  it('is a 60-minute questionnaire with one English section', () => {
    expect(p.durationMinutes).toBe(60);
    expect(p.title.fr).toContain('Administrateur système DevOps');
    expect(p.certification.fr).toContain('RNCP niveau 6');
    expect(p.sections).toHaveLength(1);
    expect(s.answerLanguage).toBe('en');
    expect(s.rubricIds).toEqual(['reading-b2', 'writing-b1']);
    expect(s.instructions?.fr.length).toBeGreaterThan(50);
    expect(s.instructions?.en.length).toBeGreaterThan(50);
  });

  it('has a systemd timers document of 1,200 to 2,000 words with the required parts', () => {
    expect(s.documentFile).toBe('document.md');
    expect(s.documentWords).toBeGreaterThanOrEqual(1200);
    expect(s.documentWords).toBeLessThanOrEqual(2000);
    const html = s.documentHtml!;
    expect(html).toContain('<table>');
    expect(html).toContain('<blockquote>');
    expect(html).toContain('<strong>Warning:</strong>');
    expect(html).toContain('<strong>Note:</strong>');
    expect(html).toContain('[Timer]');
    expect(html).toContain('ExecStart=');
    expect(html).toMatch(/journalctl -u/);
    expect(html).toContain('MUST');
    expect(html).toContain('SHOULD');
    expect(html).toContain('src="/api/packs/devops-title-qp/assets/diagram.svg"');
    expect(s.documentToc.filter((t) => t.depth === 2).length).toBeGreaterThanOrEqual(5);
    expect(s.documentToc.some((t) => t.depth === 3)).toBe(true);
    expect(s.documentToc.map((t) => t.id)).toContain('troubleshooting');
  });

  it('has 6 questions with key points and anchors, the last one a forum reply of 80-120 words', () => {
    expect(s.questions).toHaveLength(6);
    expectQuestionsWellFormed(s);
    const forum = s.questions[5]!;
    expect(forum.targetWords).toBeGreaterThanOrEqual(80);
    expect(forum.targetWords).toBeLessThanOrEqual(120);
    expect(forum.promptHtml).toContain('<blockquote>');
    expect(forum.prompt).toMatch(/80 to 120 words/);
  });

  it('declares a B2 reading rubric and a B1 writing rubric with four criteria', () => {
    const reading = p.rubrics['reading-b2'];
    const writing = p.rubrics['writing-b1'];
    expect(reading?.kind).toBe('reading');
    expect(writing?.kind).toBe('writing');
    if (reading?.kind !== 'reading' || writing?.kind !== 'writing') return;
    expect(reading.cefr.every((c) => c.level === 'B2')).toBe(true);
    expect(reading.cefr.map((c) => c.scale)).toEqual(
      expect.arrayContaining([
        'CEFR Companion Volume (2020): Overall reading comprehension',
        'CEFR Companion Volume (2020): Reading for orientation',
        'CEFR Companion Volume (2020): Reading for information and argument',
      ]),
    );
    expect(reading.threshold).toEqual({ minKeyPointShare: 0.6, maxMisunderstandings: 1 });
    expect(writing.cefr.every((c) => c.level === 'B1')).toBe(true);
    expect(writing.cefr.map((c) => c.scale)).toContain('CEFR Companion Volume (2020): Overall written production');
    expect(writing.criteria.map((c) => c.id)).toEqual(['task', 'organisation', 'range', 'accuracy']);
    for (const c of writing.criteria) {
      expect(Object.keys(c.bands).sort()).toEqual(['1', '3', '5']);
      expect(c.bands[5].en).toMatch(/Beyond/);
      expect(c.bands[3].en).toMatch(/B1/);
      expect(c.bands[1].en).toMatch(/Below B1/);
      expect(c.bands[3].fr.length).toBeGreaterThan(40);
    }
    expect(writing.threshold).toEqual({ minBandEach: 2, minTotal: 12 });
  });

  it('serves its diagram, a hand-written SVG with no external font or resource', () => {
    const asset = resolvePackAssetWithType(p, 'diagram.svg');
    expect(asset?.contentType).toBe('image/svg+xml');
    const svg = fs.readFileSync(asset!.path, 'utf8');
    expect(svg).toMatch(/<svg[^>]+viewBox="0 0 800 \d+"/);
    for (const label of ['inventory-export.timer', 'inventory-export.service', 'ExecStart', 'journal']) expect(svg).toContain(label);
    const fonts = new Set([...svg.matchAll(/font-family="([^"]+)"/g)].map((m) => m[1]));
    expect([...fonts].sort()).toEqual(['monospace', 'sans-serif']);
    expect(svg).not.toMatch(/@import|@font-face|<script|<image|href="http/i);
    expectWellFormedXml(svg);
    expect(resolvePackAssetWithType(p, 'pack.yaml')).toBeUndefined();
  });
});

describe('devops-ccp-supervision', () => {
  const p = pack('devops-ccp-supervision');
  const [english, statistics] = p.sections;

  it('is a 75-minute questionnaire: an English part and a French part', () => {
    expect(p.durationMinutes).toBe(75);
    expect(p.certification.fr).toContain('Superviser les services déployés');
    expect(p.sections).toHaveLength(2);
    expect(english?.answerLanguage).toBe('en');
    expect(statistics?.answerLanguage).toBe('fr');
  });

  it('part 1: a 600-1,000 word document, 5 English questions, reading and writing rubrics', () => {
    expect(english!.documentWords).toBeGreaterThanOrEqual(600);
    expect(english!.documentWords).toBeLessThanOrEqual(1000);
    expect(english!.documentHtml).toContain('<table>');
    expect(english!.documentHtml).toContain('<pre><code class="language-yaml">');
    expect(english!.questions).toHaveLength(5);
    expect(english!.rubricIds).toEqual(['reading-b2', 'writing-b1']);
    expectQuestionsWellFormed(english!);
  });

  it('part 2: no document, 3 French questions graded on the certification criteria', () => {
    expect(statistics!.documentFile).toBeUndefined();
    expect(statistics!.documentHtml).toBeUndefined();
    expect(statistics!.documentWords).toBe(0);
    expect(statistics!.questions).toHaveLength(3);
    expectQuestionsWellFormed(statistics!);
    expect(statistics!.questions.map((q) => q.prompt).join(' ')).toMatch(/SLA/);
    expect(statistics!.questions[0]!.keyPoints[0]!.text).toMatch(/disponibilité/i);
    expect(statistics!.rubricIds).toEqual(['supervision-competence']);
    const rubric = p.rubrics['supervision-competence'];
    expect(rubric?.kind).toBe('competence');
    if (rubric?.kind !== 'competence') return;
    expect(rubric.criteria.map((c) => c.title.fr)).toEqual([
      'Les indicateurs choisis sont pertinents',
      'Ils tiennent compte du SLA',
      'Ils sont exhaustifs',
    ]);
    for (const c of rubric.criteria) {
      expect(c.title.en.length).toBeGreaterThan(5);
      for (const level of ['met', 'partly', 'notMet'] as const) expect(c.descriptors[level].fr.length).toBeGreaterThan(30);
    }
  });
});

/** A small well-formedness check: every element closed in order, attributes quoted, one root. */
function expectWellFormedXml(xml: string): void {
  const body = xml.replace(/<\?xml[^?]*\?>/, '').replace(/<!--[\s\S]*?-->/g, '');
  const stack: string[] = [];
  let roots = 0;
  for (const m of body.matchAll(/<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>/g)) {
    const [, closing, name, , selfClosing] = m;
    if (closing) expect(stack.pop(), `closing </${name}>`).toBe(name);
    else if (!selfClosing) {
      if (stack.length === 0) roots++;
      stack.push(name!);
    } else if (stack.length === 0) roots++;
  }
  expect(stack).toEqual([]);
  expect(roots).toBe(1);
  // Every "<" starts a tag the pattern above understood (no stray or malformed markup).
  const tags = [...body.matchAll(/<[^>]*>/g)].length;
  const understood = [...body.matchAll(/<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>/g)].length;
  expect(understood).toBe(tags);
  expect(body.split('<').length - 1).toBe(tags);
  expect(body).not.toMatch(/&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);)/i);
}
