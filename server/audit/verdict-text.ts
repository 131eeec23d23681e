import { translate } from '../contract/i18n/catalogue.js';
import type { Language } from '../contract/i18n/format.js';
import type { ChainVerdict } from './verify-chain.js';

/** The verdict in sentences, and whether the chain is sound (and holds the recorded head). */
export function verdictLines(language: Language, v: ChainVerdict): { lines: string[]; sound: boolean } {
  const lines: string[] = [];
  const day = (ms: number) => new Date(ms).toLocaleDateString(language === 'fr' ? 'fr-FR' : 'en-GB');
  if (v.anchor) lines.push(translate(language, 'audit.anchored', { n: v.anchor.removed, through: day(v.anchor.throughAt), at: day(v.anchor.at) }));
  if (v.firstBreak) {
    const r = v.firstBreak.row;
    lines.push(translate(language, `audit.${v.firstBreak.kind}`, { id: r.id, action: r.action, at: new Date(r.at).toISOString() }));
  } else {
    lines.push(translate(language, 'audit.intact', { n: v.rows, head: v.head }));
  }
  if (v.recordedHead) {
    const found = v.recordedHead.row;
    const missing = v.anchor
      ? translate(language, 'audit.head-missing-anchored', { head: v.recordedHead.digest, at: day(v.anchor.at) })
      : translate(language, 'audit.head-missing', { head: v.recordedHead.digest });
    lines.push(found ? translate(language, 'audit.head-found', { head: v.recordedHead.digest, id: found.id }) : missing);
  }
  return { lines, sound: !v.firstBreak && (!v.recordedHead || v.recordedHead.row !== null) };
}
