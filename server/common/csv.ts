// CSV for spreadsheets as French offices open them: UTF-8 with a byte-order mark (so accents
// survive), ';' between fields (',' is the decimal separator), CRLF line ends, every field that
// needs it quoted, and text that a spreadsheet would run as a formula made inert. The session
// report's files and the jury's export both write through here.

export const CSV_BOM = '\uFEFF';

export type CsvValue = string | number | null | undefined;

/** One field: a number with a decimal comma; a text quoted when needed, a formula-looking one prefixed with '. */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value).replace('.', ',');
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole file: the byte-order mark, one line per row, each line ended by CRLF. */
export function toCsv(rows: readonly (readonly CsvValue[])[]): string {
  return CSV_BOM + rows.map((row) => row.map(csvField).join(';')).join('\r\n') + '\r\n';
}

/** "2025-06-12 14:03:07", the server's local time: sorts as text and every spreadsheet reads it. */
export function csvTime(ms: number | null): string {
  if (ms === null) return '';
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
}
