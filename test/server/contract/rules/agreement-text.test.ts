import { describe, expect, it } from 'vitest';
import { kappaText, shareWithCount } from '../../../../server/contract/rules/agreement-text.js';

describe('agreement figures as a chief corrector reads them (issue 13, item 5)', () => {
  it('gives kappa to exactly 3 decimals, in each language’s decimal sign', () => {
    expect(kappaText(0.84, 'fr')).toBe('0,840');
    expect(kappaText(0.8416, 'en')).toBe('0.842');
    expect(kappaText(-1, 'fr')).toBe('-1,000');
  });

  it('gives each share with the count of pairs it comes from', () => {
    expect(shareWithCount(23 / 25, 25, 'fr')).toBe('92\u202f% (23/25)');
    expect(shareWithCount(2 / 3, 3, 'en')).toBe('66.7% (2/3)');
    expect(shareWithCount(1, 1, 'en')).toBe('100% (1/1)');
    expect(shareWithCount(0, 7, 'fr')).toBe('0\u202f% (0/7)');
  });
});
