// Validates the XML files of a QTI package with xmllint (compiled to WebAssembly, no native
// build): well-formedness always, and the schema of Lectern's QTI 3.0 profile for QTI 3.0 files.
// See schema/*.xsd for why the schema is ours and what it covers.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateXML, type XMLFileInfo } from 'xmllint-wasm';
import { CP_NS, QTI3_NS } from './qti-names.js';

const SCHEMA_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'schema');

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

function toProblems(file: string, errors: ReadonlyArray<{ message: string; loc: null | { lineNumber: number } }>): XmlProblem[] {
  return errors.map((e) => ({ file, ...(e.loc ? { line: e.loc.lineNumber } : {}), message: e.message.trim() }));
}

/**
 * Checks one XML file: not well-formed, or not valid against the schema its namespace calls
 * for, gives one problem per message of xmllint, each with the file and line.
 */
export async function checkXml(file: string, xml: string): Promise<XmlProblem[]> {
  const kind = schemaKindOf(xml);
  const input = { fileName: path.posix.basename(file), contents: xml };
  if (kind === 'none') {
    const result = await validateXML({ xml: input, normalization: 'format' });
    return toProblems(file, result.errors);
  }
  const schema = kind === 'qti3' ? schemaFile('qti3-lectern-profile.xsd') : schemaFile('imscp-lectern-profile.xsd');
  const result = await validateXML({ xml: input, schema, preload: [schemaFile('xml.xsd')] });
  return toProblems(file, result.errors);
}
