import { describe, expect, it } from 'vitest';
import { checkCode } from '../../server/contract/rules/code-format.js';
import { digestGroups, formatDuration } from '../../client/common/format.js';
import { backoffDelay } from '../../client/common/connection.js';
import { timeLeftAfter } from '../../client/common/server-clock.js';
import { en, fr } from '../../server/contract/i18n/catalogue.js';
import { placeholdersOf } from '../../server/contract/i18n/format.js';
import { t } from '../../client/common/i18n.js';
import { activityAt, blockedShortcut, pasteSource, type KeyPress } from '../../client/kiosk/supervision.js';
import { warningBracket } from '../../client/kiosk/time-warnings.js';
import type { ClockView } from '../../server/contract/kiosk-protocol.js';

describe('codes typed at login', () => {
  it('tells a wrong length and impossible characters apart', () => {
    expect(checkCode('', 8)).toEqual({ kind: 'empty' });
    expect(checkCode('abcd-efg', 8)).toEqual({ kind: 'length', expected: 8, actual: 7 });
    expect(checkCode('ABCD-EF0O', 8)).toEqual({ kind: 'characters', characters: '0 O' });
    expect(checkCode('abcd-efgh', 8)).toBeNull();
  });
});

describe('interface strings', () => {
  it('has the same keys in French and English, none empty', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(fr).sort());
    for (const [key, value] of [...Object.entries(fr), ...Object.entries(en)]) for (const form of typeof value === 'string' ? [value] : [value.one, value.other]) expect(form, key).not.toBe('');
  });

  it('uses the same placeholders in both languages', () => {
    for (const key of Object.keys(fr) as (keyof typeof fr)[]) expect(placeholdersOf(en[key]), key).toEqual(placeholdersOf(fr[key]));
  });

  it('fills placeholders', () => {
    expect(t('status.saved', { time: '14:03:12' }, 'fr')).toBe('Enregistré à 14:03:12');
    expect(t('status.saved', { time: '14:03:12' }, 'en')).toBe('Saved at 14:03:12');
  });
});

describe('time display', () => {
  it('shows mm:ss under an hour and h:mm:ss from one hour, rounded up', () => {
    expect(formatDuration(30 * 60_000)).toBe('30:00');
    expect(formatDuration(59_001)).toBe('01:00');
    expect(formatDuration(500)).toBe('00:01');
    expect(formatDuration(0)).toBe('00:00');
    expect(formatDuration(-5)).toBe('00:00');
    expect(formatDuration(3_600_000)).toBe('1:00:00');
    expect(formatDuration(2 * 3_600_000 - 1000)).toBe('1:59:59');
  });

  it('warns at 10, 5 and 1 minutes', () => {
    expect(warningBracket(11 * 60_000)).toBeNull();
    expect(warningBracket(10 * 60_000)).toBe(10);
    expect(warningBracket(4 * 60_000)).toBe(5);
    expect(warningBracket(59_000)).toBe(1);
  });

  it('groups the receipt digest by four', () => {
    expect(digestGroups('ABCDEF0123456789')).toEqual(['abcd', 'ef01', '2345', '6789']);
  });
});

describe('server clock', () => {
  const clock: ClockView = { serverNow: 1000, sessionState: 'running', paused: false, startedAt: 0, deadlineAt: 61_000, timeLeftMs: 60_000, extraMs: 0 };

  it('counts down from the server’s time left only while running', () => {
    expect(timeLeftAfter(clock, 10_000)).toBe(50_000);
    expect(timeLeftAfter(clock, 70_000)).toBe(0);
    expect(timeLeftAfter({ ...clock, paused: true }, 10_000)).toBe(60_000);
    expect(timeLeftAfter({ ...clock, sessionState: 'waiting' }, 10_000)).toBe(60_000);
  });
});

describe('reconnection', () => {
  it('waits 0.5 s then doubles up to 5 s', () => {
    expect([1, 2, 3, 4, 5, 6, 20].map((n) => backoffDelay(n))).toEqual([500, 1000, 2000, 4000, 5000, 5000, 5000]);
  });
});

describe('supervision', () => {
  const press = (over: Partial<KeyPress>): KeyPress => ({ key: '', code: '', ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...over });

  it('blocks print, save, new tab/window, open, view source and developer tools', () => {
    expect(blockedShortcut(press({ key: 'p', code: 'KeyP', ctrlKey: true }))).toBe('Ctrl+P');
    expect(blockedShortcut(press({ key: 's', code: 'KeyS', metaKey: true }))).toBe('Cmd+S');
    expect(blockedShortcut(press({ key: 'T', code: 'KeyT', ctrlKey: true, shiftKey: true }))).toBe('Ctrl+Shift+T');
    expect(blockedShortcut(press({ key: 'I', code: 'KeyI', ctrlKey: true, shiftKey: true }))).toBe('Ctrl+Shift+I');
    expect(blockedShortcut(press({ key: 'F12', code: 'F12' }))).toBe('F12');
    // AZERTY: the key that types "w" is where QWERTY has "z"; the browser goes by the character.
    expect(blockedShortcut(press({ key: 'w', code: 'KeyZ', ctrlKey: true }))).toBe('Ctrl+W');
  });

  it('never blocks editing keys, nor AltGr characters on a French keyboard', () => {
    for (const key of ['c', 'v', 'x', 'z', 'y', 'a', 'f']) {
      expect(blockedShortcut(press({ key, code: `Key${key.toUpperCase()}`, ctrlKey: true })), key).toBeNull();
    }
    expect(blockedShortcut(press({ key: 'Z', code: 'KeyZ', ctrlKey: true, shiftKey: true }))).toBeNull();
    expect(blockedShortcut(press({ key: 'p', code: 'KeyP' }))).toBeNull();
    expect(blockedShortcut(press({ key: '€', code: 'KeyE', ctrlKey: true, altKey: true }))).toBeNull();
    expect(blockedShortcut(press({ key: 'o', code: 'KeyO', ctrlKey: true, altKey: true }))).toBeNull();
    expect(blockedShortcut(press({ key: 'Backspace', code: 'Backspace', ctrlKey: true }))).toBeNull();
  });

  it('tells where pasted text comes from', () => {
    const documentText = 'Kubernetes schedules   pods\non nodes. A liveness probe restarts a container.';
    expect(pasteSource('schedules pods on nodes', documentText, [])).toBe('document');
    expect(pasteSource('my own sentence', documentText, ['This is my own sentence.'])).toBe('own-answer');
    expect(pasteSource('something else', documentText, ['x'])).toBe('outside');
    expect(pasteSource('   ', documentText, [])).toBe('outside');
  });

  it('says typing for 5 s after a key, reading for 2 min after a move, else idle', () => {
    expect(activityAt(10_000, 6_000, null)).toBe('typing');
    expect(activityAt(10_000, 4_000, null)).toBe('reading');
    expect(activityAt(200_000, null, 100_000)).toBe('reading');
    expect(activityAt(300_000, 10_000, 100_000)).toBe('idle');
    expect(activityAt(0, null, null)).toBe('idle');
  });
});
