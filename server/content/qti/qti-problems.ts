// A problem found in a QTI package: the file inside the package, the line when known, and the
// item (question) it concerns, so the author can open the right file at the right place.

export interface QtiProblem {
  file: string;
  line?: number;
  /** Identifier of the item concerned, when the problem is in or about one item. */
  item?: string;
  message: string;
}

export function formatQtiProblem(p: QtiProblem): string {
  const where = p.line !== undefined ? `${p.file}:${p.line}` : p.file;
  return `${where}: ${p.item !== undefined ? `item ${p.item}: ` : ''}${p.message}`;
}

export class QtiImportError extends Error {
  constructor(readonly problems: QtiProblem[]) {
    super(`The QTI package was not imported (nothing was written):\n${problems.map(formatQtiProblem).join('\n')}`);
  }
}
