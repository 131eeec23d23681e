// A section's shared document on import: Lectern's own Markdown when the package carries it,
// else the stimulus body of another tool turned into Markdown, its images copied into the pack.

import path from 'node:path';
import { checkedXml, type CheckedPackage } from './check-xml-file.js';
import { blocks } from './html-markdown.js';
import { firstChild } from './qti-dom.js';
import type { QtiProblem } from './qti-problems.js';
import { packagePath } from './read-package.js';

export interface ImportedDocument {
  document: string;
  files: Map<string, Uint8Array>;
}

export function readStimulus(pkg: CheckedPackage, stimulusFile: string, sectionId: string, referrer: { file: string; item: string }): { doc?: ImportedDocument; problems: QtiProblem[] } {
  const checked = checkedXml(pkg, stimulusFile, referrer.file, referrer.item);
  if (!checked.doc) return { problems: checked.problems };
  const { root } = checked.doc;
  const body = firstChild(root, 'qti-stimulus-body');
  if (root.name !== 'qti-assessment-stimulus' || !body) {
    return { problems: [{ file: stimulusFile, line: 1, message: `expected a qti-assessment-stimulus with a qti-stimulus-body, found <${root.name}>` }] };
  }
  const problems: QtiProblem[] = [];
  const copied = new Map<string, Uint8Array>();
  const markdown = blocks(body.children, {
    image: (src, el) => {
      const inPackage = packagePath(stimulusFile, src);
      const bytes = inPackage !== undefined ? pkg.files.get(inPackage) : undefined;
      if (inPackage === undefined || !bytes) {
        problems.push({ file: stimulusFile, line: checked.doc?.lineOf(el) ?? 1, message: `the image "${src}" is not in the package` });
        return src;
      }
      const target = `images/${path.posix.basename(inPackage)}`;
      copied.set(target, bytes);
      return target;
    },
  });
  const document = `document-${sectionId}.md`;
  copied.set(document, Buffer.from(`${markdown}\n`, 'utf8'));
  return problems.length > 0 ? { problems } : { doc: { document, files: copied }, problems: [] };
}
