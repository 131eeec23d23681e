// `npm run content:export-qti -- <pack-folder> <file.zip>`: writes a pack as a QTI 3.0 package.

import path from 'node:path';
import { loadPack } from '../load-packs.js';
import { exportPack, QtiExportError } from './export-package.js';

async function main(): Promise<number> {
  const [packDir, zipFile] = process.argv.slice(2);
  if (!packDir || !zipFile) {
    console.error('Usage: npm run content:export-qti -- <pack folder> <file.zip>   (for example: content/devops-title-qp devops-title-qp.zip)');
    return 2;
  }
  const { pack, problems } = loadPack(packDir);
  if (!pack) {
    for (const p of problems) console.error(`${p.file}:${p.line}: ${p.message}`);
    console.error(`The pack ${packDir} has ${problems.length} problem(s): fix them (npm run content:check) before exporting it.`);
    return 1;
  }
  try {
    const { files, bytes } = await exportPack(pack, zipFile);
    console.log(`Wrote ${path.resolve(zipFile)}: QTI 3.0 package of ${pack.id}, ${files} files, ${bytes} bytes.`);
    return 0;
  } catch (e) {
    if (!(e instanceof QtiExportError)) throw e;
    for (const p of e.problems) console.error(`${p.file}:${p.line ?? '?'}: ${p.message}`);
    console.error('Nothing was written: the package would not follow the QTI 3.0 schema.');
    return 1;
  }
}

process.exitCode = await main();
