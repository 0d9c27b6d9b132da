/**
 * One CSV cell, quoted, with spreadsheet formula injection defused: a cell a person typed that
 * starts with = + - @ (or a tab/return) is prefixed with an apostrophe so Excel shows it as text.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}
