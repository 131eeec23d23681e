// The author's guide promises that its complete small example passes the checker with no problem
// and no warning: the example is taken from content/README.md as written, so the guide cannot
// drift from the format.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadPack } from '../../../server/content/load-packs.js';
import { reviewPack } from '../../../server/content/pack-warnings.js';
import { tempContentDir, writePack } from './fixtures.js';

const readme = fs.readFileSync(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../content/README.md'), 'utf8');
const dir = tempContentDir();
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Each file of the example: a bold `example-backup/<file>` line, a blank line, then a fenced block. */
function exampleFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const m of readme.matchAll(/^\*\*`example-backup\/([^`]+)`\*\*\n\n(`{3,4})[a-z]*\n([\s\S]*?)\n\2$/gm)) files[m[1]!] = `${m[3]}\n`;
  return files;
}

describe('the example of content/README.md', () => {
  it('holds the three files of the pack', () => {
    expect(Object.keys(exampleFiles()).sort()).toEqual(['pack.yaml', 'rotation.md', 'rotation.svg']);
  });

  it('loads with no problem and no warning', () => {
    writePack(dir, 'example-backup', exampleFiles());
    const { pack, problems } = loadPack(path.join(dir, 'example-backup'));
    expect(problems).toEqual([]);
    expect(pack?.sections.map((s) => s.questions.length)).toEqual([2, 1]);
    expect(pack?.sections[0]?.documentHtml).toContain('<table>');
    expect(pack?.sections[0]?.documentHtml).toContain('src="/api/packs/example-backup/assets/rotation.svg"');
    expect(reviewPack(pack!).warnings).toEqual([]);
  });
});
