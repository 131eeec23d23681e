// Validates the XML files of a QTI package with xmllint (compiled to WebAssembly, no native
// build): well-formedness always, and the schema of Lectern's QTI 3.0 profile for QTI 3.0 files.
// See schema/*.xsd for why the schema is ours and what it covers.

import fs from 'node:fs';
import path from 'node:path';
import { validateXML, type XMLFileInfo } from 'xmllint-wasm';
import { projectRoot } from '../../paths.js';
import { CP_NS, QTI3_NS } from './qti-names.js';

// From the project root, not this module: built, the module is inside a bundle in dist/server/.
const SCHEMA_DIR = path.join(projectRoot, 'server', 'content', 'qti', 'schema');

function schemaFile(name: string): XMLFileInfo {
  return { fileName: name, contents: fs.readFileSync(path.join(SCHEMA_DIR, name), 'utf8') };
}

export interface XmlProblem {
  /** The file inside the package. */
  file: string;
  line?: number;
  message: string;
}

/** Which schema a document is checked against, by the namespace of its root element. */
export type SchemaKind = 'qti3' | 'manifest' | 'none';

export function schemaKindOf(xml: string): SchemaKind {
  const root = /<(?!\?|!)([A-Za-z_][\w.-]*:)?[A-Za-z_][\w.-]*[^>]*?\sxmlns="([^"]*)"/.exec(xml);
  if (root?.[2] === QTI3_NS) return 'qti3';
  if (root?.[2] === CP_NS) return 'manifest';
  return 'none';
}

/** xmllint's in-memory file system is flat: a package path is made one file name, and back. */
const flatName = (file: string, i: number): string => `f${i}-${file.replace(/[^A-Za-z0-9._-]/g, '_')}`;

async function runBatch(kind: SchemaKind, batch: { file: string; xml: string }[]): Promise<Map<string, XmlProblem[]>> {
  const byName = new Map(batch.map((b, i) => [flatName(b.file, i), b.file]));
  const xml = batch.map((b, i) => ({ fileName: flatName(b.file, i), contents: b.xml }));
  const result = kind === 'none'
    ? await validateXML({ xml, normalization: 'format' })
    : await validateXML({ xml, schema: schemaFile(kind === 'qti3' ? 'qti3-lectern-profile.xsd' : 'imscp-lectern-profile.xsd'), preload: [schemaFile('xml.xsd')] });
  const out = new Map<string, XmlProblem[]>(batch.map((b) => [b.file, []]));
  let last: string | undefined;
  for (const e of result.errors) {
    if (!e.loc && / fails to validate$/.test(e.message.trim())) continue; // the summary of the messages already kept
    // A message without a position continues the one before it (xmllint prints the faulty line).
    const file = e.loc ? byName.get(e.loc.fileName) : last;
    if (file === undefined) continue;
    last = file;
    out.get(file)?.push({ file, ...(e.loc ? { line: e.loc.lineNumber } : {}), message: e.message.trim() });
  }
  return out;
}

/**
 * Checks XML files: not well-formed, or not valid against the schema their namespace calls for,
 * gives one problem per message of xmllint, each with the file and line. The files are checked
 * in one run of xmllint per schema (starting xmllint is what takes time).
 */
export async function checkXmlFiles(files: readonly { file: string; xml: string }[]): Promise<Map<string, XmlProblem[]>> {
  const groups = new Map<SchemaKind, { file: string; xml: string }[]>();
  for (const f of files) {
    const kind = schemaKindOf(f.xml);
    groups.set(kind, [...(groups.get(kind) ?? []), f]);
  }
  const out = new Map<string, XmlProblem[]>();
  for (const [kind, batch] of groups) for (const [file, problems] of await runBatch(kind, batch)) out.set(file, problems);
  return out;
}

export async function checkXml(file: string, xml: string): Promise<XmlProblem[]> {
  return (await checkXmlFiles([{ file, xml }])).get(file) ?? [];
}
