// Does the document say what a key point says? A key point of a reading question must be found
// in the document, or the question tests experience instead of reading. The check is lexical:
//
//   The content words of a key point are its words of 3 letters or more (or holding a digit)
//   that are not common function words, lower-cased, with a plural or -ing/-ed ending removed.
//   The document is cut into passages (paragraphs, list items, table rows, code blocks, each
//   with the two passages that follow it). A key point is SUPPORTED when one passage holds at
//   least half of its content words. A key point with fewer than 3 content words is not judged.
//
// Half, because a key point rephrases (the candidate's words, not the document's) and adds the
// question's own facts; a key point with less than half of its words anywhere near each other
// in the document is most often one the document does not support.

export interface Passage {
  /** 1-based line of the passage's first line in the document. */
  line: number;
  words: Set<string>;
}

export interface Support {
  supported: boolean;
  /** How many content words the key point has. */
  wanted: number;
  /** The passage sharing the most content words, and how many. */
  best?: { line: number; shared: number };
}

const MIN_SHARE = 0.5;
const MIN_WORDS = 3;
const WINDOW = 3;

const STOP_WORDS = new Set(
  (
    'the and for are but not you all any can had her was one our out has have him his how its may new now old see two way who did does doing done get got let put say she too use uses used using than that this these those with from into onto over under what when where which while will would could should shall must also only then there their them they been being each other such some more most very just like about after before again because between both during through until upon your yours it\'s does don\'t isn\'t '
    + 'les des une est pas que qui dans par pour sur avec sans aux ces ses son sont mais ou donc car elle elles ils nous vous leur leurs cette tout tous toute toutes plus moins comme quand fait faire être avoir peut doit entre chaque'
  ).split(/\s+/),
);

/** The content words of a text, as defined above. */
export function contentWords(text: string): Set<string> {
  const out = new Set<string>();
  for (const raw of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
    if (STOP_WORDS.has(raw)) continue;
    if (raw.length < 3 && !/\d/.test(raw)) continue;
    out.add(stem(raw));
  }
  return out;
}

/** A light English/French stem: enough for "timers"/"timer", "failed"/"fail", "running"/"run". */
function stem(word: string): string {
  if (/\d/.test(word)) return word;
  if (word.length <= 4) return word.length === 4 && /[^s]s$/.test(word) ? word.slice(0, -1) : word;
  return word.replace(/(?:ing|ed|es|s|e)$/, '').replace(/(.)\1$/, '$1');
}

/**
 * The passages of a Markdown document: blocks separated by blank lines (a fenced code block is
 * one block even with blank lines inside; each list item and table row is its own block), each
 * joined with the blocks that follow it.
 */
export function documentPassages(markdown: string): Passage[] {
  const blocks = markdownBlocks(markdown);
  return blocks.map((b, i) => ({ line: b.line, words: contentWords(blocks.slice(i, i + WINDOW).map((x) => x.text).join('\n')) }));
}

function markdownBlocks(markdown: string): { line: number; text: string }[] {
  const blocks: { line: number; text: string }[] = [];
  let current: { line: number; text: string } | undefined;
  let inFence = false;
  markdown.split('\n').forEach((line, i) => {
    const fence = /^\s*(```|~~~)/.test(line);
    const itemStart = !inFence && /^\s*(?:[-*+]|\d+[.)]|\|)\s/.test(line);
    const ends = !inFence && (line.trim() === '' || itemStart || (fence && !inFence));
    if (ends && current) {
      blocks.push(current);
      current = undefined;
    }
    if (fence) inFence = !inFence;
    if (line.trim() === '' && !inFence) return;
    if (!current) current = { line: i + 1, text: '' };
    current.text += `${line}\n`;
  });
  if (current) blocks.push(current);
  return blocks;
}

/** How well the document's passages support one key point. */
export function keyPointSupport(keyPoint: string, passages: readonly Passage[]): Support {
  const wanted = contentWords(keyPoint);
  let best: Support['best'];
  for (const p of passages) {
    let shared = 0;
    for (const w of wanted) if (p.words.has(w)) shared++;
    if (!best || shared > best.shared) best = { line: p.line, shared };
  }
  const judged = wanted.size >= MIN_WORDS;
  const supported = !judged || (best !== undefined && best.shared >= MIN_SHARE * wanted.size);
  return best ? { supported, wanted: wanted.size, best } : { supported, wanted: wanted.size };
}
