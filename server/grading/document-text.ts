// The document as the overlap finder and the corrector need it: its text cut into prose and code
// pieces, and the passage a question is about. Both work on the pack's rendered, sanitized HTML,
// so they see exactly what the candidate saw.
import type { DocumentPiece } from './overlap.js';
import type { Passage } from '../contract/grading-evidence.js';

export type { Passage } from '../contract/grading-evidence.js';

const BLOCK_TAGS = new Set([
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'br', 'hr', 'ul', 'ol', 'li', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'pre', 'blockquote', 'img',
]);

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|lt|gt|quot|apos|amp|nbsp|#39);/gi, (whole, name: string) => {
    const n = name.toLowerCase();
    if (n === 'lt') return '<';
    if (n === 'gt') return '>';
    if (n === 'quot') return '"';
    if (n === 'apos' || n === '#39') return "'";
    if (n === 'amp') return '&';
    if (n === 'nbsp') return '\u00a0';
    const code = n.startsWith('#x') ? parseInt(n.slice(2), 16) : parseInt(n.slice(1), 10);
    return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** The text of sanitized HTML, cut into prose and code pieces; block boundaries become spaces. */
export function documentPieces(html: string): DocumentPiece[] {
  const pieces: DocumentPiece[] = [];
  let codeDepth = 0;
  let current: DocumentPiece = { text: '', code: false };
  const push = (text: string, code: boolean) => {
    if (current.code !== code) {
      if (current.text) pieces.push(current);
      current = { text: '', code };
    }
    current.text += text;
  };
  for (const m of html.matchAll(/<(\/?)([a-zA-Z0-9]+)[^>]*>|[^<]+/g)) {
    if (m[2] === undefined) {
      push(decodeEntities(m[0]), codeDepth > 0);
      continue;
    }
    const tag = m[2].toLowerCase();
    const closing = m[1] === '/';
    if (tag === 'code' || tag === 'pre') codeDepth = Math.max(0, codeDepth + (closing ? -1 : 1));
    // Inline tags join their text to the words around them ("<strong>MUST</strong>,"); blocks separate.
    if (BLOCK_TAGS.has(tag)) push(' ', codeDepth > 0);
  }
  if (current.text) pieces.push(current);
  return pieces;
}

/** Plain text of a piece of HTML (headings of a passage, for instance). */
export function htmlToText(html: string): string {
  return documentPieces(html)
    .map((p) => p.text)
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The part of the document a question is about: its `documentAnchor` heading and everything up to
 * the next heading of the same or a higher level (an h2 passage keeps its h3 sub-sections).
 */
export function passageAt(html: string, anchor: string): Passage | null {
  const headings = [...html.matchAll(/<h([1-6])([^>]*)>/g)];
  const at = headings.findIndex((h) => /\bid="([^"]*)"/.exec(h[2]!)?.[1] === anchor);
  if (at < 0) return null;
  const start = headings[at]!;
  const depth = Number(start[1]);
  const next = headings.slice(at + 1).find((h) => Number(h[1]) <= depth);
  const slice = html.slice(start.index, next ? next.index : html.length);
  const headingHtml = /^<h[1-6][^>]*>([\s\S]*?)<\/h[1-6]>/.exec(slice)?.[1] ?? '';
  return { anchor, heading: htmlToText(headingHtml), html: slice.trim() };
}
