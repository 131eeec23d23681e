// The TSSR questionnaire (issue 12, item 1): 1 h 30, an original English document on a subject
// the other packs do not cover, and open questions in French on five competences, each section
// graded by its own competence rubric.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { loadPack } from '../../../server/content/load-packs.js';
import { resolvePackAssetWithType } from '../../../server/content/pack-assets.js';
import { gradingModel } from '../../../server/grading/rubric-model.js';
import { reviewPack } from '../../../server/content/pack-warnings.js';

const packDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../content/tssr-qp');
const loaded = loadPack(packDir);
const p = loaded.pack!;
const english = p.sections[0]!;
const french = p.sections.slice(1);

describe('tssr-qp', () => {
  it('loads with no problem and no warning', () => {
    expect(loaded.problems).toEqual([]);
    expect(reviewPack(p).warnings).toEqual([]);
  });

  it('is a 90-minute TSSR questionnaire: one English section, then five French competence sections', () => {
    expect(p.durationMinutes).toBe(90);
    expect(p.certification.fr).toContain('Technicien supérieur systèmes et réseaux');
    expect(p.sections.map((s) => s.id)).toEqual(['english', 'network', 'linux', 'windows', 'supervision', 'remote']);
    expect(english.answerLanguage).toBe('en');
    expect(english.rubricIds).toEqual(['reading-b2', 'writing-b1']);
    for (const s of french) {
      expect(s.answerLanguage, s.id).toBe('fr');
      expect(s.documentFile, s.id).toBeUndefined();
      expect(s.questions.length, s.id).toBeGreaterThanOrEqual(2);
    }
  });

  it('gives each French section its own competence rubric, with criteria described at the three levels', () => {
    const rubricIds = french.map((s) => s.rubricIds);
    expect(rubricIds).toEqual([['network-competence'], ['linux-competence'], ['windows-competence'], ['supervision-competence'], ['remote-competence']]);
    for (const [id] of rubricIds) {
      const rubric = p.rubrics[id!];
      expect(rubric?.kind, id).toBe('competence');
      if (rubric?.kind !== 'competence') continue;
      expect(rubric.criteria.length).toBeGreaterThanOrEqual(2);
      for (const c of rubric.criteria) for (const level of ['met', 'partly', 'notMet'] as const) expect(c.descriptors[level].fr.length).toBeGreaterThan(30);
    }
  });

  it('is graded as the grading model expects: five questions on reading, one writing rubric, five competence rubrics', () => {
    const model = gradingModel(p);
    expect(model.questions.filter((q) => q.reading !== null).map((q) => q.question.id)).toEqual(['q1', 'q2', 'q3', 'q4', 'q5']);
    expect(model.reading.map((r) => r.id)).toEqual(['reading-b2']);
    expect(model.writing.map((r) => r.id)).toEqual(['writing-b1']);
    expect(model.competence.map((r) => r.id)).toEqual(['network-competence', 'linux-competence', 'windows-competence', 'supervision-competence', 'remote-competence']);
  });

  it('has an English document of 1,200 to 2,000 words with a table, configuration blocks, a diagram and MUST/SHOULD defined', () => {
    expect(english.documentFile).toBe('wireguard-site-to-site.md');
    expect(english.documentWords).toBeGreaterThanOrEqual(1200);
    expect(english.documentWords).toBeLessThanOrEqual(2000);
    const html = english.documentHtml!;
    expect(html.match(/<table>/g)).toHaveLength(2);
    expect(html).toContain('<pre><code class="language-ini">');
    expect(html).toContain('[Peer]');
    expect(html).toContain('AllowedIPs');
    expect(html).toContain('src="/api/packs/tssr-qp/assets/wireguard-sites.svg"');
    expect(html).toContain('<strong>Warning:</strong>');
    expect(english.documentToc.map((t) => t.id)).toEqual(expect.arrayContaining(['conventions', 'troubleshooting']));
    const conventions = html.slice(html.indexOf('id="conventions"'), html.indexOf('id="how-the-link-works"'));
    for (const word of ['MUST', 'MUST NOT', 'SHOULD', 'MAY']) expect(conventions).toContain(`<strong>${word}</strong>`);
    // The front matter is for the checker, not for candidates.
    expect(html).not.toContain('words: 1200-2000');
  });

  it('asks five English questions, each on a heading of the document, the last a reply of 80 to 120 words', () => {
    expect(english.questions).toHaveLength(5);
    for (const q of english.questions) {
      expect(english.documentToc.map((t) => t.id), q.id).toContain(q.documentAnchor);
      expect(q.keyPoints.length, q.id).toBeGreaterThanOrEqual(2);
    }
    const reply = english.questions[4]!;
    expect(reply.prompt).toMatch(/80 to 120 words/);
    expect(reply.targetWords).toBe(100);
  });

  it('fits its duration: about 1,000 words to write in all', () => {
    const written = p.sections.flatMap((s) => s.questions).reduce((n, q) => n + q.targetWords, 0);
    expect(written).toBeGreaterThanOrEqual(900);
    expect(written).toBeLessThanOrEqual(1100);
  });

  it('serves its diagram: a well-formed hand-written SVG with no external resource', async () => {
    const asset = resolvePackAssetWithType(p, 'wireguard-sites.svg');
    expect(asset?.contentType).toBe('image/svg+xml');
    const svg = fs.readFileSync(asset!.path, 'utf8');
    for (const label of ['gw-lyon', 'gw-annecy', '10.10.0.0/24', '10.20.0.0/24', '203.0.113.10', '51820', '1412']) expect(svg).toContain(label);
    expect(svg).not.toMatch(/@import|@font-face|<script|<image|href="http/i);
    const xml = await validateXML({ xml: { fileName: 'wireguard-sites.svg', contents: svg }, normalization: 'format' });
    expect(xml.errors).toEqual([]);
    expect(xml.valid).toBe(true);
  });
});
