import { describe, expect, it } from 'vitest';
import { hasText, label, setLanguage, t } from '../../client/common/i18n.js';
import { ApiError } from '../../client/common/api.js';

// The client's side of the catalogue: `t` over the areas this page loaded, plurals, labels, and
// server errors worded in the reader's language.

describe('t on a page', () => {
  it('has the kiosk area from the start, and nothing of the staff areas', () => {
    expect(t('status.saved', { time: '14:03:12' }, 'fr')).toBe('Enregistré à 14:03:12');
    expect(hasText('proctor.title')).toBe(false);
    // A key whose area this page did not load shows as itself, which a browser test would see.
    expect(t('proctor.title', undefined, 'fr')).toBe('proctor.title');
  });

  it('chooses the plural form by {n} in the page language', () => {
    expect(t('question.words', { n: 1, words: '1' }, 'fr')).toBe('1 mot');
    expect(t('question.words', { n: 0, words: '0' }, 'fr')).toBe('0 mot');
    expect(t('question.words', { n: 0, words: '0' }, 'en')).toBe('0 words');
    expect(t('question.words', { n: 2, words: '2' }, 'en')).toBe('2 words');
  });

  it('loads the staff areas (proctor, grading, labels, admin, errors) with staff-i18n', async () => {
    await import('../../client/common/staff-i18n.js');
    expect(t('proctor.title', undefined, 'fr')).toBe('Surveillance');
    expect(t('grading.session.scripts', { n: 1 }, 'fr')).toBe('1 copie');
    expect(t('admin.role.proctor', undefined, 'en')).toBe('proctor');
    expect(label('action', 'grading.distributed', 'fr')).toBe('Copies réparties entre les correcteurs');
    expect(label('event', 'a-kind-from-a-newer-server', 'fr')).toBe('a-kind-from-a-newer-server');
  });
});

describe('server errors on a page', () => {
  it('words a known code in the reader’s language, with the error’s extra fields as placeholders', async () => {
    const { errorText } = await import('../../client/common/error-text.js');
    setLanguage('fr');
    expect(errorText(new ApiError(409, 'username-taken', 'The user name "proctor" is already taken.'))).toBe('Cet identifiant est déjà pris : choisissez-en un autre.');
    expect(errorText(new ApiError(409, 'reading-incomplete', 'Some judgements are missing: q1, q2.', { missing: ['q1', 'q2'] }))).toBe('Il manque des jugements : q1, q2.');
    expect(errorText({ code: 'rate-limited', message: 'Too many', details: { retryAfterSeconds: 30 } })).toBe('Trop d’essais manqués : attendez 30 secondes.');
    setLanguage('en');
    expect(errorText(new ApiError(409, 'username-taken', 'The user name "proctor" is already taken.'))).toBe('This user name is already taken: choose another one.');
    setLanguage('fr');
  });

  it('shows the server’s own message only for a code the catalogue does not know', async () => {
    const { errorText } = await import('../../client/common/error-text.js');
    expect(errorText(new ApiError(400, 'a-code-from-a-newer-server', 'Something new went wrong.'))).toBe('Something new went wrong.');
    expect(errorText(new Error('plain failure'))).toBe('plain failure');
  });
});
