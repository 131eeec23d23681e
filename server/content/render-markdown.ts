// Markdown -> sanitized HTML for content packs.
//
// `marked` turns Markdown into HTML but does not sanitize it, so everything it produces
// goes through `sanitize-html` with an allow-list: a pack author (or a pack copied from
// somewhere) must never be able to run script in the kiosk, load anything from outside
// the LAN, or make a candidate leave the exam page through a `javascript:` link.

import fs from 'node:fs';
import path from 'node:path';
import { Marked, type Token, type Tokens } from 'marked';
import sanitizeHtml from 'sanitize-html';
import type { Pack } from './pack-types.js';

export interface TocEntry {
  id: string;
  text: string;
  depth: number;
}

/** An image referenced by a document, with the line of the Markdown file it is on. */
export interface DocumentImage {
  /** The reference exactly as written (`![alt](src)` or `<img src="...">`). */
  src: string;
  /** 1-based line in the Markdown file. */
  line: number;
}

/** A heading that received an id (h2 and h3), with its line in the Markdown file. */
export interface DocumentHeading extends TocEntry {
  line: number;
}

export interface RenderedDocument {
  html: string;
  toc: TocEntry[];
  headings: DocumentHeading[];
  /** Words of prose: headings, paragraphs, lists, tables, callouts; code blocks and raw HTML are not counted. */
  words: number;
  images: DocumentImage[];
}

export interface RenderDocumentOptions {
  /** Pack id, used to build the asset URLs: `/api/packs/<packId>/assets/<path>`. */
  packId: string;
  /** Path of the Markdown file relative to the pack folder (image paths are relative to its folder). */
  documentFile: string;
}

/** Image file types a pack may contain, by extension. */
export const ASSET_CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
};

/** Content type of an asset path, or undefined if this kind of file is never served. */
export function assetContentType(relPath: string): string | undefined {
  return ASSET_CONTENT_TYPES[path.posix.extname(relPath).toLowerCase()];
}

// ---------------------------------------------------------------------------------------
// Slugs

/** Lowercase ASCII slug: accents dropped, anything else than a-z and 0-9 becomes one hyphen. */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug === '' ? 'section' : slug;
}

/** Hands out unique slugs: the second "Examples" becomes "examples-2", the third "examples-3". */
export class Slugger {
  private readonly used = new Set<string>();

  slug(text: string): string {
    const base = slugify(text);
    let candidate = base;
    for (let n = 2; this.used.has(candidate); n++) candidate = `${base}-${n}`;
    this.used.add(candidate);
    return candidate;
  }
}

// ---------------------------------------------------------------------------------------
// Paths

export type ImageRef = { ok: true; relPath: string } | { ok: false; reason: string };

/**
 * Resolves an image reference written in a document to a path relative to the pack folder.
 * Only relative file paths inside the pack are accepted: no URL, no absolute path, no `..`
 * that leaves the pack, and only the image types in ASSET_CONTENT_TYPES.
 */
