// The prose of a Markdown document as a candidate reads it, for word counts: the length of a
// document is shown to staff and code blocks or raw HTML would inflate it with words nobody reads.

import type { Token, Tokens } from 'marked';

const BLOCK_TYPES = new Set(['paragraph', 'heading', 'list_item', 'blockquote', 'list', 'table']);

/** The visible text of some tokens, code blocks and raw HTML left out. Blocks end with a newline. */
export function plainText(tokens: Token[] | undefined): string {
  if (!tokens) return '';
  let out = '';
  for (const token of tokens) {
    switch (token.type) {
      case 'code':
      case 'html':
      case 'space':
      case 'hr':
      case 'image':
      case 'def':
        break;
      case 'br':
        out += '\n';
        break;
      case 'list':
        for (const item of (token as Tokens.List).items) out += plainText(item.tokens) + '\n';
        break;
      case 'table':
        out += tableText(token as Tokens.Table);
        break;
      default:
        out += inlineText(token);
    }
  }
  return out;
}

function tableText(table: Tokens.Table): string {
  let out = '';
  for (const cell of table.header) out += plainText(cell.tokens) + '\n';
  for (const row of table.rows) for (const cell of row) out += plainText(cell.tokens) + '\n';
  return out;
}

function inlineText(token: Token): string {
  let out = '';
  const children = (token as Tokens.Generic).tokens;
  if (children && children.length > 0) out += plainText(children);
  else if ('text' in token && typeof token.text === 'string') out += decodeEntities(token.text);
  if (BLOCK_TYPES.has(token.type)) out += '\n';
  return out;
}

/** The few entities `marked` writes into token text. */
export function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Words in a text: whitespace-separated pieces holding at least one letter or digit. */
export function countWords(text: string): number {
  let n = 0;
  for (const piece of text.split(/\s+/)) if (/[\p{L}\p{N}]/u.test(piece)) n++;
  return n;
}
