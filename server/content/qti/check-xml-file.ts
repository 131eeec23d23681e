// One XML file of a package, checked and parsed: missing, not well-formed, an unsupported
// interaction, then the schema, in that order, so the first message is the one to act on.

import { parseQtiXml, descendants, type QtiDocument } from './qti-dom.js';
import type { QtiProblem } from './qti-problems.js';
import { checkXmlFiles, type XmlProblem } from './qti-schema.js';
import { textFile, type PackageFiles } from './read-package.js';

const SUPPORTED_INTERACTION = 'qti-extended-text-interaction';

export interface CheckedXml {
  doc?: QtiDocument;
  problems: QtiProblem[];
}

/** xmllint's verdict on every XML file of a package, found once before the package is read. */
export type XmlVerdicts = Map<string, XmlProblem[]>;

/** A package with xmllint's verdicts on its XML files. */
export interface CheckedPackage {
  files: PackageFiles;
  verdicts: XmlVerdicts;
}

export async function checkPackage(files: PackageFiles): Promise<CheckedPackage> {
  const xml = [...files.keys()].filter((f) => f.toLowerCase().endsWith('.xml')).map((file) => ({ file, xml: textFile(files, file) ?? '' }));
  return { files, verdicts: await checkXmlFiles(xml) };
}

/** `referrer` says where the file was named, for the message when it is missing. */
export function checkedXml(pkg: CheckedPackage, file: string, referrer: string, item?: string): CheckedXml {
  const text = textFile(pkg.files, file);
  const at = item !== undefined ? { item } : {};
  if (text === undefined) return { problems: [{ file: referrer, ...at, message: `the file "${file}" is named here but is not in the package` }] };
  const xmlProblems = (pkg.verdicts.get(file) ?? []).map((p) => ({ ...p, ...at }));
  const parseErrors = xmlProblems.filter((p) => /parser error/i.test(p.message));
  if (parseErrors.length > 0) return { problems: parseErrors.map((p) => ({ ...p, message: `not well-formed XML: ${p.message.replace(/^.*parser error\s*:\s*/i, '')}` })) };
  const doc = parseQtiXml(text);
  if (!doc) return { problems: [{ file, ...at, message: 'the file holds no XML element' }] };
  const unsupported = descendants(doc.root, (e) => e.name.endsWith('-interaction') && e.name !== SUPPORTED_INTERACTION);
  if (unsupported.length > 0) {
    const names = [...new Set(unsupported.map((e) => e.name))].join(', ');
    const first = unsupported[0];
    return {
      problems: [{
        file, ...(first ? { line: doc.lineOf(first) } : {}), item: item ?? doc.root.attribs.identifier ?? file,
        message: `uses ${names}, which Lectern does not support: a Lectern question is an open question answered in writing (qti-extended-text-interaction, extendedTextInteraction in QTI 2)`,
      }],
    };
  }
  const schemaErrors = xmlProblems.map((p) => ({ ...p, message: `does not follow the QTI 3.0 schema (Lectern's profile): ${p.message.replace(/^Schemas validity error\s*:\s*/i, '')}` }));
  return schemaErrors.length > 0 ? { problems: schemaErrors } : { doc, problems: [] };
}
