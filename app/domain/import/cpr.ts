/**
 * Finding CPR numbers (DDMMYY-SSSS) in what a file brings: its cells and its name. Pure.
 *
 * A CPR number is found inside other text, with or without a dash, slash, dots or spaces
 * (010190-1234, 01.01.90-1234, 010190/1234, 0101901234), and as the nine-digit number Excel makes
 * of one that starts with 0 (101901234, about 29 % of all CPR numbers). Only real dates count
 * (day 1–31 as the month allows, month 1–12), and the digits must stand alone: no digit right
 * before or after. That keeps the figures a real row holds out: municipality codes (849),
 * periods (2023/24, 2025K3), counts (at most 10 million, so at most eight digits) and amounts
 * (at most 100 million kr., so a whole nine-digit amount is 100000000 at most, whose month 00 is
 * no date). So every column is checked the same way, and a real row is never refused as a CPR
 * number; the modulus-11 check is not used, because CPR numbers since 2007 need not pass it.
 */

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isDate(dd: string, mm: string): boolean {
  const day = Number(dd);
  const month = Number(mm);
  return month >= 1 && month <= 12 && day >= 1 && day <= DAYS_IN_MONTH[month - 1];
}

// DD MM YY, each pair optionally followed by a dot, dash or space; then an optional dash, slash or space; then four digits
const IN_TEXT = /(?<!\d)(\d{2})[.\- ]?(\d{2})[.\- ]?(\d{2}) ?[-/]? ?(\d{4})(?!\d)/g;

/** Whether the text holds a CPR number anywhere, in any of the usual writings. */
export function cprInText(text: string): boolean {
  if (text.length < 9) return false; // most cells: a CPR number needs nine digits at least
  if (looksLikeCprNumber(text)) return true;
  for (const m of text.matchAll(IN_TEXT)) if (isDate(m[1], m[2])) return true;
  return false;
}

/** A cell that is only a CPR number's digits: ten, or nine when Excel dropped the leading zero. */
export function looksLikeCprNumber(cell: string): boolean {
  const s = cell.trim();
  if (!/^\d{9,10}$/.test(s)) return false;
  const ten = s.padStart(10, "0");
  return isDate(ten.slice(0, 2), ten.slice(2, 4));
}

/** Whether a file's name holds a CPR number (elev-020290-4321.csv): such a name is never stored. */
export function cprInFileName(name: string): boolean {
  return cprInText(name.replace(/\.[a-z0-9]{1,5}$/i, ""));
}
