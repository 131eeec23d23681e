// The kiosk's formatters are made when the browser is idle, not at the first acknowledgement while
// the candidate types (a frame of about 50 ms at CPU /4, measured with the bench's typing).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

beforeEach(() => {
  vi.useFakeTimers();
  vi.resetModules();
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('formatters prepared ahead', () => {
  it('are made once, after the current task, and the save time then makes none', async () => {
    const { formatNumber, formatTimeOfDay, prepareFormatters } = await import('../../../client/common/format.js');
    const { DateTimeFormat, NumberFormat } = Intl;
    const dates = vi.spyOn(Intl, 'DateTimeFormat').mockImplementation(function (...args) {
      return new DateTimeFormat(...args);
    });
    const numbers = vi.spyOn(Intl, 'NumberFormat').mockImplementation(function (...args) {
      return new NumberFormat(...args);
    });
    prepareFormatters('fr');
    expect(dates).not.toHaveBeenCalled();
    vi.runAllTimers();
    expect(dates).toHaveBeenCalledTimes(1);
    expect(numbers).toHaveBeenCalledTimes(1);
    expect(formatTimeOfDay(Date.UTC(2026, 11, 3, 9, 4, 12), 'fr')).toMatch(/^\d\d:04:12$/);
    expect(formatNumber(12345, 'fr')).toBe('12\u202f345');
    expect(dates).toHaveBeenCalledTimes(1);
    expect(numbers).toHaveBeenCalledTimes(1);
  });
});
