import fs from 'node:fs';
import path from 'node:path';
import { zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { loadPack } from '../../../../server/content/load-packs.js';
import { checkXmlFiles } from '../../../../server/content/qti/qti-schema.js';
import { importQtiPackage } from '../../../../server/content/qti/import-package.js';
import { readPackage } from '../../../../server/content/qti/read-package.js';
import { writePack } from '../../../../server/content/qti/write-pack.js';
import { fixtures, tempDir } from './qti-test-helpers.js';

const work = tempDir();
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe('importing QTI written by hand, as other tools write it', () => {
  it('reads a QTI 3.0 item with its shared stimulus and image into a pack that passes the check', async () => {
    const imported = await importQtiPackage(readPackage(path.join(fixtures, 'qti3-item')), 'qti3-item');
    const dir = writePack(imported, path.join(work, 'dns-ttl'));
    const { pack, problems } = loadPack(dir);
    expect(problems).toEqual([]);
    const section = pack?.sections[0];
    expect(pack?.sections).toHaveLength(1);
    expect(section?.answerLanguage).toBe('en');
    expect(section?.documentFile).toBe('document-s1.md');
    expect(section?.documentToc.map((h) => h.id)).toEqual(['typical-values', 'planning-a-change']);
    expect(section?.documentHtml).toContain('<table>');
    expect(section?.documentHtml).toContain('/api/packs/dns-ttl/assets/images/resolver.svg');
    expect(fs.existsSync(path.join(dir, 'images', 'resolver.svg'))).toBe(true);
    const question = section?.questions[0];
    expect(question?.id).toBe('dns-ttl');
    expect(question?.targetWords).toBe(80);
    expect(question?.prompt).toBe('The web server `www.example.test` moves to a new address next Monday at 09:00.\n\nUsing the document, explain *when* you change the record\'s TTL and why, so that clients stop using the old address within minutes of the move.');
    expect(question?.keyPoints).toEqual([
      { id: 'kp1', text: 'Lower the TTL of the record to a few minutes at least one old TTL (**one day**) before the change.' },
      { id: 'kp2', text: 'Raise the TTL back once the new address works everywhere.' },
    ]);
    expect(pack?.rubrics['imported-competence']?.kind).toBe('competence');
    expect(imported.notes.join('\n')).toContain('imported-competence');
  });

  it('reads a QTI 2.2 item (camelCase names, rubricBlock without a content body) from a zip without a manifest', async () => {
    const xml = fs.readFileSync(path.join(fixtures, 'qti22-item', 'backup-rotation.xml'));
    const zip = path.join(work, 'qti22.zip');
    fs.writeFileSync(zip, zipSync({ 'backup-rotation.xml': xml }));
    const imported = await importQtiPackage(readPackage(zip), 'qti22.zip');
    const dir = writePack(imported, path.join(work, 'sauvegardes'));
    const { pack, problems } = loadPack(dir);
    expect(problems).toEqual([]);
    const section = pack?.sections[0];
    expect(section?.answerLanguage).toBe('fr');
    expect(section?.documentFile).toBeUndefined();
    expect(section?.questions.map((q) => [q.id, q.targetWords])).toEqual([['sauvegarde-rotation', 100]]);
    expect(section?.questions[0]?.prompt).toMatch(/^Un client vous demande comment organiser les sauvegardes/);
    expect(section?.questions[0]?.keyPoints.map((k) => k.id)).toEqual(['kp1', 'kp2']);
    expect(section?.questions[0]?.keyPoints[0]?.text).toBe('Cite la règle 3-2-1 : trois copies, deux supports différents, une copie hors site.');
    expect(pack?.durationMinutes).toBe(60);
    expect(imported.notes.join('\n')).toContain('60 minutes');
  });

  it('checks the hand-written QTI 3.0 files, and what other tools add to them, against the schema', async () => {
    const dir = path.join(fixtures, 'qti3-item');
    const read = (f: string): string => fs.readFileSync(path.join(dir, f), 'utf8');
    const withExtras = read('items/dns-ttl.xml')
      .replace('xml:lang="en"', 'xml:lang="en" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.imsglobal.org/xsd/imsqtiasi_v3p0 imsqti_asiv3p0p1_v1p0.xsd"')
      .replace(/<qti-outcome-declaration([^>]*)\/>/, '<qti-outcome-declaration$1><qti-default-value><qti-value>0</qti-value></qti-default-value></qti-outcome-declaration>')
      .replace('</qti-item-body>', '</qti-item-body><qti-response-processing template="https://purl.imsglobal.org/spec/qti/v3p0/rptemplates/match_correct"/>');
    const verdicts = await checkXmlFiles([
      ...['imsmanifest.xml', 'items/dns-ttl.xml', 'stimuli/dns-caching.xml'].map((file) => ({ file, xml: read(file) })),
      { file: 'extras.xml', xml: withExtras },
      { file: 'misplaced.xml', xml: withExtras.replace(/(<qti-response-processing[^>]*\/>)/, '').replace('<qti-item-body>', '<qti-response-processing/><qti-item-body>') },
    ]);
    expect(Object.fromEntries([...verdicts].map(([f, p]) => [f, p.length]))).toEqual({ 'imsmanifest.xml': 0, 'items/dns-ttl.xml': 0, 'stimuli/dns-caching.xml': 0, 'extras.xml': 0, 'misplaced.xml': 1 });
  });
});
