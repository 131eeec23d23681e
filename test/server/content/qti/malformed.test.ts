import fs from 'node:fs';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPack } from '../../../../server/content/load-packs.js';
import { exportPack } from '../../../../server/content/qti/export-package.js';
import { importQtiPackage } from '../../../../server/content/qti/import-package.js';
import { formatQtiProblem, QtiImportError, type QtiProblem } from '../../../../server/content/qti/qti-problems.js';
import { MAX_PACKAGE_BYTES, readPackage } from '../../../../server/content/qti/read-package.js';
import { writePack } from '../../../../server/content/qti/write-pack.js';
import { contentDir, editZip, entriesOf, fixtures, tempDir, text } from './qti-test-helpers.js';

const work = tempDir();
const good = path.join(work, 'good.zip');
const packsDir = path.join(work, 'packs');
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

beforeAll(async () => {
  const { pack } = loadPack(path.join(contentDir, 'devops-title-qp'));
  if (!pack) throw new Error('the bundled pack devops-title-qp does not load');
  await exportPack(pack, good);
  fs.mkdirSync(packsDir);
});

/** Imports `source` into packs/<name>; returns the problems, and checks that nothing was written. */
async function refused(source: string, name = 'imported'): Promise<QtiProblem[]> {
  const before = entriesOf(packsDir);
  let caught: unknown;
  try {
    writePack(await importQtiPackage(readPackage(source), path.basename(source)), path.join(packsDir, name));
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(QtiImportError);
  expect(entriesOf(packsDir), 'nothing written').toEqual(before);
  return caught instanceof QtiImportError ? caught.problems : [];
}

const broken = (name: string, edit: Parameters<typeof editZip>[1]): string => editZip(good, edit, path.join(work, `${name}.zip`));

describe('a QTI package Lectern cannot read is refused with file and item, and nothing is written', () => {
  it('an item that is not well-formed XML', async () => {
    const zip = broken('not-well-formed', (f) => f.set('items/q2.xml', text(f, 'items/q2.xml').replace('</qti-item-body>', '')));
    const problems = await refused(zip);
    expect(problems[0]).toMatchObject({ file: 'items/q2.xml', item: 'q2' });
    expect(problems[0]?.message).toMatch(/^not well-formed XML: .*tag mismatch/);
    expect(formatQtiProblem(problems[0] ?? { file: '', message: '' })).toMatch(/^items\/q2\.xml:\d+: item q2: not well-formed XML/);
  });

  it('an item that does not follow the QTI 3.0 schema', async () => {
    const zip = broken('schema', (f) => f.set('items/q3.xml', text(f, 'items/q3.xml').replace('<qti-prompt>', '<qti-prompt><marquee>x</marquee>')));
    const problems = await refused(zip);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'items/q3.xml', item: 'q3', line: expect.any(Number) });
    expect(problems[0]?.message).toMatch(/does not follow the QTI 3\.0 schema.*marquee.*not expected/);
  });

  it('an item missing from the package', async () => {
    const zip = broken('missing-item', (f) => f.delete('items/q4.xml'));
    const problems = await refused(zip);
    expect(problems.map(formatQtiProblem).join('\n')).toMatch(/imsmanifest\.xml:\d+: resource item-q4: the file "items\/q4\.xml" is listed but is not in the package/);
    expect(problems.some((p) => p.item === 'q4' && /"items\/q4\.xml" is named here but is not in the package/.test(p.message))).toBe(true);
  });

  it('an image of a stimulus missing from the package', async () => {
    const fixture = path.join(fixtures, 'qti3-item');
    const files: Record<string, Uint8Array> = Object.fromEntries(['imsmanifest.xml', 'items/dns-ttl.xml', 'stimuli/dns-caching.xml'].map((f) => [f, new Uint8Array(fs.readFileSync(path.join(fixture, f)))]));
    files['imsmanifest.xml'] = strToU8(Buffer.from(files['imsmanifest.xml'] ?? []).toString('utf8').replace('<file href="stimuli/resolver.svg"/>', ''));
    const zip = path.join(work, 'missing-image.zip');
    fs.writeFileSync(zip, zipSync(files));
    const problems = await refused(zip);
    expect(problems).toEqual([{ file: 'stimuli/dns-caching.xml', line: 11, message: 'the image "resolver.svg" is not in the package' }]);
  });

  it('an interaction Lectern does not support, in QTI 3.0', async () => {
    const zip = broken('choice3', (f) => f.set('items/q5.xml', text(f, 'items/q5.xml').replace(/<qti-extended-text-interaction[\s\S]*<\/qti-extended-text-interaction>/, '<qti-choice-interaction response-identifier="RESPONSE" max-choices="1"><qti-simple-choice identifier="A">Yes</qti-simple-choice></qti-choice-interaction>')));
    const problems = await refused(zip);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'items/q5.xml', item: 'q5' });
    expect(problems[0]?.message).toMatch(/^uses qti-choice-interaction, which Lectern does not support/);
  });

  it('an interaction Lectern does not support, in QTI 2.2', async () => {
    const xml = fs.readFileSync(path.join(fixtures, 'qti22-item', 'backup-rotation.xml'), 'utf8')
      .replace(/<extendedTextInteraction[\s\S]*<\/extendedTextInteraction>/, '<choiceInteraction responseIdentifier="RESPONSE" maxChoices="1"><simpleChoice identifier="A">Oui</simpleChoice></choiceInteraction>');
    const zip = path.join(work, 'choice22.zip');
    fs.writeFileSync(zip, zipSync({ 'item.xml': strToU8(xml) }));
    const problems = await refused(zip);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'item.xml', item: 'sauvegarde-rotation' });
    expect(problems[0]?.message).toMatch(/^uses qti-choice-interaction, which Lectern does not support/);
  });

  it('an item without key points for the corrector', async () => {
    const zip = broken('no-key-points', (f) => {
      f.set('items/q1.xml', text(f, 'items/q1.xml').replace(/<qti-rubric-block[\s\S]*?<\/qti-rubric-block>/, ''));
      f.set('imsmanifest.xml', text(f, 'imsmanifest.xml').replace(/<metadata><lectern:question[\s\S]*?<\/lectern:question><\/metadata>/, ''));
    });
    const problems = await refused(zip);
    expect(problems).toEqual([expect.objectContaining({ file: 'items/q1.xml', item: 'q1', message: expect.stringMatching(/no key points for the corrector/) })]);
  });

  it('a zip entry that points outside the package', async () => {
    const zip = path.join(work, 'slip.zip');
    fs.writeFileSync(zip, zipSync({ '../../evil.xml': strToU8('<x/>') }));
    const problems = await refused(zip);
    expect(problems).toEqual([{ file: '../../evil.xml', message: 'this entry of the zip file points outside the package; the package is refused' }]);
  });

  it('a zip that unpacks to more than a questionnaire could ever be', async () => {
    const zip = path.join(work, 'bomb.zip');
    fs.writeFileSync(zip, zipSync({ 'imsmanifest.xml': new Uint8Array(MAX_PACKAGE_BYTES + 1) }, { level: 1 }));
    expect(fs.statSync(zip).size).toBeLessThan(1024 * 1024);
    const problems = await refused(zip);
    expect(problems).toEqual([{ file: 'bomb.zip', message: expect.stringMatching(/unpacks to more than 100 MB/) }]);
  });

  it('a file that is not a zip', async () => {
    const notZip = path.join(work, 'notes.zip');
    fs.writeFileSync(notZip, 'not a zip');
    const problems = await refused(notZip);
    expect(problems[0]?.file).toBe('notes.zip');
    expect(problems[0]?.message).toMatch(/not a readable zip file/);
  });

  it('a target pack folder that already exists is left as it was', async () => {
    fs.mkdirSync(path.join(packsDir, 'taken'));
    fs.writeFileSync(path.join(packsDir, 'taken', 'keep.txt'), 'mine');
    const problems = await refused(good, 'taken');
    expect(problems[0]?.message).toMatch(/already exists/);
    expect(fs.readFileSync(path.join(packsDir, 'taken', 'keep.txt'), 'utf8')).toBe('mine');
  });
});
