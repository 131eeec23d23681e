import { describe, expect, it } from 'vitest';
import { countWords, judgeRevision } from '../../../../server/contract/rules/revision.js';

describe('revision rule', () => {
  it('applies the first save and any newer revision', () => {
    expect(judgeRevision(undefined, { revision: 1, text: 'a' })).toBe('apply');
    expect(judgeRevision({ revision: 3, text: 'a' }, { revision: 4, text: 'b' })).toBe('apply');
  });

  it('never lets an older revision overwrite a newer one', () => {
    expect(judgeRevision({ revision: 5, text: 'newer' }, { revision: 4, text: 'older' })).toBe('stale');
  });

  it('treats a resent save as a duplicate, and a different text under the same revision as a conflict', () => {
    expect(judgeRevision({ revision: 5, text: 'same' }, { revision: 5, text: 'same' })).toBe('duplicate');
    expect(judgeRevision({ revision: 5, text: 'one' }, { revision: 5, text: 'two' })).toBe('conflict');
  });
});

describe('countWords', () => {
  it('counts words as a reader does, commands and paths as one word each', () => {
    expect(countWords('')).toBe(0);
    expect(countWords('   \n ')).toBe(0);
    expect(countWords("The timer doesn't fire.")).toBe(4);
    expect(countWords('Run systemctl list-timers --all then check /etc/systemd/system/backup.timer')).toBe(7);
    expect(countWords('Le délai est dépassé')).toBe(4);
  });
});
