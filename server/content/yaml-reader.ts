// Reading pack.yaml node by node while keeping line numbers.
//
// A plain YAML parse gives values without their place in the file, and a pack author needs the
// line to fix a mistake. The Reader walks the parsed document, checks each value's type and
// range, and reports every problem with the manifest's file name and the 1-based line, in words
// for the author (what was expected, what was found, and how to write it).

import { isAlias, isMap, isNode, isScalar, isSeq, type Document, type LineCounter, type Scalar } from 'yaml';
import { closest } from './did-you-mean.js';
import { ITEM_ID } from './pack-rules.js';
import type { Localized, PackProblem } from './pack-types.js';

/** A node of the parsed document, or whatever sits where one was expected. */
export type AnyNode = unknown;

/** One `key: value` of a mapping, with both nodes for line numbers. */
export interface Entry {
  key: string;
  keyNode: Scalar;
  value: AnyNode;
}

/** The keys a mapping must have, and those it may have. */
export interface KeySet {
  required: readonly string[];
  optional?: readonly string[];
}

export class Reader {
  constructor(
    readonly file: string,
    private readonly doc: Document,
    private readonly lines: LineCounter,
    readonly problems: PackProblem[],
  ) {}

  line(node: AnyNode, fallback = 1): number {
    const range = isNode(node) ? node.range : undefined;
    if (!range) return fallback;
    return this.lines.linePos(range[0]).line;
  }

  /** Line of an entry's value, or of its key when the value is empty. */
  entryLine(entry: Entry): number {
    const keyLine = this.line(entry.keyNode);
    if (!entry.value || (isScalar(entry.value) && entry.value.value === null)) return keyLine;
    return this.line(entry.value, keyLine);
  }

  report(line: number, message: string): void {
    this.problems.push({ file: this.file, line, message });
  }

  /** Follows a YAML alias (`*name`) to the node it stands for. */
  resolve(node: AnyNode): AnyNode {
    return isAlias(node) ? node.resolve(this.doc) : node;
  }

  /**
   * Reads a mapping: reports unknown keys (with the allowed ones) and missing required keys.
   * Returns undefined (after reporting) when the node is not a mapping.
   */
  map(node: AnyNode, where: string, keys: KeySet, lineIfMissing: number): Map<string, Entry> | undefined {
    const resolved = this.resolve(node);
    if (!isMap(resolved)) {
      this.report(this.line(resolved, lineIfMissing), `${where} must be a set of \`key: value\` lines, found ${describe(resolved)}`);
      return undefined;
    }
    const allowed = [...keys.required, ...(keys.optional ?? [])];
    const entries = new Map<string, Entry>();
    for (const pair of resolved.items) {
      const keyNode = pair.key;
      if (!isScalar(keyNode)) {
        this.report(this.line(pair.key, this.line(resolved)), `${where}: keys must be plain words, found ${describe(pair.key)}`);
        continue;
      }
      const key = String(keyNode.value);
      if (!allowed.includes(key)) {
        this.reportUnknownKey(keyNode, key, where, allowed);
        continue;
      }
      entries.set(key, { key, keyNode, value: this.resolve(pair.value) });
    }
    for (const key of keys.required) {
      if (!entries.has(key)) this.report(this.line(resolved, lineIfMissing), `${where}: \`${key}\` is missing`);
    }
    return entries;
  }

