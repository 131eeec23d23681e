// `npm run kiosk-kit -- <address> [--out dir] [--lang fr|en]`: writes the exam workstations'
// browser policies for one server address (Debian/Ubuntu JSON, Windows .reg for Chrome and
// Chromium) and the centre's instructions, filled in with that address.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { translate, type MessageKey } from '../contract/i18n/catalogue.js';
import type { Language, Params } from '../contract/i18n/format.js';
import { projectRoot } from '../paths.js';
import { EXIT_FIX_FIRST } from '../exit-codes.js';
import { kioskPolicies, linuxPolicyFile, parseKioskAddress, windowsPolicyKeys, windowsRegFile, type KioskAddress } from './kiosk-policies.js';

/** The kit's files, relative to its folder, and their contents. */
export function kioskKitFiles(address: KioskAddress): Record<string, string | Buffer> {
  const policies = kioskPolicies(address);
  const fill = (template: string) => template.replaceAll('{{origin}}', address.origin);
  // regedit reads UTF-16LE with its byte-order mark everywhere; plain ANSI only on some versions.
  const utf16 = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  return {
    'linux/lectern.json': linuxPolicyFile(policies),
    'windows/lectern-chrome.reg': utf16(windowsRegFile(policies, windowsPolicyKeys.chrome)),
    'windows/lectern-chromium.reg': utf16(windowsRegFile(policies, windowsPolicyKeys.chromium)),
    'LISEZMOI.md': fill(readFileSync(join(projectRoot, 'deploy', 'kiosk-kit', 'LISEZMOI.md'), 'utf8')),
    'README.md': fill(readFileSync(join(projectRoot, 'deploy', 'kiosk-kit', 'README.md'), 'utf8')),
  };
}

/** Each file written beside its final name and renamed: a kit is never left half-written. */
export function writeKit(outDir: string, files: Record<string, string | Buffer>): void {
  for (const [name, content] of Object.entries(files)) {
    const target = join(outDir, name);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(`${target}.tmp`, content);
    renameSync(`${target}.tmp`, target);
  }
}

function languageOf(flag: string | undefined, env: NodeJS.ProcessEnv): Language {
  if (flag === 'en' || flag === 'fr') return flag;
  return /^en/i.test(env.LC_ALL || env.LANG || '') ? 'en' : 'fr';
}

/** Runs the command; returns the exit code and what to print, for the tests to call directly. */
export function runKioskKit(argv: string[], env: NodeJS.ProcessEnv): { code: number; out: string } {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { out: { type: 'string' }, lang: { type: 'string' } }, strict: true });
  } catch {
    return { code: EXIT_FIX_FIRST, out: translate(languageOf(undefined, env), 'kioskKit.usage') };
  }
  const lang = languageOf(parsed.values.lang, env);
  const t = (key: MessageKey, params?: Params) => translate(lang, key, params);
  if (parsed.positionals.length !== 1) return { code: EXIT_FIX_FIRST, out: t('kioskKit.usage') };
  const text = parsed.positionals[0]!;
  const address = parseKioskAddress(text);
  if (!address) return { code: EXIT_FIX_FIRST, out: `${t('kioskKit.badAddress', { address: text })}\n${t('kioskKit.usage')}` };
  const outDir = resolve(parsed.values.out ?? 'kiosk-kit');
  try {
    writeKit(outDir, kioskKitFiles(address));
  } catch (err) {
    return { code: 1, out: t('kioskKit.cannotWrite', { dir: outDir, reason: (err as NodeJS.ErrnoException).code ?? (err as Error).message }) };
  }
  return { code: 0, out: t('kioskKit.written', { origin: address.origin, dir: outDir, readme: join(outDir, lang === 'fr' ? 'LISEZMOI.md' : 'README.md') }) };
}

// Run as a command (bin/kiosk-kit.mjs imports the built module), not when a test imports it.
if (process.argv[1] && /kiosk-kit\.(m?js|ts)$/.test(process.argv[1])) {
  const { code, out } = runKioskKit(process.argv.slice(2), process.env);
  (code === 0 ? console.log : console.error)(out);
  process.exitCode = code;
}
