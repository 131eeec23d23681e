// The workstation's own storage (localStorage), as both durable queues use it: the kiosk's save
// queue keeps answers there, the grading view's mark queue keeps marks. Browsers may refuse it
// (private mode, storage disabled, quota full), so every read and removal here fails soft; a write
// that must be known to have failed (a copy of an answer) is left to throw by the caller's choice.
//
// No DOM type is needed: the storage is passed in, a Map-backed fake in the unit tests.

/** The subset of the Web Storage API the queues use (localStorage in the browser, a fake in tests). */
export interface KeyValueStorage {
  readonly length: number;
  key(index: number): string | null;
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** The browser's localStorage, or null where reaching it throws (storage disabled by policy). */
export function browserStorage(): KeyValueStorage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/** The value under `key`, or null when absent or when the storage refuses to be read. */
export function readItem(storage: KeyValueStorage, key: string): string | null {
  try {
    return storage.getItem(key);
  } catch {
    return null;
  }
}

/** Removes `key`; a refusal is ignored, since a copy left behind is never newer than the server's. */
export function removeItem(storage: KeyValueStorage, key: string): void {
  try {
    storage.removeItem(key);
  } catch {
    // Harmless: see above.
  }
}

/** Every key that starts with `prefix`, listed before any is read or removed (removal shifts indexes). */
export function keysWithPrefix(storage: KeyValueStorage, prefix: string): string[] {
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key !== null && key.startsWith(prefix)) keys.push(key);
  }
  return keys;
}

/** A setting remembered on this workstation (the grading mode, the workstation's name); null if unknown or unreadable. */
export function recallSetting(key: string): string | null {
  const storage = browserStorage();
  return storage ? readItem(storage, key) : null;
}

/** Remembers a setting; false when the storage refuses (it is then forgotten at the next load, harmlessly). */
export function rememberSetting(key: string, value: string): boolean {
  try {
    const storage = browserStorage();
    storage?.setItem(key, value);
    return storage !== null;
  } catch {
    return false;
  }
}
