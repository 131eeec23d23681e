// The interface's languages: French by default, English on request. Exam content (documents,
// questions) is never translated; only the interface around it is.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Localized } from '../../server/contract/pack.js';
import { fr } from './strings/fr.js';
import { en } from './strings/en.js';

export type Language = 'fr' | 'en';
export type StringKey = keyof typeof fr;
export type Catalog = Record<StringKey, string>;
export type StringParams = Record<string, string | number>;

export const languages: readonly Language[] = ['fr', 'en'];
const catalogs: Record<Language, Catalog> = { fr, en };
const STORAGE_KEY = 'lectern.language';

let current: Language | null = null;
const listeners = new Set<(language: Language) => void>();

function storedLanguage(): Language {
  try {
    const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
    return stored === 'en' || stored === 'fr' ? stored : 'fr';
  } catch {
    return 'fr';
  }
}

export function getLanguage(): Language {
  current ??= storedLanguage();
  return current;
}

export function setLanguage(language: Language): void {
  if (language === getLanguage()) return;
  current = language;
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, language);
  } catch {
    // A full or disabled storage only means the choice is not remembered after a reload.
  }
  if (typeof document !== 'undefined') document.documentElement.lang = language;
  for (const listener of listeners) listener(language);
}

/** Follows the language: the callback runs on every change; returns the unsubscribe function. */
export function onLanguageChange(listener: (language: Language) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** `{name}` placeholders filled from `params`; one left unfilled stays visible rather than vanishing. */
export function fillPlaceholders(template: string, params?: StringParams): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** The string for `key` in the current language, with `{name}` placeholders filled from `params`. */
export function t(key: StringKey, params?: StringParams, language: Language = getLanguage()): string {
  return fillPlaceholders(catalogs[language][key], params);
}

/** Pack text shown in the interface (titles, instructions) in the current language. */
export function localized(text: Localized, language: Language = getLanguage()): string {
  return text[language] || text.fr || text.en;
}

/** Re-renders its host whenever the language changes. */
export class I18nController implements ReactiveController {
  private unsubscribe: (() => void) | null = null;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  get language(): Language {
    return getLanguage();
  }

  hostConnected(): void {
    this.unsubscribe = onLanguageChange(() => this.host.requestUpdate());
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
  }
}
