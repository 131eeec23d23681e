// The scales correctors judge on, and the keys that set each level in the grading view.
import { describe, expect, it } from 'vitest';
import {
  bandLevels,
  competenceLevels,
  interpretationLevels,
  keyPointLevels,
  MAX_BAND,
  MIN_BAND,
  writingBands,
} from '../../../../server/contract/rules/rubric-scales.js';

describe('rubric scales', () => {
  it('gives the best level the highest key on every three-level scale', () => {
    expect(keyPointLevels).toEqual([
      { level: 'found', key: '2' },
      { level: 'partly', key: '1' },
      { level: 'missing', key: '0' },
    ]);
    expect(interpretationLevels).toEqual([
      { level: 'correct', key: '2' },
      { level: 'partial', key: '1' },
      { level: 'misunderstanding', key: '0' },
    ]);
    expect(competenceLevels).toEqual([
      { level: 'met', key: '2' },
      { level: 'partly', key: '1' },
      { level: 'notMet', key: '0' },
    ]);
  });

  it('judges writing on bands 0 to 5, each set by its own digit', () => {
    expect([MIN_BAND, MAX_BAND]).toEqual([0, 5]);
    expect(writingBands).toEqual([0, 1, 2, 3, 4, 5]);
    expect(bandLevels).toEqual(writingBands.map((band) => ({ level: band, key: String(band) })));
  });
});
