// `npm run unseal -- <file.age> --key <keyfile> [--out <file>]`: opens an export or a backup the
// server sealed for the coordinator (server/common/sealed-file.ts), on the coordinator's own
// machine, with the secret key only they hold. The plain file is written beside the sealed one
// (its name without `.age`), never over an existing file.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { translate } from '../contract/i18n/catalogue.js';
import type { Language } from '../contract/i18n/format.js';
import { SEALED_SUFFIX, unseal } from '../common/sealed-file.js';

/** The secret key in a key file: the line `npm run coordinator-key` printed, comments allowed around it. */
export function identityIn(keyFile: string): string {
  return readFileSync(keyFile, 'utf8').split('\n').find((l) => l.trim().startsWith('AGE-SECRET-KEY-'))?.trim() ?? '';
}

/** Runs the command; returns the exit code. Output goes through `print` so a test can read it. */
export async function runUnseal(argv: string[], env: NodeJS.ProcessEnv, print: (line: string) => void): Promise<number> {
  const language: Language = env.LECTERN_LANG === 'en' ? 'en' : 'fr';
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: { key: { type: 'string' }, out: { type: 'string' } }, allowPositionals: true, strict: true });
  } catch {
    print(translate(language, 'unseal.usage'));
    return 2;
  }
  const { values, positionals } = parsed;
  const file = positionals[0];
  const keyFile = values.key ?? env.LECTERN_SEAL_IDENTITY_FILE;
  if (file === undefined || positionals.length > 1 || keyFile === undefined) {
    print(translate(language, 'unseal.usage'));
    return 2;
  }
  if (!existsSync(file)) return fail(print, translate(language, 'unseal.no-file', { file }));
  if (!existsSync(keyFile)) return fail(print, translate(language, 'unseal.no-key-file', { key: keyFile }));
  const out = resolve(values.out ?? (file.endsWith(SEALED_SUFFIX) ? file.slice(0, -SEALED_SUFFIX.length) : `${file}.plain`));
  if (existsSync(out)) return fail(print, translate(language, 'unseal.exists', { out }));
  const opened = await unseal(readFileSync(file), identityIn(keyFile));
  if (!opened.ok) return fail(print, translate(language, `unseal.${opened.why}`, { file, key: keyFile }));
  writeFileSync(out, opened.bytes, { flag: 'wx' });
  print(translate(language, 'unseal.done', { out }));
  return 0;
}

function fail(print: (line: string) => void, sentence: string): number {
  print(sentence);
  return 1;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = await runUnseal(process.argv.slice(2), process.env, (line) => console.log(line));
}
