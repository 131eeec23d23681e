// The allow-list that every HTML produced from pack Markdown goes through.
//
// `marked` does not sanitize, so a pack author (or a pack copied from somewhere) could otherwise
// run script in the kiosk, load anything from outside the LAN, or make a candidate leave the
// exam page through a `javascript:` link. Prompts get text and links only; documents also get
// images, and only those that resolve to a file of the pack.

import sanitizeHtml from 'sanitize-html';
import { assetUrl, resolveImageRef } from './pack-assets.js';

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

function textOptions(): sanitizeHtml.IOptions {
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

/** A question prompt: text, formatting and links; no images. */
export function sanitizePromptHtml(html: string): string {
  return sanitizeHtml(html, textOptions());
}

/** A document: as a prompt, plus images pointed at the pack's asset route. */
export function sanitizeDocumentHtml(html: string, place: { packId: string; documentFile: string }): string {
  const base = textOptions();
  return sanitizeHtml(html, {
    ...base,
    allowedTags: [...TEXT_TAGS, 'img'],
    allowedAttributes: { ...base.allowedAttributes, img: ['src', 'alt', 'title'] },
    allowedSchemesByTag: { img: [] },
    transformTags: {
      ...base.transformTags,
      img: (tagName, attribs) => {
        const ref = resolveImageRef(place.documentFile, attribs.src ?? '');
        const out: sanitizeHtml.Attributes = { alt: attribs.alt ?? '' };
        if (ref.ok) out.src = assetUrl(place.packId, ref.relPath);
        if (attribs.title) out.title = attribs.title;
        return { tagName, attribs: out };
      },
    },
    // An image whose source was refused is dropped rather than left broken.
    exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs.src,
  });
}
