// The interface's languages: French by default, English on request. Exam content (documents,
// questions) is never translated; only the interface around it is. The texts come from the one
// catalogue in server/contract/i18n (one key space); this module holds the current language and
// the areas of the catalogue this page has loaded. Every page has the kiosk's area; the kiosk's
// bundle, which every candidate downloads, carries nothing else. Staff pages add theirs through
// staff-i18n.ts, and error-text.ts adds the wording of server errors where a page shows them.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Localized } from '../../server/contract/pack.js';
import { fillPlaceholders, formatEntry, languages, type Entry, type Language, type Params } from '../../server/contract/i18n/format.js';
import type { LabelGroup, MessageKey } from '../../server/contract/i18n/catalogue.js';
import { kioskFr } from '../../server/contract/i18n/fr/kiosk.js';
import { kioskEn } from '../../server/contract/i18n/en/kiosk.js';

export { fillPlaceholders, languages, type Language, type LabelGroup };
export type StringKey = MessageKey;
export type StringParams = Params;

/** One area of the catalogue in both languages, as a page loads it. */
export interface CatalogueArea {
  fr: Partial<Record<MessageKey, Entry>>;
  en: Partial<Record<MessageKey, Entry>>;
}

const loaded: Record<Language, Partial<Record<MessageKey, Entry>>> = {
  fr: { ...kioskFr },
  en: { ...kioskEn },
};

/** Adds areas of the catalogue to this page (staff pages: admin, proctor, grading, labels; errors). */
export function loadCatalogueAreas(...areas: CatalogueArea[]): void {
  for (const area of areas) {
    Object.assign(loaded.fr, area.fr);
    Object.assign(loaded.en, area.en);
  }
}

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

/**
 * The page's language and title follow the interface's language, from the first paint: a screen
 * reader announces the title and reads with the `lang` of the page, so an English page titled
 * "Lectern — surveillance" under `lang="fr"` was read in the wrong voice. `title` is the page's
 * name in the current language (after "Lectern — ").
 */
export function followLanguage(title: () => string): void {
  // setLanguage keeps `lang` up to date after a switch; the page starts with the remembered one.
  document.documentElement.lang = getLanguage();
  const retitle = () => (document.title = `Lectern — ${title()}`);
  retitle();
  onLanguageChange(retitle);
}

/** Whether this page has loaded a text for `key` (an error code the catalogue words, say). */
export function hasText(key: string): key is MessageKey {
  return Object.hasOwn(loaded.fr, key);
}

/**
 * The text for `key` in the current language: the plural form chosen by `params.n`, `{name}`
 * placeholders filled. A key whose area this page did not load shows as itself, which the
 * browser tests would see.
 */
export function t(key: MessageKey, params?: Params, language: Language = getLanguage()): string {
  const entry = loaded[language][key];
  return entry === undefined ? key : formatEntry(entry, language, params);
}

/** The name of an event, an action or a state (`label('event', 'focus-lost')`); an unknown one reads as itself. */
export function label(group: LabelGroup, value: string, language: Language = getLanguage()): string {
  const key = `${group}.${value}`;
  return hasText(key) ? t(key, undefined, language) : value;
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
