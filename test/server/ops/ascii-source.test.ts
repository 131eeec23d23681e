// Issue 15 (resident memory): the server's bundles are written as ASCII so that V8 keeps their
// source at one byte a character. Each escape must mean what the character meant, wherever it
// stands: run both versions and compare.
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { asciiSource } from '../../../bin/ascii-source.mjs';

const run = (code: string) => runInNewContext(code) as unknown;

describe('asciiSource', () => {
  it('leaves ASCII code as it is', () => {
    const code = 'const a = "plain"; /x+/u.test(a) // a comment\n';
    expect(asciiSource(code)).toBe(code);
  });

  it('escapes every non-ASCII character, and the code means what it meant', () => {
    const cases = [
      // A regular expression with the u flag, a range and a class of typographic quotes.
      String.raw`/^["'“”‘’«»‹›([{<*]+/u.test("« Bonjour") && !/^["'“”‘’«»‹›([{<*]+/u.test("Bonjour")`,
      String.raw`/^\s*(\d+)\s*(?:-|–|to)\s*(\d+)\s*$/.exec("100 – 150")[2]`,
      // A character outside the BMP, in a u regular expression and in a string.
      String.raw`/^𝑊+$/u.test("𝑊𝑊") && "𝑊".length`,
      // A tagged template reading its cooked strings, as the server's html tag does.
      'const tag = (strings, ...v) => strings.join("|"); tag`a · ${1} × b`',
      // A comment and a plain string.
      '// où « ceci » est un commentaire\n"déjà vu — ½"',
    ];
    for (const code of cases) {
      const ascii = asciiSource(code);
      expect(ascii).toMatch(/^[^\u0080-\uffff]*$/);
      expect(run(ascii)).toEqual(run(code));
    }
  });

  it('refuses a non-ASCII character after a backslash, naming its line', () => {
    expect(() => asciiSource('const a = 1;\nconst b = "\\é";')).toThrow(/^line 2: a non-ASCII character after a backslash/);
  });
});
