import { translate } from '../contract/i18n/catalogue.js';
import type { Language } from '../contract/i18n/format.js';
import type { ChainVerdict } from './verify-chain.js';

/** The verdict in sentences, and whether the chain is sound (and holds the recorded head). */
export function verdictLines(language: Language, v: ChainVerdict): { lines: string[]; sound: boolean } {
  const lines: string[] = [];
  if (v.firstBreak) {
    const r = v.firstBreak.row;
    lines.push(translate(language, `audit.${v.firstBreak.kind}`, { id: r.id, action: r.action, at: new Date(r.at).toISOString() }));
  } else {
    lines.push(translate(language, 'audit.intact', { n: v.rows, head: v.head }));
  }
  if (v.recordedHead) {
    const found = v.recordedHead.row;
    lines.push(found ? translate(language, 'audit.head-found', { head: v.recordedHead.digest, id: found.id }) : translate(language, 'audit.head-missing', { head: v.recordedHead.digest }));
  }
  return { lines, sound: !v.firstBreak && (!v.recordedHead || v.recordedHead.row !== null) };
}