  private reportUnknownKey(keyNode: Scalar, key: string, where: string, allowed: readonly string[]): void {
    const hint = closest(key, allowed);
    this.report(
      this.line(keyNode),
      `${where}: unknown key \`${key}\`${hint ? ` (did you mean \`${hint}\`?)` : ''}; the allowed keys are ${allowed.map((k) => `\`${k}\``).join(', ')}`,
    );
  }

  text(entry: Entry | undefined, where: string): string | undefined {
    if (!entry) return undefined;
    const v = entry.value;
    if (isScalar(v) && typeof v.value === 'string' && v.value.trim() !== '') return v.value;
    if (isScalar(v) && (typeof v.value === 'number' || typeof v.value === 'boolean')) {
      this.report(this.entryLine(entry), `${where}: \`${entry.key}\` must be text, found ${describe(v)}; put it in quotes if you mean it as text`);
      return undefined;
    }
    this.report(this.entryLine(entry), `${where}: \`${entry.key}\` must be some text, found ${describe(v)}`);
    return undefined;
  }

  id(entry: Entry | undefined, where: string): string | undefined {
    const value = this.text(entry, where);
    if (value === undefined || !entry) return undefined;
    if (!ITEM_ID.test(value)) {
      this.report(this.entryLine(entry), `${where}: \`${entry.key}\` must be a short name made of letters, digits, "-" and "_" (for example "q1"), found ${JSON.stringify(value)}`);
      return undefined;
    }
    return value;
  }

  integer(entry: Entry | undefined, where: string, min: number, max: number): number | undefined {
    if (!entry) return undefined;
    const v = entry.value;
    if (isScalar(v) && typeof v.value === 'number' && Number.isInteger(v.value) && v.value >= min && v.value <= max) return v.value;
    this.report(this.entryLine(entry), `${where}: \`${entry.key}\` must be a whole number between ${min} and ${max}, found ${describe(v)}`);
    return undefined;
  }

  number(entry: Entry | undefined, where: string, min: number, max: number): number | undefined {
    if (!entry) return undefined;
    const v = entry.value;
    if (isScalar(v) && typeof v.value === 'number' && Number.isFinite(v.value) && v.value >= min && v.value <= max) return v.value;
    this.report(this.entryLine(entry), `${where}: \`${entry.key}\` must be a number between ${min} and ${max} (for example 0.6), found ${describe(v)}`);
    return undefined;
  }

  boolean(entry: Entry | undefined, where: string): boolean | undefined {
    if (!entry) return undefined;
    const v = entry.value;
    if (isScalar(v) && typeof v.value === 'boolean') return v.value;
    this.report(this.entryLine(entry), `${where}: \`${entry.key}\` must be true or false, found ${describe(v)}`);
    return undefined;
  }

  oneOf<T extends string>(entry: Entry | undefined, where: string, values: readonly T[]): T | undefined {
    if (!entry) return undefined;
    const v = entry.value;
    if (isScalar(v) && typeof v.value === 'string' && isOneOf(values, v.value)) return v.value;
    this.report(this.entryLine(entry), `${where}: \`${entry.key}\` must be one of ${values.map((x) => `"${x}"`).join(', ')}, found ${describe(v)}`);
    return undefined;
  }

  localized(entry: Entry | undefined, where: string): Localized | undefined {
    if (!entry) return undefined;
    const inner = `${where}, \`${entry.key}\``;
    const m = this.map(entry.value, inner, { required: ['fr', 'en'] }, this.line(entry.keyNode));
    if (!m) return undefined;
    const fr = this.text(m.get('fr'), inner);
    const en = this.text(m.get('en'), inner);
    return fr !== undefined && en !== undefined ? { fr, en } : undefined;
  }

  /** A list; an empty list is reported when `nonEmpty` says what it must contain. */
  list(entry: Entry | undefined, where: string, nonEmpty?: string): AnyNode[] | undefined {
    if (!entry) return undefined;
    const v = entry.value;
    if (!isSeq(v)) {
      this.report(this.entryLine(entry), `${where}: \`${entry.key}\` must be a list (lines starting with "- "), found ${describe(v)}`);
      return undefined;
    }
    const items = v.items.map((item) => this.resolve(item));
    if (nonEmpty && items.length === 0) {
      this.report(this.entryLine(entry), `${where}: \`${entry.key}\` is empty; ${nonEmpty}`);
    }
    return items;
  }
}

function isOneOf<T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value);
}

/** The `key: value` whose key is `key` in a mapping, read before the mapping's own checks. */
export function peekEntry(node: AnyNode, key: string): Entry | undefined {
  if (!isMap(node)) return undefined;
  for (const pair of node.items) {
    if (isScalar(pair.key) && pair.key.value === key) return { key, keyNode: pair.key, value: pair.value };
  }
  return undefined;
}

/** The `id` written in a mapping, if there is a readable one: used to name a block in messages before it is read. */
export function peekId(node: AnyNode): string | undefined {
  const value = peekEntry(node, 'id')?.value;
  const id = isScalar(value) ? value.value : undefined;
  return typeof id === 'string' && ITEM_ID.test(id) ? id : undefined;
}

/** What was found where something else was expected, in the author's words. */
export function describe(node: AnyNode): string {
  if (node === null || node === undefined) return 'nothing';
  if (isScalar(node)) {
    const v = node.value;
    if (v === null || v === undefined || v === '') return 'nothing';
    if (typeof v === 'string') return JSON.stringify(v.length > 60 ? `${v.slice(0, 57)}...` : v);
    // The core schema's other scalars are numbers and booleans.
    if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
    return 'something else';
  }
  if (isMap(node)) return 'a set of `key: value` lines';
  if (isSeq(node)) return 'a list';
  return 'something else';
}
