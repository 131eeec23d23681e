import { describe, expect, it } from 'vitest';
import { CSV_BOM, csvField, csvTime, toCsv } from '../../../server/common/csv.js';

describe('CSV for a French spreadsheet', () => {
  it('starts with a byte-order mark, separates by semicolons and ends every line with CRLF', () => {
    expect(toCsv([['a', 'b'], ['c', 'd']])).toBe(`${CSV_BOM}a;b\r\nc;d\r\n`);
    expect(toCsv([['only the header']])).toBe(`${CSV_BOM}only the header\r\n`);
  });

  it('quotes a field holding a separator, a quote or a line break, doubling its quotes', () => {
    expect(csvField('a;b')).toBe('"a;b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('one\ntwo')).toBe('"one\ntwo"');
    expect(csvField('plain')).toBe('plain');
  });

  it('makes a text that a spreadsheet would run as a formula inert', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('-1')).toBe("'-1");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
  });

  it('writes numbers with a decimal comma and leaves them alone otherwise; nothing is an empty field', () => {
    expect(csvField(2.5)).toBe('2,5');
    expect(csvField(-3)).toBe('-3');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
  });

  it('writes a time as the server\'s local "YYYY-MM-DD hh:mm:ss", and no time as nothing', () => {
    const at = new Date(2025, 5, 12, 14, 3, 7).getTime();
    expect(csvTime(at)).toBe('2025-06-12 14:03:07');
    expect(csvTime(null)).toBe('');
  });
});
