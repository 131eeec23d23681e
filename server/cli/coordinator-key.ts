// `npm run coordinator-key [-- --lang en]`: a new key pair for sealing what leaves the server
// (server/common/sealed-file.ts). The public half goes into the server's environment, the
// secret half stays with the coordinator; this command keeps neither.
import { parseArgs } from 'node:util';
import { translate } from '../contract/i18n/catalogue.js';
import type { Language } from '../contract/i18n/format.js';
import { newCoordinatorKey } from '../common/sealed-file.js';

export async function printCoordinatorKey(language: Language, print: (line: string) => void): Promise<{ identity: string; recipient: string }> {
  const key = await newCoordinatorKey();
  print(translate(language, 'privacy.key.intro'));
  print('');
  print(translate(language, 'privacy.key.recipient', { recipient: key.recipient }));
  print('');
  print(translate(language, 'privacy.key.identity'));
  print(`  ${key.identity}`);
  print('');
  print(translate(language, 'privacy.key.warning'));
  return key;
}

/**
 * Runs the command; returns the exit code. Anything but `--lang` prints the usage instead of a key:
 * a coordinator who typed `--help` must not be handed a key pair they did not ask for.
 */
export async function runCoordinatorKey(argv: string[], env: NodeJS.ProcessEnv, print: (line: string) => void): Promise<number> {
  const options = { lang: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } } as const;
  let values;
  try {
    values = parseArgs({ args: argv, options, strict: true }).values;
  } catch {
    values = null;
  }
  // The language asked for, even beside an option this command does not know.
  const asked = parseArgs({ args: argv, options, strict: false }).values.lang;
  const language: Language = asked === 'en' || (asked === undefined && env.LECTERN_LANG === 'en') ? 'en' : 'fr';
  if (values === null || values.help || (values.lang !== undefined && values.lang !== 'fr' && values.lang !== 'en')) {
    print(translate(language, 'privacy.key.usage'));
    return values?.help ? 0 : 2;
  }
  await printCoordinatorKey(language, print);
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = await runCoordinatorKey(process.argv.slice(2), process.env, (line) => console.log(line));
}
