import fs from 'node:fs';
import path from 'node:path';
import { zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { loadPack } from '../../../../server/content/load-packs.js';
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
});
