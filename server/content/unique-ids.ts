// Ids name things that other parts of the pack, and stored answers and marks, refer to: a
// second use of one would silently merge two sections, questions or criteria. This remembers
// each id with its line and reports a repeat, pointing back at the first.

import type { Reader } from './yaml-reader.js';

export class UniqueIds {
  private readonly seen = new Map<string, number>();

  /**
   * @param what what the ids name, e.g. "question"
   * @param scope where they must be unique, e.g. "in the pack"
   */
  constructor(
    private readonly reader: Reader,
    private readonly what: string,
    private readonly scope: string,
  ) {}

  add(id: string | undefined, line: number): void {
    if (id === undefined) return;
    const first = this.seen.get(id);
    if (first !== undefined) {
      this.reader.report(line, `${this.what} id \`${id}\` is used twice (first on line ${first}); ${this.what} ids must be unique ${this.scope}`);
    } else {
      this.seen.set(id, line);
    }
  }
}
