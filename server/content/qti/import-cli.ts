// `npm run content:import-qti -- <file.zip|folder> <pack-folder>`: reads a QTI package into a new pack.

import path from 'node:path';
import { importQtiPackage } from './import-package.js';
import { formatQtiProblem, QtiImportError } from './qti-problems.js';
import { readPackage } from './read-package.js';
import { writePack } from './write-pack.js';

async function main(): Promise<number> {
  const [source, packDir] = process.argv.slice(2);
  if (!source || !packDir) {
    console.error('Usage: npm run content:import-qti -- <package.zip or folder> <new pack folder>   (for example: exam.zip content/my-exam)');
    return 2;
  }
  try {
    const pack = await importQtiPackage(readPackage(source), path.basename(source));
    const dir = writePack(pack, packDir);
    const questions = pack.sections.reduce((n, s) => n + s.questions.length, 0);
    console.log(`Wrote the pack ${dir}: ${pack.sections.length} section(s), ${questions} question(s). Check it with: npm run content:check`);
    for (const note of pack.notes) console.log(`  to review: ${note}`);
    return 0;
  } catch (e) {
    if (!(e instanceof QtiImportError)) throw e;
    for (const p of e.problems) console.error(formatQtiProblem(p));
    console.error(`Nothing was written: ${source} was not imported.`);
    return 1;
  }
}

process.exitCode = await main();
