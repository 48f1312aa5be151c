/** Escaping for text written outside the syntax trees (attribute-free page chrome, XML), and JSON as the tools write it. */

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for HTML element content and attribute values written by hand (page chrome, XML). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/**
 * Text for a Markdown paragraph or table cell: Markdown and HTML syntax is backslash-escaped, so a
 * name such as "<script>" or "*bold*" reads literally, and line breaks cannot end a table row.
 * Stricter than remark-stringify's own context-dependent escaping on purpose: a drafted decision
 * is pasted into other editors, which do not all parse Markdown alike.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]|<>~&]/g, '\\$&').replace(/\r?\n/g, ' ');
}

/** JSON as the tools write it: two-space indent, a final newline, undefined written as null. */
export function toJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (v === undefined ? null : v), 2) + '\n';
}
