import fs from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { loadPack, loadPacks } from '../../../../server/content/load-packs.js';
import { exportPack } from '../../../../server/content/qti/export-package.js';
import { importQtiPackage } from '../../../../server/content/qti/import-package.js';
import { checkXmlFiles } from '../../../../server/content/qti/qti-schema.js';
import { readPackage } from '../../../../server/content/qti/read-package.js';
import { writePack } from '../../../../server/content/qti/write-pack.js';
import { contentDir, editZip, meaningful, tempDir, text } from './qti-test-helpers.js';

const bundled = loadPacks(contentDir);
const work = tempDir();
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe('QTI 3.0 round trip of every bundled pack', () => {
  it('finds the bundled packs', () => {
    expect(bundled.problems).toEqual([]);
    expect(bundled.packs.size).toBeGreaterThanOrEqual(2);
  });

  for (const pack of bundled.packs.values()) {
    it(`${pack.id}: exports a package whose every XML file follows the schema`, async () => {
      const zip = path.join(work, `${pack.id}.zip`);
      await exportPack(pack, zip);
      const files = unzipSync(fs.readFileSync(zip));
      const names = Object.keys(files).sort();
      expect(names).toContain('imsmanifest.xml');
      expect(names).toContain(`tests/${pack.id}.xml`);
      const questions = pack.sections.flatMap((s) => s.questions);
      for (const q of questions) expect(names).toContain(`items/${q.id}.xml`);
      for (const s of pack.sections.filter((x) => x.documentFile)) expect(names).toContain(`stimuli/document-${s.id}.xml`);
      const verdicts = await checkXmlFiles(names.filter((n) => n.endsWith('.xml')).map((file) => ({ file, xml: Buffer.from(files[file] ?? []).toString('utf8') })));
      expect(verdicts.size).toBe(names.filter((n) => n.endsWith('.xml')).length);
      for (const [file, problems] of verdicts) expect(problems, file).toEqual([]);
      const item = Buffer.from(files[`items/${questions[0]?.id ?? ''}.xml`] ?? []).toString('utf8');
      expect(item).toContain('<qti-extended-text-interaction');
      expect(item).toContain('external-scored="human"');
      expect(item).not.toContain('qti-response-processing');
      expect(item).toMatch(/<qti-rubric-block use="scoring" view="scorer">/);
      const test = Buffer.from(files[`tests/${pack.id}.xml`] ?? []).toString('utf8');
      expect(test.match(/<qti-assessment-section /g)?.length).toBe(pack.sections.length);
      expect(test).toContain(`max-time="${pack.durationMinutes * 60}"`);
    });

    it(`${pack.id}: imports back into an equivalent pack`, async () => {
      const zip = path.join(work, `${pack.id}.zip`);
      if (!fs.existsSync(zip)) await exportPack(pack, zip);
      const imported = await importQtiPackage(readPackage(zip), `${pack.id}.zip`);
      const dir = writePack(imported, path.join(work, 'packs', pack.id));
      const again = loadPack(dir);
      expect(again.problems).toEqual([]);
      expect(again.pack && meaningful(again.pack)).toEqual(meaningful(pack));
    });

    it(`${pack.id}: without Lectern's metadata, another tool's reading keeps sections, questions, key points and the document`, async () => {
      const zip = path.join(work, `${pack.id}.zip`);
      if (!fs.existsSync(zip)) await exportPack(pack, zip);
      const bare = editZip(zip, (files) => {
        files.set('imsmanifest.xml', text(files, 'imsmanifest.xml').replace(/<lectern:pack[\s\S]*?<\/lectern:pack>/, '').replace(/<metadata><lectern:question[\s\S]*?<\/lectern:question><\/metadata>/g, ''));
      }, path.join(work, `${pack.id}-bare.zip`));
      const imported = await importQtiPackage(readPackage(bare), 'bare.zip');
      expect(imported.durationMinutes).toBe(pack.durationMinutes);
      expect(imported.sections.map((s) => s.id)).toEqual(pack.sections.map((s) => s.id));
      imported.sections.forEach((s, i) => {
        const original = pack.sections[i];
        expect(s.questions.map((q) => q.id)).toEqual(original?.questions.map((q) => q.id));
        expect(s.questions.map((q) => q.targetWords)).toEqual(original?.questions.map((q) => q.targetWords));
        expect(s.questions.map((q) => q.keyPoints.map((k) => k.id))).toEqual(original?.questions.map((q) => q.keyPoints.map((k) => k.id)));
        expect(s.document !== undefined).toBe(original?.documentFile !== undefined);
      });
      const dir = writePack(imported, path.join(work, 'bare', pack.id));
      const again = loadPack(dir);
      expect(again.problems).toEqual([]);
      const words = (p: typeof pack): number[] => p.sections.map((s) => s.documentWords);
      expect(again.pack && words(again.pack)).toEqual(words(pack));
    });
  }
});

describe('QTI identifiers are XML names', () => {
  it('round-trips a pack whose ids and heading ids start with a digit', async () => {
    const dir = path.join(work, 'src', '2026-a');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'doc.md'), '# Guide\n\n## 1. Overview\n\nThe service listens on port 8080 (~~8000~~ before version 2, see [the notes](https://example.org/notes)) and [its settings](#2-settings) are read at start.\n\n## 2. Settings\n\nEvery setting has a default value that works for a small site.\n');
    const rubric = (id: string) => `  - id: ${id}\n    kind: competence\n    title: { fr: "Compétence", en: "Competence" }\n    criteria:\n      - id: c1\n        title: { fr: "Critère", en: "Criterion" }\n        descriptors:\n          met: { fr: "Oui", en: "Yes" }\n          partly: { fr: "En partie", en: "Partly" }\n          notMet: { fr: "Non", en: "No" }\n    threshold:\n      partlyCountsAsMet: false\n`;
    fs.writeFileSync(path.join(dir, 'pack.yaml'), `title: { fr: "Essai", en: "Trial" }\ncertification: { fr: "Essai", en: "Trial" }\ndurationMinutes: 20\nrubrics:\n${rubric('3-competence')}sections:\n  - id: "1"\n    title: { fr: "Partie", en: "Part" }\n    document: doc.md\n    answerLanguage: fr\n    rubrics: [3-competence]\n    questions:\n      - id: 1a\n        documentAnchor: 1-overview\n        targetWords: 30\n        prompt: "Sur quel port le service écoute-t-il ?"\n        keyPoints:\n          - id: "1"\n            text: "Le port 8080."\n`);
    const { pack, problems } = loadPack(dir);
    expect(problems).toEqual([]);
    if (!pack) return;
    const zip = path.join(work, 'digits.zip');
    await exportPack(pack, zip);
    const files = unzipSync(fs.readFileSync(zip));
    const item = Buffer.from(files['items/1a.xml'] ?? []).toString('utf8');
    expect(item).toContain('identifier="_1a"');
    const stimulus = Buffer.from(files['stimuli/document-1.xml'] ?? []).toString('utf8');
    expect(stimulus).toContain('id="_1-overview"');
    expect(stimulus).toContain('href="#_2-settings"');
    expect(stimulus).toContain('<del>8000</del>');
    expect(stimulus).toContain('<a href="https://example.org/notes">');
    const back = writePack(await importQtiPackage(readPackage(zip), 'digits.zip'), path.join(work, 'packs', '2026-a'));
    const again = loadPack(back);
    expect(again.problems).toEqual([]);
    expect(again.pack && meaningful(again.pack)).toEqual(meaningful(pack));
  });
});
