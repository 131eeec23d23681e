// XHTML content of a QTI item or stimulus written by another tool, as the Markdown a pack holds.
// Covers what a reading passage or an open question uses: headings, paragraphs, emphasis, code,
// lists, quotes, tables, links and images. Anything else keeps its text.

import { isTag, isText, type ChildNode, type Element } from 'domhandler';
import { childElements, textOf } from './qti-dom.js';

export interface MarkdownOptions {
  /** Rewrites an image source (a path in the package) to the path the pack will use. */
  image?: (src: string, el: Element) => string;
}

const squash = (s: string): string => s.replace(/\s+/g, ' ');

function inline(nodes: readonly ChildNode[], opts: MarkdownOptions): string {
  return nodes.map((n) => inlineNode(n, opts)).join('');
}

function inlineNode(node: ChildNode, opts: MarkdownOptions): string {
  if (isText(node)) return squash(node.data).replace(/([*_`[\]\\])/g, '\\$1');
  if (!isTag(node)) return '';
  const el = node;
  const inner = (): string => inline(el.children, opts).trim();
  switch (el.name) {
    case 'strong': case 'b': return `**${inner()}**`;
    case 'em': case 'i': return `*${inner()}*`;
    case 'del': return `~~${inner()}~~`;
    case 'code': case 'kbd': case 'tt': return `\`${textOf(el)}\``;
    case 'br': return '  \n';
    case 'a': return `[${inner()}](${el.attribs.href ?? ''})`;
    case 'img': return `![${el.attribs.alt ?? ''}](${opts.image ? opts.image(el.attribs.src ?? '', el) : (el.attribs.src ?? '')})`;
    default: return inline(el.children, opts);
  }
}

function table(el: Element, opts: MarkdownOptions): string {
  const rows = [...childElements(el, 'tr'), ...['thead', 'tbody', 'tfoot'].flatMap((g) => childElements(el, g).flatMap((s) => childElements(s, 'tr')))];
  const cells = rows.map((tr) => childElements(tr).map((c) => inline(c.children, opts).trim().replace(/\|/g, '\\|')));
  const width = Math.max(1, ...cells.map((r) => r.length));
  const line = (r: string[]): string => `| ${Array.from({ length: width }, (_, i) => r[i] ?? '').join(' | ')} |`;
  const [head = [], ...body] = cells;
  return [line(head), `|${' --- |'.repeat(width)}`, ...body.map(line)].join('\n');
}

function list(el: Element, opts: MarkdownOptions, ordered: boolean): string {
  return childElements(el, 'li')
    .map((li, i) => {
      const marker = ordered ? `${i + 1}. ` : '- ';
      const body = blocks(li.children, opts).trim().split('\n').join(`\n${' '.repeat(marker.length)}`);
      return marker + body;
    })
    .join('\n');
}

function block(el: Element, opts: MarkdownOptions): string | undefined {
  const heading = /^h([1-6])$/.exec(el.name);
  if (heading) return `${'#'.repeat(Number(heading[1]))} ${inline(el.children, opts).trim()}`;
  switch (el.name) {
    case 'p': return inline(el.children, opts).trim();
    case 'pre': return `\`\`\`\n${textOf(el).replace(/\n$/, '')}\n\`\`\``;
    case 'ul': return list(el, opts, false);
    case 'ol': return list(el, opts, true);
    case 'blockquote': return blocks(el.children, opts).trim().split('\n').map((l) => (l ? `> ${l}` : '>')).join('\n');
    case 'table': return table(el, opts);
    case 'hr': return '---';
    case 'div': case 'section': case 'article': case 'figure': case 'qti-content-body': return blocks(el.children, opts).trim();
    default: return undefined;
  }
}

/** Block content: each block separated by a blank line, runs of inline content made paragraphs. */
export function blocks(nodes: readonly ChildNode[], opts: MarkdownOptions = {}): string {
  const out: string[] = [];
  let run = '';
  const flush = (): void => {
    if (run.trim()) out.push(run.trim());
    run = '';
  };
  for (const node of nodes) {
    const md = isTag(node) ? block(node, opts) : undefined;
    if (md === undefined) run += inlineNode(node, opts);
    else {
      flush();
      if (md) out.push(md);
    }
  }
  flush();
  return out.join('\n\n');
}
