// Reading QTI XML as a tree. QTI 2.1/2.2 names its elements in camelCase (`extendedTextInteraction`)
// and QTI 3.0 in kebab case with a prefix (`qti-extended-text-interaction`); the tree is read with
// QTI 3.0 names whatever the version, so one importer serves both.

import { parseDocument } from 'htmlparser2';
import { hasChildren, isTag, isText, type ChildNode, type Element } from 'domhandler';

export type { Element };

/** XHTML elements keep their names in every version. */
const XHTML = new Set(['a', 'abbr', 'b', 'blockquote', 'br', 'caption', 'code', 'col', 'colgroup', 'dd', 'div', 'dl', 'dt', 'em', 'figcaption', 'figure', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'img', 'kbd', 'li', 'object', 'ol', 'p', 'pre', 'q', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'tt', 'ul', 'var']);

const kebab = (name: string): string => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon >= 0 ? name.slice(colon + 1) : name;
}

/** The QTI 3.0 name of an element of any version. */
function qti3Name(name: string, qti2: boolean): string {
  const local = localName(name);
  if (!qti2 || XHTML.has(local)) return local;
  return `qti-${kebab(local)}`;
}

function renameTree(nodes: ChildNode[], qti2: boolean): void {
  for (const node of nodes) {
    if (!isTag(node)) continue;
    const el = node;
    el.name = qti3Name(el.name, qti2);
    if (qti2) el.attribs = Object.fromEntries(Object.entries(el.attribs).map(([k, v]) => [k.includes(':') ? k : kebab(k), v]));
    renameTree(el.children, qti2);
  }
}

export interface QtiDocument {
  root: Element;
  /** 'v2' for QTI 2.1/2.2 (imsqti_v2p1, imsqti_v2p2), 'v3' otherwise. */
  version: 'v2' | 'v3';
  /** The 1-based line of an element, for messages. */
  lineOf: (el: Element) => number;
}

/** Parses a well-formed XML document (check it first with xmllint: this parser forgives). */
export function parseQtiXml(xml: string): QtiDocument | undefined {
  const dom = parseDocument(xml, { xmlMode: true, withStartIndices: true });
  const root = dom.children.find(isTag);
  if (!root) return undefined;
  const version = /imsqti_v2p[0-9]/.test(root.attribs.xmlns ?? '') ? 'v2' : 'v3';
  renameTree([root], version === 'v2');
  const lineOf = (el: Element): number => xml.slice(0, el.startIndex ?? 0).split('\n').length;
  return { root, version, lineOf };
}

export function childElements(el: Element, name?: string): Element[] {
  return el.children.filter((n): n is Element => isTag(n) && (name === undefined || n.name === name));
}

export function firstChild(el: Element, name: string): Element | undefined {
  return childElements(el, name)[0];
}

/** Every descendant element, in document order. */
export function descendants(el: Element, match: (e: Element) => boolean): Element[] {
  const out: Element[] = [];
  for (const child of childElements(el)) {
    if (match(child)) out.push(child);
    out.push(...descendants(child, match));
  }
  return out;
}

export function textOf(node: ChildNode): string {
  if (isText(node)) return node.data;
  if (hasChildren(node)) return node.children.map(textOf).join('');
  return '';
}
