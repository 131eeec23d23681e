// The server's bundles as ASCII (issue 15, resident memory). V8 keeps a script's source text for
// as long as the script lives: one byte per character when every character fits in Latin-1, two
// otherwise. esbuild escapes non-ASCII characters in plain strings but leaves those in comments,
// regular expressions and tagged templates, and a few dozen of them in main.js (5.4 MB) made it
// cost 10.3 MB of the server's heap instead of 5.2 (a heap snapshot of the idle server).

/**
 * Writes every non-ASCII UTF-16 unit of `code` as a \u escape of its four hex digits (é becomes
 * \u00e9). In a comment, a string, a template (the server's `html` tag reads the cooked strings),
 * a regular expression with or without the u flag (a surrogate pair of escapes is one code point
 * there), such an escape means the very character it replaces. After a backslash it would not,
 * so that throws rather than guess.
 * Source-map columns after an escaped character move by five per character on its line; the
 * line numbers, which a stack trace is read by, do not move.
 */
export function asciiSource(code) {
  return code.replace(/[\u0080-\uffff]/g, (unit, offset) => {
    if (code[offset - 1] === '\\') {
      const line = code.slice(0, offset).split('\n').length;
      throw new Error(`line ${line}: a non-ASCII character after a backslash cannot be escaped without changing its meaning`);
    }
    return `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}
