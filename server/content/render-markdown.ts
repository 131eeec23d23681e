// Markdown -> sanitized HTML for content packs: documents (with heading ids, images pointed at
// the pack's asset route, an outline and a word count) and question prompts.
//
// Sanitizing is in sanitize-markdown-html.ts, the outline in document-outline.ts, asset paths
// in pack-assets.ts; this module owns the one configured `marked` instance.

import { Marked, type Token, type Tokens } from 'marked';
import { outlineDocument, type DocumentHeading, type DocumentImage, type DocumentLink, type TocEntry } from './document-outline.js';
import { countWords, plainText } from './markdown-text.js';
import { sanitizeDocumentHtml, sanitizePromptHtml } from './sanitize-markdown-html.js';

export interface RenderedDocument {
  html: string;
  toc: TocEntry[];
  headings: DocumentHeading[];
  /** Words of prose: headings, paragraphs, lists, tables, callouts; code blocks and raw HTML are not counted. */
  words: number;
  images: DocumentImage[];
  /** Links to `#heading` ids of the document, with their lines. */
  links: DocumentLink[];
}

export interface RenderDocumentOptions {
  /** Pack id, used to build the asset URLs: `/api/packs/<packId>/assets/<path>`. */
  packId: string;
  /** Path of the Markdown file relative to the pack folder (image paths are relative to its folder). */
  documentFile: string;
}

// The renderer is configured once, so a rendering passes the ids it gave its headings through here.
const headingIds = new WeakMap<Tokens.Heading, string>();

const marked = new Marked({
  gfm: true,
  breaks: false,
  renderer: {
    heading(token) {
      const inner = this.parser.parseInline(token.tokens);
      const id = headingIds.get(token);
      const idAttr = id ? ` id="${id}"` : '';
      return `<h${token.depth}${idAttr}>${inner}</h${token.depth}>\n`;
    },
  },
});

/**
 * Renders a pack document: Markdown to sanitized HTML, h2/h3 given stable ids, image sources
 * rewritten to the pack's asset route. Also returns the table of contents, the headings and
 * images with their lines (for error messages) and the prose word count.
 */
export function renderDocument(markdown: string, opts: RenderDocumentOptions): RenderedDocument {
  const src = markdown.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const tokens = marked.lexer(src);
  const outline = outlineDocument(src, tokens);
  for (const [heading, id] of outline.headingIds) headingIds.set(heading, id);
  const html = sanitizeDocumentHtml(marked.parser(tokens), opts);
  return { html, toc: outline.toc, headings: outline.headings, words: countWords(plainText(tokens)), images: outline.images, links: outline.links };
}

/**
 * Renders a question prompt: Markdown to sanitized HTML. No images, no heading ids; links
 * and formatting follow the same rules as documents.
 */
export function renderPrompt(markdown: string): string {
  const src = markdown.replace(/\r\n?/g, '\n');
  return sanitizePromptHtml(marked.parser(marked.lexer(src)));
}

const RUNNING_TEXT = new Set(['paragraph', 'list', 'blockquote']);

/**
 * The running text of some Markdown: paragraphs, list items and callouts, one block per line.
 * Headings and table cells are left out: they are not sentences, and readability formulas,
 * which divide words by sentences, would read each as a very short one.
 */
export function markdownRunningText(markdown: string): string {
  return runningBlocks(marked.lexer(markdown.replace(/\r\n?/g, '\n'))).join('\n');
}

/** One line per paragraph or list item: a line wrapped in the source is still one block. */
function runningBlocks(tokens: Token[]): string[] {
  const out: string[] = [];
  for (const t of tokens) {
    if (!RUNNING_TEXT.has(t.type)) continue;
    if (t.type === 'blockquote') out.push(...runningBlocks((t as Tokens.Blockquote).tokens));
    else if (t.type === 'list') for (const item of (t as Tokens.List).items) out.push(oneLine(plainText(item.tokens)));
    else out.push(oneLine(plainText([t])));
  }
  return out;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Word count of some Markdown prose (code blocks and raw HTML left out). */
export function markdownWordCount(markdown: string): number {
  return countWords(plainText(marked.lexer(markdown.replace(/\r\n?/g, '\n'))));
}
