// The same word count as the server (server/exam/revision.ts `countWords`), copied rather than
// imported so no server module is bundled; test/client/words.test.ts checks that both agree.

/** Words as a reader counts them: runs of letters, digits and joined punctuation. */
export function countWords(text: string): number {
  const matches = text.match(/[\p{L}\p{N}][\p{L}\p{N}'’\-_./:]*/gu);
  return matches ? matches.length : 0;
}
