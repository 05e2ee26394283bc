/**
 * Cells of the CSV and XLSX files the product writes. A text cell that starts with = + - @ (or a
 * tab or carriage return) is read by Excel as a formula, so a header or a name from an uploaded
 * file could run one on the reader's machine: such a cell gets a leading apostrophe (OWASP's
 * advice). Numbers, and text that is only a number ("-3,2"), are left as they are.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[-+]?\d+([.,]\d+)?$/;

export function safeCell<T>(value: T): T | string {
  if (typeof value !== "string" || !FORMULA_START.test(value) || PLAIN_NUMBER.test(value)) return value;
  return `'${value}`;
}
