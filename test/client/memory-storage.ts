import type { KeyValueStorage } from '../../client/common/local-store.js';

/** The workstation's storage in memory, for the queues' tests; `failWrites` plays a full or disabled storage. */
export class MemoryStorage implements KeyValueStorage {
  readonly map = new Map<string, string>();
  failWrites = false;
  get length() {
    return this.map.size;
  }
  key(index: number) {
    return [...this.map.keys()][index] ?? null;
  }
  getItem(key: string) {
    return this.map.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    if (this.failWrites) throw new Error('QuotaExceededError');
    this.map.set(key, value);
  }
  removeItem(key: string) {
    this.map.delete(key);
  }
}

/** A MemoryStorage that records what is written and read, and can refuse removals. */
export class MeteredStorage extends MemoryStorage {
  written: { key: string; length: number }[] = [];
  read: string[] = [];
  failRemovals = false;
  override getItem(key: string) {
    this.read.push(key);
    return super.getItem(key);
  }
  override setItem(key: string, value: string) {
    super.setItem(key, value);
    this.written.push({ key, length: value.length });
  }
  override removeItem(key: string) {
    if (this.failRemovals) throw new Error('SecurityError');
    super.removeItem(key);
  }
}
