// What the server can say or record, read from its source, so that a new audit action, event kind
// or error code written anywhere under server/ fails the catalogue's tests until it is named; and
// the search for raw keys on a printed page.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../../server/paths.js';
import { fr } from '../../../server/contract/i18n/catalogue.js';

function serverSources(): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts') && !path.includes(join('server', 'contract', 'i18n'))) files.push(readFileSync(path, 'utf8'));
    }
  };
  walk(join(projectRoot, 'server'));
  return files;
}

const sources = serverSources();

/** The distinct first groups of `pattern` over `within(source)` of every server file. */
function found(pattern: RegExp, within: (source: string) => string[] = (s) => [s]): string[] {
  const names = new Set<string>();
  for (const source of sources) for (const part of within(source)) for (const m of part.matchAll(pattern)) names.add(m[1]!);
  return [...names].sort();
}

const listed = (name: string) => (source: string) => [...source.matchAll(new RegExp(`${name} = (?:new Set\\()?\\[([^\\]]*)\\]`, 'g'))].map((m) => m[1]!);

/** Every action name written to the audit log: `action: 'x.y'`, `action: cond ? 'x.y' : 'x.z'`. */
export const auditActions = found(/'([a-z]+\.[a-z][a-z-]*)'/g, (s) => s.split('\n').filter((line) => /\baction: /.test(line) && !/action: string/.test(line)));

/** Every supervision event kind: the kiosk's list, the server's own records and its feed items. */
export const eventKinds = [
  ...new Set([
    ...found(/'([a-z][a-z-]*)'/g, listed('supervisionKinds')),
    ...found(/'([a-z][a-z-]*)'/g, listed('suspiciousKinds')),
    ...found(/'([a-z][a-z-]*)'/g, listed('serverKinds')),
    ...found(/\.record\([^,]+, [^,]+, '([a-z][a-z-]*)'/g),
    ...found(/source: '(?:kiosk|server)', kind: '([a-z][a-z-]*)'/g),
    // A kind recorded through a named constant (INTERRUPTION_KIND = 'server-interrupted').
    ...found(/\b[A-Z_]*_KIND = '([a-z][a-z-]*)'/g),
  ]),
].sort();

/** Every error code the server sends: `userError(status, 'code', ...)` and `code: 'code'` in error bodies and socket errors. */
export const errorCodes = [
  ...new Set([
    ...found(/userError\(\s*\d+,\s*'([a-z][a-z-]*)'/g),
    ...found(/\bcode: '([a-z][a-z-]*)'/g),
    // The error handler's fallback (`?? 'bad-request'`), and Fastify's own refusals of an oversized, non-JSON, empty or unreadable body.
    ...found(/\?\? '([a-z][a-z-]*)'/g, (s) => s.split('\n').filter((line) => line.includes('fst_err_'))),
    'ctp_body_too_large',
    'ctp_invalid_media_type',
    'ctp_empty_json_body',
    'ctp_invalid_json_body',
  ]),
].sort();

/** The tile states the dashboard derives. */
export const tileStates = found(/'([a-z][a-z-]*)'/g, listed('tileStates'));

/** Words shaped like a key (`grading.distributed`, `report.title`) that are a key of the catalogue or an unnamed audit action. */
export function rawKeys(text: string): string[] {
  const forbidden = new Set<string>([...Object.keys(fr), ...auditActions]);
  return [...text.matchAll(/\b[a-z]+\.[a-z][a-zA-Z-]+\b/g)].map((m) => m[0]).filter((word) => forbidden.has(word));
}