export function resolveImageRef(documentFile: string, src: string): ImageRef {
  const raw = src.trim();
  if (raw === '') return { ok: false, reason: 'the image has no file name' };
  if (/^[a-z][a-z0-9+.-]*:/i.test(raw) || raw.startsWith('//')) {
    return {
      ok: false,
      reason: `images must be files inside the pack folder (the exam room has no internet), found "${raw}"`,
    };
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw.split(/[?#]/)[0] ?? '');
  } catch {
    return { ok: false, reason: `the image path "${raw}" is not a valid path` };
  }
  if (decoded.includes('\\') || decoded.includes('\0')) {
    return { ok: false, reason: `write image paths with forward slashes (/), found "${raw}"` };
  }
  if (decoded.startsWith('/')) {
    return { ok: false, reason: `image paths are relative to the document, without a leading "/", found "${raw}"` };
  }
  const docDir = path.posix.dirname(documentFile.split(path.sep).join('/'));
  const joined = path.posix.normalize(path.posix.join(docDir, decoded));
  if (joined === '..' || joined.startsWith('../') || path.posix.isAbsolute(joined)) {
    return { ok: false, reason: `the image "${raw}" is outside the pack folder; keep images inside the pack` };
  }
  if (!assetContentType(joined)) {
    return {
      ok: false,
      reason: `the image "${raw}" must be an SVG, PNG, JPEG or WebP file (.svg, .png, .jpg, .jpeg, .webp)`,
    };
  }
  return { ok: true, relPath: joined };
}

function assetUrl(packId: string, relPath: string): string {
  return `/api/packs/${encodeURIComponent(packId)}/assets/${relPath.split('/').map(encodeURIComponent).join('/')}`;
}

/** True when `child` is `parent` itself or inside it (both absolute, already resolved). */
function isInside(parent: string, child: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

export interface PackAsset {
  /** Absolute path of the file on disk. */
  path: string;
  contentType: string;
}

/**
 * Absolute path and content type of an image asset of the pack, or undefined when the path
 * is not an image type, does not exist, is not a regular file, or escapes the pack folder
 * (`..`, absolute paths, symbolic links pointing outside). pack.yaml and the Markdown files
 * are never served this way: they hold the key points.
 */
export function resolvePackAssetWithType(pack: Pick<Pack, 'dir'>, relPath: string): PackAsset | undefined {
  if (typeof relPath !== 'string' || relPath === '' || relPath.length > 1024) return undefined;
  if (relPath.includes('\0') || relPath.includes('\\')) return undefined;
  if (relPath.startsWith('/') || path.isAbsolute(relPath)) return undefined;
  const segments = relPath.split('/');
  if (segments.some((s) => s === '' || s === '.' || s === '..' || s.startsWith('.'))) return undefined;
  const contentType = assetContentType(relPath);
  if (!contentType) return undefined;
  try {
    const root = fs.realpathSync(pack.dir);
    const real = fs.realpathSync(path.join(root, ...segments));
    if (!isInside(root, real) || real === root) return undefined;
    if (!fs.statSync(real).isFile()) return undefined;
    return { path: real, contentType };
  } catch {
    return undefined;
  }
}

/** Absolute path of an image asset inside the pack folder, or undefined (see resolvePackAssetWithType). */
export function resolvePackAsset(pack: Pick<Pack, 'dir'>, relPath: string): string | undefined {
  return resolvePackAssetWithType(pack, relPath)?.path;
}

// ---------------------------------------------------------------------------------------
// Sanitizing

const TEXT_TAGS = [
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'p', 'br', 'hr',
  'ul', 'ol', 'li',
  'table', 'thead', 'tbody', 'tr', 'th', 'td',
  'pre', 'code', 'blockquote',
  'em', 'strong', 'del', 'sub', 'sup', 'kbd',
  'a',
];

const SAFE_HREF = /^(https?:\/\/[^\s]+|#[A-Za-z0-9_-]+)$/i;

function baseSanitizeOptions(): sanitizeHtml.IOptions {
  return {
    allowedTags: TEXT_TAGS,
    allowedAttributes: {
      a: ['href', 'title', 'rel'],
      h2: ['id'],
      h3: ['id'],
      th: ['align'],
      td: ['align'],
      ol: ['start'],
      code: ['class'],
    },
    allowedClasses: { code: ['language-*'] },
    allowedSchemes: ['http', 'https'],
    allowedSchemesAppliedToAttributes: ['href', 'src'],
    allowProtocolRelative: false,
    allowedStyles: {},
    disallowedTagsMode: 'discard',
    // Nothing inside these is ever shown, not even as text.
    nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object', 'embed', 'template', 'svg', 'math'],
    transformTags: {
      a: (tagName, attribs) => {
        const out: sanitizeHtml.Attributes = {};
        const href = (attribs.href ?? '').trim();
        if (SAFE_HREF.test(href)) {
          out.href = href;
          if (!href.startsWith('#')) out.rel = 'noopener noreferrer';
        }
        if (attribs.title) out.title = attribs.title;
        return { tagName, attribs: out };
      },
    },
  };
}

function sanitizeDocumentHtml(html: string, opts: RenderDocumentOptions): string {
  const base = baseSanitizeOptions();
  return sanitizeHtml(html, {
    ...base,
    allowedTags: [...(base.allowedTags as string[]), 'img'],
    allowedAttributes: { ...base.allowedAttributes, img: ['src', 'alt', 'title'] },
    allowedSchemesByTag: { img: [] },
    transformTags: {
      ...base.transformTags,
      img: (tagName, attribs) => {
        const ref = resolveImageRef(opts.documentFile, attribs.src ?? '');
        const out: sanitizeHtml.Attributes = { alt: attribs.alt ?? '' };
        if (ref.ok) out.src = assetUrl(opts.packId, ref.relPath);
        if (attribs.title) out.title = attribs.title;
        return { tagName, attribs: out };
      },
    },
    // An image whose source was refused is dropped rather than left broken.
    exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs.src,
  });
}

// ---------------------------------------------------------------------------------------
// Plain text and word counts

const BLOCK_TYPES = new Set(['paragraph', 'heading', 'list_item', 'blockquote', 'list', 'table']);

/** The visible text of some tokens, code blocks and raw HTML left out. Blocks end with a newline. */
function plainText(tokens: Token[] | undefined): string {
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
      case 'table': {
        const table = token as Tokens.Table;
        for (const cell of table.header) out += plainText(cell.tokens) + '\n';
        for (const row of table.rows) for (const cell of row) out += plainText(cell.tokens) + '\n';
        break;
      }
      default: {
        const children = (token as Tokens.Generic).tokens as Token[] | undefined;
        if (children && children.length > 0) out += plainText(children);
        else if ('text' in token && typeof token.text === 'string') out += decodeEntities(token.text);
        if (BLOCK_TYPES.has(token.type)) out += '\n';
      }
    }
  }
  return out;
}

function decodeEntities(text: string): string {
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

// ---------------------------------------------------------------------------------------
// Rendering

const headingIds = new WeakMap<object, string>();

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

function lineAt(lineStarts: number[], offset: number): number {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((lineStarts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

function childTokens(token: Token): Token[] {
  if (token.type === 'list') return (token as Tokens.List).items;
  if (token.type === 'table') {
    const table = token as Tokens.Table;
    return [...table.header, ...table.rows.flat()].flatMap((cell) => cell.tokens);
  }
  return ((token as Tokens.Generic).tokens as Token[] | undefined) ?? [];
}

const HTML_IMG_SRC = /<img\b[^>]*?\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi;

/**
 * Renders a pack document: Markdown to sanitized HTML, h2/h3 given stable ids, image sources
 * rewritten to the pack's asset route. Also returns the table of contents, the headings and
 * images with their lines (for error messages) and the prose word count.
 */
export function renderDocument(markdown: string, opts: RenderDocumentOptions): RenderedDocument {
  const src = markdown.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const lineStarts = [0];
  for (let i = 0; i < src.length; i++) if (src[i] === '\n') lineStarts.push(i + 1);

  const tokens = marked.lexer(src);
  const slugger = new Slugger();
  const toc: TocEntry[] = [];
  const headings: DocumentHeading[] = [];
  const images: DocumentImage[] = [];

  // Walk the tree in document order, keeping track of where each token sits in the source:
  // a token is looked for between the end of its previous sibling and the end of its parent.
  // Returns the offset just after the token, or `from` when its text could not be located
  // (e.g. a paragraph inside a blockquote, whose raw text lacks the "> " prefixes).
  const visit = (token: Token, from: number, limit: number): number => {
    const raw = token.raw ?? '';
    let at = raw ? src.indexOf(raw, from) : -1;
    if (at >= 0 && at + raw.length > limit) at = -1;
    const start = at >= 0 ? at : from;
    if (token.type === 'heading') {
      const heading = token as Tokens.Heading;
      if (heading.depth === 2 || heading.depth === 3) {
        const text = plainText(heading.tokens).replace(/\s+/g, ' ').trim();
        const id = slugger.slug(text);
        headingIds.set(heading, id);
        toc.push({ id, text, depth: heading.depth });
        headings.push({ id, text, depth: heading.depth, line: lineAt(lineStarts, start) });
      }
    } else if (token.type === 'image') {
      images.push({ src: (token as Tokens.Image).href, line: lineAt(lineStarts, start) });
    } else if (token.type === 'html') {
      const text = (token as Tokens.HTML).text;
      for (const m of text.matchAll(HTML_IMG_SRC)) {
        const offset = start + Math.max(0, raw.indexOf(m[0]));
        images.push({ src: decodeEntities(m[1] ?? m[2] ?? m[3] ?? ''), line: lineAt(lineStarts, offset) });
      }
    }
    let cursor = start;
    const childLimit = at >= 0 ? at + raw.length : limit;
    for (const child of childTokens(token)) cursor = visit(child, cursor, childLimit);
    return at >= 0 ? at + raw.length : from;
  };
  let cursor = 0;
  for (const token of tokens) cursor = visit(token, cursor, src.length);

  const html = sanitizeDocumentHtml(marked.parser(tokens), opts);
  return { html, toc, headings, words: countWords(plainText(tokens)), images };
}

/**
 * Renders a question prompt: Markdown to sanitized HTML. No images, no heading ids; links
 * and formatting follow the same rules as documents.
 */
export function renderPrompt(markdown: string): string {
  const src = markdown.replace(/\r\n?/g, '\n');
  const html = marked.parser(marked.lexer(src));
  return sanitizeHtml(html, baseSanitizeOptions());
}

/** Word count of some Markdown prose (code blocks and raw HTML left out). */
export function markdownWordCount(markdown: string): number {
  return countWords(plainText(marked.lexer(markdown.replace(/\r\n?/g, '\n'))));
}
