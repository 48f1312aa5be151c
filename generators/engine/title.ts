/**
 * Search engines and browser tabs cut a page title at about 70 characters (html-validate's
 * `long-title` draws the line there). Procedure names are often longer, and the full name is the
 * page's <h1> anyway, so the <title> keeps what identifies the page and shortens the rest.
 */
export const TITLE_MAX = 70;

/**
 * A page's <title>: `text`, then `keep` (always shown, e.g. the procedure code), then `suffix`
 * (the site's name, only when it fits). A `text` too long is cut after a whole word and ends in "…".
 */
export function documentTitle(text: string, { keep = '', suffix = '' }: { keep?: string; suffix?: string } = {}): string {
  if (text.length + keep.length + suffix.length <= TITLE_MAX) return text + keep + suffix;
  if (text.length + keep.length <= TITLE_MAX) return text + keep;
  const room = TITLE_MAX - keep.length - 1;
  const cut = text.slice(0, room + 1);
  const space = cut.lastIndexOf(' ');
  const head = (space > room / 2 ? cut.slice(0, space) : text.slice(0, room)).replace(/[\s,;:.–-]+$/u, '');
  return `${head}…${keep}`;
}
