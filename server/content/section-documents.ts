// Renders each section's document and checks what it refers to: the Markdown file itself, the
// images it shows (inside the pack, of an allowed type, harmless content) and the headings the
// questions point at. Problems inside a document name the document's own file and line.

import fs from 'node:fs';
import path from 'node:path';
import { closest } from './did-you-mean.js';
import { splitFrontMatter } from './document-front-matter.js';
import { checkImageContent } from './image-content.js';
import { checkPackFile, toPosix } from './pack-files.js';
import type { DocumentImage } from './document-outline.js';
import { resolveImageRef } from './pack-assets.js';
import type { SectionDraft } from './read-sections.js';
import { renderDocument, type RenderedDocument } from './render-markdown.js';
import type { Reader } from './yaml-reader.js';

/** The pack folder being loaded. */
export interface PackFolder {
  /** Absolute path of the folder. */
  dir: string;
  /** The pack id (the folder name). */
  id: string;
  /** Path of a file relative to the content folder, as problems name files. */
  rel(abs: string): string;
}

export function attachDocuments(r: Reader, folder: PackFolder, drafts: readonly SectionDraft[]): void {
  for (const draft of drafts) {
    const file = draft.section.documentFile;
    const rendered = file !== undefined ? attachDocument(r, folder, draft, file) : undefined;
    checkAnchors(r, draft, rendered);
  }
}

/** Renders the section's document into it; undefined when the file cannot be read. */
function attachDocument(r: Reader, folder: PackFolder, draft: SectionDraft, file: string): RenderedDocument | undefined {
  const section = draft.section;
  const where = `section ${section.id}`;
  const docLine = draft.documentEntryLine ?? draft.line;
  if (!/\.md$/i.test(file)) {
    r.report(docLine, `${where}: \`document\` must be a Markdown file ending in .md, found "${file}"`);
    return undefined;
  }
  const checked = checkPackFile(folder.dir, file);
  if (!checked.ok) {
    r.report(docLine, `${where}: \`document\`: ${checked.reason}`);
    return undefined;
  }
  const docRel = folder.rel(checked.abs);
  // Stored normalised ("./doc.md" becomes "doc.md"): image paths and asset URLs are built from it.
  const relToPack = toPosix(path.relative(folder.dir, checked.abs));
  section.documentFile = relToPack;
  const { body } = splitFrontMatter(fs.readFileSync(checked.abs, 'utf8'), docRel, r.problems);
  const rendered = renderDocument(body, { packId: folder.id, documentFile: relToPack });
  section.documentHtml = rendered.html;
  section.documentToc = rendered.toc;
  section.documentWords = rendered.words;
  for (const image of rendered.images) checkImage(r, folder, docRel, relToPack, image);
  checkLinks(r, docRel, rendered);
  if (rendered.words === 0) r.problems.push({ file: docRel, line: 1, message: 'the document has no text' });
  return rendered;
}

function checkImage(r: Reader, folder: PackFolder, docRel: string, relToPack: string, image: DocumentImage): void {
  const ref = resolveImageRef(relToPack, image.src);
  if (!ref.ok) {
    r.problems.push({ file: docRel, line: image.line, message: ref.reason });
    return;
  }
  const imageFile = checkPackFile(folder.dir, ref.relPath);
  if (!imageFile.ok) {
    r.problems.push({ file: docRel, line: image.line, message: `image "${image.src}": ${imageFile.reason}` });
    return;
  }
  const content = checkImageContent(imageFile.abs);
  if (content) r.problems.push({ file: folder.rel(imageFile.abs), line: content.line, message: content.message });
}

/** A link to `#id` in a document must name one of its ## or ### headings: a candidate following it would land nowhere. */
function checkLinks(r: Reader, docRel: string, rendered: RenderedDocument): void {
  const ids = rendered.toc.map((h) => h.id);
  for (const link of rendered.links) {
    if (ids.includes(link.target)) continue;
    const hint = closest(link.target, ids);
    r.problems.push({
      file: docRel,
      line: link.line,
      message: `link to "#${link.target}" matches no ## or ### heading of this document${hint ? ` (did you mean "#${hint}"?)` : ''}; its heading ids are ${ids.length ? ids.join(', ') : '(none)'}`,
    });
  }
}

/** Each question's `documentAnchor` must be the id of a ## or ### heading of its section's document. */
function checkAnchors(r: Reader, draft: SectionDraft, rendered: RenderedDocument | undefined): void {
  const section = draft.section;
  for (const a of draft.anchors) {
    if (section.documentFile === undefined) {
      r.report(a.line, `question ${a.questionId}: \`documentAnchor\` is set but section ${section.id} has no \`document\``);
    } else if (rendered && !rendered.toc.some((h) => h.id === a.anchor)) {
      const ids = rendered.toc.map((h) => h.id);
      const hint = closest(a.anchor, ids);
      r.report(
        a.line,
        `question ${a.questionId}: \`documentAnchor\` "${a.anchor}" matches no ## or ### heading of ${section.documentFile}${hint ? ` (did you mean "${hint}"?)` : ''}; its heading ids are ${ids.length ? ids.join(', ') : '(none)'}`,
      );
    }
  }
}
