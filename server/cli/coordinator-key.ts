// `npm run coordinator-key [-- --lang en]`: a new key pair for sealing what leaves the server
// (server/common/sealed-file.ts). The public half goes into the server's environment, the
// secret half stays with the coordinator; this command keeps neither.
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

if (import.meta.url === `file://${process.argv[1]}`) {
  const language: Language = process.argv.includes('en') || process.env.LECTERN_LANG === 'en' ? 'en' : 'fr';
  await printCoordinatorKey(language, (line) => console.log(line));
}
