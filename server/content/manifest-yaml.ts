// Reads a pack's pack.yaml from disk and parses it as YAML, keeping the positions of every node
// so that later checks can name lines. A file that is missing or not valid YAML is reported
// here, in terms an author can act on (a near-miss file name, a tab used as indentation).

import fs from 'node:fs';
import path from 'node:path';
import { LineCounter, parseDocument, type Document } from 'yaml';
import { PACK_FILE } from './pack-rules.js';
import type { PackProblem } from './pack-types.js';

export interface ParsedManifest {
  doc: Document;
  lines: LineCounter;
}

/** Names an author may have given the manifest by mistake. */
const NEAR_MISSES = ['pack.yml', 'Pack.yaml', 'pack.YAML', 'pack.yaml.txt'];

/** The parsed manifest, or undefined after reporting why there is none. */
export function readManifest(dir: string, manifestRel: string, problems: PackProblem[]): ParsedManifest | undefined {
  let source: string;
  try {
    source = fs.readFileSync(path.join(dir, PACK_FILE), 'utf8');
  } catch {
    const near = NEAR_MISSES.find((n) => fs.existsSync(path.join(dir, n)));
    problems.push({
      file: manifestRel,
      line: 1,
      message: `the pack has no ${PACK_FILE}${near ? `; rename "${near}" to "${PACK_FILE}"` : ''} (every folder of the content folder is a pack; start a folder name with "_" to have it ignored)`,
    });
    return undefined;
  }
  return parseManifest(source, manifestRel, problems);
}

export function parseManifest(source: string, manifestRel: string, problems: PackProblem[]): ParsedManifest | undefined {
  const lines = new LineCounter();
  const doc = parseDocument(source.replace(/^\uFEFF/, ''), { lineCounter: lines, prettyErrors: true, uniqueKeys: true });
  const yamlIssues = [...doc.errors, ...doc.warnings];
  if (yamlIssues.length === 0) return { doc, lines };
  for (const e of yamlIssues) {
    const line = e.linePos?.[0]?.line ?? 1;
    // The parser's first line, without the position it appends: the problem already carries the line.
    const first = (e.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
    const hint = e.code === 'DUPLICATE_KEY' ? ' (a key appears twice in the same block)' : e.code === 'TAB_AS_INDENT' ? ' (indent with spaces, not tabs)' : '';
    problems.push({ file: manifestRel, line, message: `YAML syntax: ${first}${hint}` });
  }
  return undefined;
}
