// Writing XML text for QTI packages: escaping, elements, and HTML fragments made well-formed.
//
// The pack's Markdown is rendered to HTML by the same renderer the kiosk uses; QTI 3.0 wants that
// content as XHTML in its own namespace, so a fragment is parsed as HTML and written back out in
// XML mode (void elements closed, entities that XML lacks written as characters).

import { render } from 'dom-serializer';
import { isTag } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import { qtiIdentifier } from './qti-names.js';

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

export type Attributes = Readonly<Record<string, string | number | boolean | undefined>>;

function attributeText(attrs: Attributes): string {
  return Object.entries(attrs)
    .filter((entry): entry is [string, string | number | boolean] => entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${escapeXml(String(value))}"`)
    .join('');
}

/** One element; `children` is XML text already escaped (an empty list closes the element itself). */
export function element(name: string, attrs: Attributes, children: readonly string[] = []): string {
  const open = `<${name}${attributeText(attrs)}`;
  return children.length === 0 ? `${open}/>` : `${open}>${children.join('')}</${name}>`;
}

/** An element holding text only. */
export function textElement(name: string, attrs: Attributes, text: string): string {
  return `<${name}${attributeText(attrs)}>${escapeXml(text)}</${name}>`;
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';

/** An HTML fragment (from the Markdown renderer) as well-formed XHTML. */
export function htmlToXhtml(html: string, rewriteImage?: (src: string) => string): string {
  const dom = parseDocument(html, { lowerCaseAttributeNames: true });
  const visit = (nodes: typeof dom.children): void => {
    for (const node of nodes) {
      if (!isTag(node)) continue;
      const { src, id, href } = node.attribs;
      if (rewriteImage && node.name === 'img' && src !== undefined) node.attribs.src = rewriteImage(src);
      // Heading ids (and the links to them) must be XML names in QTI.
      if (id !== undefined) node.attribs.id = qtiIdentifier(id);
      if (href?.startsWith('#')) node.attribs.href = `#${qtiIdentifier(href.slice(1))}`;
      // rel is a browser hint the kiosk adds to outside links; QTI's XHTML has no such attribute.
      delete node.attribs.rel;
      visit(node.children);
    }
  };
  visit(dom.children);
  return render(dom, { xmlMode: true, encodeEntities: 'utf8', selfClosingTags: true });
}
