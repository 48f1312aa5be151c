/**
 * The anchor GitHub gives a heading: lower case, punctuation dropped, spaces as hyphens (a repeated
 * heading gets -1, -2, … from the page that numbers them). The docs pages use it for their ids, so a
 * `#a-heading` link works on the site as it does when the Markdown is read in the repository.
 */
export function headingSlug(value: string): string {
  return value
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}
