import { describe, expect, it } from 'vitest';
import { areas, catalogues, en, fr, isMessageKey, labelFor, translate } from '../../../server/contract/i18n/catalogue.js';
import { formatEntry, placeholdersOf, type Entry } from '../../../server/contract/i18n/format.js';
import { auditActions, errorCodes, eventKinds, tileStates } from './catalogue-coverage.js';

const forms = (entry: Entry) => (typeof entry === 'string' ? [entry] : [entry.one, entry.other]);

describe('the catalogue', () => {
  it('has every key in both languages, each area too, none empty', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(fr).sort());
    for (const [name, area] of Object.entries(areas)) expect(Object.keys(area.en).sort(), name).toEqual(Object.keys(area.fr).sort());
    for (const language of ['fr', 'en'] as const) {
      for (const [key, entry] of Object.entries(catalogues[language])) for (const form of forms(entry)) expect(form.trim(), `${language} ${key}`).not.toBe('');
    }
  });

  it('uses the same placeholders and the same kind of entry (plain or plural) in both languages', () => {
    for (const key of Object.keys(fr) as (keyof typeof fr)[]) {
      expect(placeholdersOf(en[key]), key).toEqual(placeholdersOf(fr[key]));
      expect(typeof en[key], key).toBe(typeof fr[key]);
    }
  });

  it('gives each key to one area only: one key space', () => {
    const total = Object.values(areas).reduce((n, area) => n + Object.keys(area.fr).length, 0);
    expect(Object.keys(fr)).toHaveLength(total);
  });

  it('keeps the "(s)" plurals out: a count chooses its form', () => {
    for (const language of ['fr', 'en'] as const) {
      for (const [key, entry] of Object.entries(catalogues[language])) for (const form of forms(entry)) expect(form, `${language} ${key}`).not.toMatch(/\w\(s\)/);
    }
  });
});

describe('translate', () => {
  it('chooses the plural form through Intl.PluralRules: 0 and 1 are singular in French, only 1 in English', () => {
    expect(translate('fr', 'proctor.room.connected', { n: 0 })).toBe('0 connecté');
    expect(translate('fr', 'proctor.room.connected', { n: 1 })).toBe('1 connecté');
    expect(translate('fr', 'proctor.room.connected', { n: 2 })).toBe('2 connectés');
    expect(translate('fr', 'proctor.tile.unacknowledged', { n: 1 })).toBe('1 message non lu');
    expect(translate('en', 'proctor.tile.unacknowledged', { n: 0 })).toBe('0 unread messages');
    expect(translate('en', 'proctor.tile.unacknowledged', { n: 1 })).toBe('1 unread message');
    expect(translate('en', 'grading.save.offline', { n: 3 })).toBe('Server unreachable: 3 marks kept on this workstation');
  });

  it('fills placeholders and leaves an unfilled one visible', () => {
    expect(translate('fr', 'status.saved', { time: '14:03:12' })).toBe('Enregistré à 14:03:12');
    expect(translate('en', 'status.saved')).toBe('Saved at {time}');
    expect(formatEntry({ one: '{n} mot', other: '{n} mots' }, 'fr', { n: 1.5 })).toBe('1.5 mot');
  });

  it('names a label, and reads an unknown value as itself', () => {
    expect(labelFor('fr', 'action', 'grading.distributed')).toBe('Copies réparties entre les correcteurs');
    expect(labelFor('en', 'event', 'focus-lost')).toBe('Focus lost');
    expect(labelFor('fr', 'event', 'some-future-kind')).toBe('some-future-kind');
    expect(isMessageKey('event.focus-lost')).toBe(true);
    expect(isMessageKey('toString')).toBe(false);
  });
});

describe('what the server can say has words in the catalogue', () => {
  it('names every action written to the audit log', () => {
    expect(auditActions.length).toBeGreaterThanOrEqual(28);
    expect(auditActions).toContain('grading.distributed');
    expect(auditActions.filter((action) => !isMessageKey(`action.${action}`))).toEqual([]);
  });

  it('names every supervision event kind', () => {
    expect(eventKinds).toEqual(expect.arrayContaining(['focus-lost', 'paste', 'second-login', 'connection-lost', 'connection-back', 'save-refused', 'message-acknowledged']));
    expect(eventKinds.filter((kind) => !isMessageKey(`event.${kind}`))).toEqual([]);
  });

  it('names every tile state', () => {
    expect(tileStates.length).toBeGreaterThanOrEqual(9);
    expect(tileStates.filter((state) => !isMessageKey(`tileState.${state}`))).toEqual([]);
  });

  it('words every error code the server sends, with the placeholders its extra fields fill', () => {
    expect(errorCodes.length).toBeGreaterThanOrEqual(70);
    expect(errorCodes.filter((code) => !isMessageKey(`error.${code}`))).toEqual([]);
    expect(placeholdersOf(fr['error.rate-limited'])).toEqual(['retryAfterSeconds']);
    expect(placeholdersOf(fr['error.reading-incomplete'])).toEqual(['missing']);
    expect(placeholdersOf(fr['error.grading-unfinished'])).toEqual(['scripts']);
  });
});
