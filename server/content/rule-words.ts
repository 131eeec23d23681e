// Requirement words in a document: MUST, SHOULD, MAY (and their NOT forms), written in capitals as
// in RFC 2119. Telling a requirement from a recommendation is part of what a B2 reading question
// tests, so a document that uses them must say what they mean; the checker warns when it does not.
//
// The rule: a capitalised word is defined when one paragraph or list item of the document's running
// text (not code) holds both the word and a defining phrase ("marks", "means", "stands for",
// "indicates", "is used for", "désigne", "signifie", "marque", "indique") or names RFC 2119 / 8174.

export const RULE_WORDS = ['MUST', 'SHOULD', 'MAY'] as const;
export type RuleWord = (typeof RULE_WORDS)[number];

const DEFINING = /\b(marks?|means?|meaning|stands? for|indicates?|is used for|are used for|désigne|désignent|signifie|signifient|marque|marquent|indique)\b|RFC ?(2119|8174)/i;

export interface UndefinedRuleWord {
  word: RuleWord;
  /** 1-based line of the file where the word is first used. */
  line: number;
}

/**
 * The rule words a document uses without defining them, each with the line of its first use.
 * `source` is the whole file (front matter included) so that lines are the file's own.
 */
export function undefinedRuleWords(source: string): UndefinedRuleWord[] {
  const blocks = textBlocks(source);
  const out: UndefinedRuleWord[] = [];
  for (const word of RULE_WORDS) {
    const pattern = new RegExp(`\\b${word}\\b`);
    const uses = blocks.filter((b) => pattern.test(b.text));
    if (uses.length === 0) continue;
    if (uses.some((b) => DEFINING.test(b.text))) continue;
    out.push({ word, line: uses[0]!.line });
  }
  return out;
}

/** Paragraphs and list items of running text with their first line; code, front matter and tables left out. */
function textBlocks(source: string): { text: string; line: number }[] {
  const lines = source.split(/\r?\n/);
  const blocks: { text: string; line: number }[] = [];
  let current: { text: string; line: number } | undefined;
  let inFence = false;
  let inFrontMatter = lines[0]?.trim() === '---';
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (inFrontMatter) {
      if (i > 0 && line === '---') inFrontMatter = false;
      return;
    }
    if (/^(```|~~~)/.test(line)) inFence = !inFence;
    const breaks = inFence || line === '' || /^(```|~~~|#|\|)/.test(line) || /^([-*+]|\d+\.)\s/.test(line);
    if (breaks) current = undefined;
    if (inFence || line === '' || /^(```|~~~|#|\|)/.test(line)) return;
    // Inline code is not prose: `MAY_FAIL=1` is not the word MAY.
    const text = line.replace(/`[^`]*`/g, ' ');
    if (current) current.text += ` ${text}`;
    else {
      current = { text, line: i + 1 };
      blocks.push(current);
    }
  });
  return blocks;
}
