/** CSV for spreadsheets: RFC 4180 quoting, CRLF line ends, and a UTF-8 byte-order mark so Excel reads Vietnamese correctly. */

export const BOM = '\uFEFF';

/**
 * One CSV field. A cell starting with = + - @ (or a tab or carriage return) would run as a formula
 * in a spreadsheet (CSV injection), so it gets a leading apostrophe, which Excel and LibreOffice
 * show as text. Then it is quoted when it holds a quote, comma, semicolon or line break.
 */
export function csvField(value: string): string {
  let v = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  if (/[",;\r\n]/.test(v) || v !== v.trim()) v = `"${v.replace(/"/g, '""')}"`;
  return v;
}

export function csvRow(values: readonly string[]): string {
  return values.map(csvField).join(',') + '\r\n';
}
