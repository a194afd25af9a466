/**
 * 发文字号 (document numbers) per GB/T 9704-2012: issuer code, the year in 六角括号 〔〕, the serial
 * without 第 or zero-padding, then 号: 并政发〔2020〕12号.
 */

export interface DocumentNumber {
  /** The issuer's code (发文机关代字), e.g. 并政发. */
  issuerCode: string;
  year: number;
  serial: number;
  /** The canonical form, e.g. 并政发〔2020〕12号. */
  text: string;
}

export type DocumentNumberCheck = { valid: true; number: DocumentNumber } | { valid: false; normalized: string; reason: string };

const FULL_WIDTH_DIGITS = /[０-９]/g;
/** Brackets people type instead of 〔〕 around the year: [], ［］, 【】, （）, (), ﹝﹞, 〖〗. */
const YEAR_IN_BRACKETS = /[[［【（(﹝〖〔]\s*(\d{4})\s*[\]］】）)﹞〗〕]/;
const CANONICAL = /^(.+?)〔(\d{4})〕(\d+)号$/;

/** Rewrites the common input variants into the canonical form; leaves anything else as it is. */
export function normalizeDocumentNumber(input: string): string {
  return input
    .replace(FULL_WIDTH_DIGITS, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, '')
    .replace(YEAR_IN_BRACKETS, '〔$1〕')
    .replace(/〕第?0*(\d+)号$/, (_match, serial: string) => `〕${serial}号`);
}

/** Normalizes, then checks the shape and that year and serial are plausible. */
export function parseDocumentNumber(input: string, maxYear = 2100): DocumentNumberCheck {
  const normalized = normalizeDocumentNumber(input);
  const match = CANONICAL.exec(normalized);
  if (!match) {
    return { valid: false, normalized, reason: 'must read issuer code + 〔year〕 + serial + 号, e.g. 并政发〔2020〕12号' };
  }
  const [, issuerCode, yearText, serialText] = match;
  const year = Number(yearText);
  const serial = Number(serialText);
  if (year < 1949 || year > maxYear) return { valid: false, normalized, reason: `year ${year} is out of range` };
  if (serial < 1) return { valid: false, normalized, reason: 'serial must be 1 or more' };
  if (/[〔〕]/.test(issuerCode)) return { valid: false, normalized, reason: 'issuer code must not contain 〔〕' };
  return { valid: true, number: { issuerCode, year, serial, text: normalized } };
}
