// Looks inside the image files a document shows. The kiosk displays them to candidates on a LAN
// with no internet: an SVG is a document that can hold script or fetch from outside, and a file
// whose content does not match its name would be served with the wrong type.

import fs from 'node:fs';
import path from 'node:path';

const SVG_DANGERS: { pattern: RegExp; what: string }[] = [
  { pattern: /<script\b/i, what: 'a <script> element' },
  { pattern: /<foreignObject\b/i, what: 'a <foreignObject> element' },
  { pattern: /\son[a-z]+\s*=/i, what: 'an event handler attribute (on...=)' },
  { pattern: /javascript:/i, what: 'a javascript: link' },
  { pattern: /(?:href|src)\s*=\s*["']\s*(?:https?:)?\/\//i, what: 'a reference to a file on the internet' },
  { pattern: /@import\b|url\(\s*["']?\s*(?:https?:)?\/\//i, what: 'a stylesheet import from the internet' },
  { pattern: /<!ENTITY\b/i, what: 'an XML entity declaration' },
];

export interface ImageProblem {
  line: number;
  message: string;
}

/** Real content of its type, and no script or external resource in SVG. */
export function checkImageContent(abs: string): ImageProblem | undefined {
  const data = fs.readFileSync(abs);
  const ext = path.extname(abs).toLowerCase();
  if (ext === '.svg') return checkSvg(data.toString('utf8'));
  const isPng = data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const isJpeg = data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff;
  const isWebp = data.subarray(0, 4).toString('latin1') === 'RIFF' && data.subarray(8, 12).toString('latin1') === 'WEBP';
  const expected = ext === '.png' ? isPng : ext === '.webp' ? isWebp : isJpeg;
  if (!expected) return { line: 1, message: `this file is named ${ext} but its content is not a ${ext === '.png' ? 'PNG' : ext === '.webp' ? 'WebP' : 'JPEG'} image` };
  return undefined;
}

function checkSvg(text: string): ImageProblem | undefined {
  if (!/<svg\b/i.test(text)) return { line: 1, message: 'this .svg file holds no <svg> element' };
  for (const danger of SVG_DANGERS) {
    const m = danger.pattern.exec(text);
    if (m) {
      const line = text.slice(0, m.index).split('\n').length;
      return { line, message: `SVG images must be plain drawings; this one contains ${danger.what}, which is not allowed` };
    }
  }
  return undefined;
}
