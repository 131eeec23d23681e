// `npm run audit:verify -- [--data DIR | --file DB] [--head DIGEST]`: checks the whole audit chain
// of a database (the server's, or any backup, opened read-only and left as it is) and names the
// first entry changed, removed or reordered; with --head, checks that the chain still holds the
// head recorded in a backup's manifest or a printed session report. Exit code 0 only when sound.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { AuditRepo } from '../audit/audit.repo.js';
import { verifyChain } from '../audit/verify-chain.js';
import { verdictLines } from '../audit/verdict-text.js';
import { translate } from '../contract/i18n/catalogue.js';
import { closeDatabase } from '../db/connection.js';
import { openDatabaseReadOnly } from '../db/open-database.js';
import { consoleLanguage } from '../db/start-failure.js';

function main(): number {
  const language = consoleLanguage();
  const { values } = parseArgs({ options: { data: { type: 'string' }, file: { type: 'string' }, head: { type: 'string' } }, strict: true });
  const file = values.file ? resolve(values.file) : join(resolve(values.data ?? process.env.LECTERN_DATA_DIR ?? './data'), 'lectern.sqlite');
  if (!existsSync(file)) {
    console.error(translate(language, 'audit.no-database', { file }));
    return 2;
  }
  const db = openDatabaseReadOnly(file);
  try {
    const repo = new AuditRepo(db);
    const { lines, sound } = verdictLines(language, verifyChain(repo.chain(), values.head, repo.anchor()));
    (sound ? console.log : console.error)(lines.join('\n'));
    return sound ? 0 : 1;
  } finally {
    closeDatabase(db);
  }
}

process.exitCode = main();
