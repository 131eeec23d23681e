// The outline of a document found while its Markdown is lexed: the h2/h3 headings with the ids
// questions point at, and the images with their lines. Lines matter because an author fixes a
// broken image or a mistyped anchor in the Markdown file, not in the rendered page.

import type { Token, Tokens } from 'marked';
import { decodeEntities, plainText } from './markdown-text.js';
import { Slugger } from './slugs.js';

export interface TocEntry {
  id: string;
  text: string;
  depth: number;
}

/** A heading that received an id (h2 and h3), with its line in the Markdown file. */
export interface DocumentHeading extends TocEntry {
  line: number;
}

/** An image referenced by a document, with the line of the Markdown file it is on. */
export interface DocumentImage {
  /** The reference exactly as written (`![alt](src)` or `<img src="...">`). */
  src: string;
  /** 1-based line in the Markdown file. */
  line: number;
}

/** A link to a heading of the same document (`[text](#id)`), with its line. */
export interface DocumentLink {
  /** The heading id, without the "#". */
  target: string;
  line: number;
}

export interface DocumentOutline {
  toc: TocEntry[];
  headings: DocumentHeading[];
  images: DocumentImage[];
  /** Links to `#heading` ids, checked once every heading is known. */
  links: DocumentLink[];
  /** The id given to each h2/h3 token, for the renderer to write. */
  headingIds: Map<Tokens.Heading, string>;
}

const HTML_IMG_SRC = /<img\b[^>]*?\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi;

/** Outlines the tokens `marked` lexed from `src` (BOM removed, line ends normalised). */
export function outlineDocument(src: string, tokens: Token[]): DocumentOutline {
  return new OutlineWalk(src).walk(tokens);
}

/**
 * Walks the tokens in document order, keeping track of where each sits in the source: `marked`
 * gives a token's raw text but not its offset, so a token is looked for between the end of its
 * previous sibling and the end of its parent.
 */
class OutlineWalk {
  private readonly lineStarts = [0];
  private readonly slugger = new Slugger();
  private readonly outline: DocumentOutline = { toc: [], headings: [], images: [], links: [], headingIds: new Map() };

  constructor(private readonly src: string) {
    for (let i = 0; i < src.length; i++) if (src[i] === '\n') this.lineStarts.push(i + 1);
  }

  walk(tokens: Token[]): DocumentOutline {
    let cursor = 0;
    for (const token of tokens) cursor = this.visit(token, cursor, this.src.length);
    return this.outline;
  }

  /**
   * Returns the offset just after the token, or `from` when its text could not be located
   * (e.g. a paragraph inside a blockquote, whose raw text lacks the "> " prefixes).
   */
  private visit(token: Token, from: number, limit: number): number {
    const raw = token.raw ?? '';
    let at = raw ? this.src.indexOf(raw, from) : -1;
    if (at >= 0 && at + raw.length > limit) at = -1;
    const start = at >= 0 ? at : from;
    if (token.type === 'heading') this.heading(token as Tokens.Heading, start);
    else if (token.type === 'image') this.outline.images.push({ src: (token as Tokens.Image).href, line: this.lineAt(start) });
    else if (token.type === 'html') this.htmlImages((token as Tokens.HTML).text, raw, start);
    else if (token.type === 'link' && (token as Tokens.Link).href.startsWith('#')) {
      this.outline.links.push({ target: safeDecode((token as Tokens.Link).href.slice(1)), line: this.lineAt(start) });
    }
    let cursor = start;
    const childLimit = at >= 0 ? at + raw.length : limit;
    for (const child of childTokens(token)) cursor = this.visit(child, cursor, childLimit);
    return at >= 0 ? at + raw.length : from;
  }

  /** Only h2 and h3 get ids: they are what the table of contents shows and anchors name. */
  private heading(heading: Tokens.Heading, start: number): void {
    if (heading.depth !== 2 && heading.depth !== 3) return;
    const text = plainText(heading.tokens).replace(/\s+/g, ' ').trim();
    const id = this.slugger.slug(text);
    this.outline.headingIds.set(heading, id);
    this.outline.toc.push({ id, text, depth: heading.depth });
    this.outline.headings.push({ id, text, depth: heading.depth, line: this.lineAt(start) });
  }

  /** `<img src>` written as raw HTML is an image too, and is checked like `![alt](src)`. */
  private htmlImages(text: string, raw: string, start: number): void {
    for (const m of text.matchAll(HTML_IMG_SRC)) {
      const offset = start + Math.max(0, raw.indexOf(m[0]));
      this.outline.images.push({ src: decodeEntities(m[1] ?? m[2] ?? m[3] ?? ''), line: this.lineAt(offset) });
    }
  }

  /** 1-based line of a source offset. */
  private lineAt(offset: number): number {
    const starts = this.lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }
}

function childTokens(token: Token): Token[] {
  if (token.type === 'list') return (token as Tokens.List).items;
  if (token.type === 'table') {
    const table = token as Tokens.Table;
    return [...table.header, ...table.rows.flat()].flatMap((cell) => cell.tokens);
  }
  return (token as Tokens.Generic).tokens ?? [];
}

/** A link's `#fragment` as written, percent-escapes decoded when they are valid. */
function safeDecode(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}
