/**
 * The patterns of the typed form fields and what to tell an applicant whose value does not match,
 * in Vietnamese. One table for both the schema generator (the pattern) and the site's form preview
 * (the message for a pattern error), so the two never disagree. No imports: it is bundled for the
 * browser.
 */
export const FIELD_PATTERNS = {
  'id-number': { pattern: '^[0-9]{12}$', message: 'phải gồm 12 chữ số' },
  // Mobile numbers 03/05/07/08/09 + 8 digits; landlines 02 + 9 digits; +84 may replace the leading 0.
  phone: { pattern: '^(?:0|\\+84)(?:[35789][0-9]{8}|2[0-9]{9})$', message: 'phải gồm 10 chữ số (di động) hoặc 11 chữ số (cố định), bắt đầu bằng 0 hoặc +84' },
  // 10 digits, 10 digits and a 3-digit branch suffix, or (from 1/7/2025) the 12-digit personal ID.
  'tax-code': { pattern: '^(?:[0-9]{10}(?:-[0-9]{3})?|[0-9]{12})$', message: 'phải gồm 10 chữ số, 13 ký tự (10 chữ số, dấu gạch ngang, 3 chữ số) hoặc 12 chữ số' },
} as const;

/** The message for a value that does not match a pattern of FIELD_PATTERNS, or undefined. */
export function patternMessage(pattern: string): string | undefined {
  return Object.values(FIELD_PATTERNS).find((p) => p.pattern === pattern)?.message;
}
