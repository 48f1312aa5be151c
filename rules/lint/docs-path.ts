/**
 * Where a lint rule's docs page is, relative to the site's root (the build's site/ folder): the
 * `url` of every diagnostic the rule reports, the page `tthc build` writes (site/ + this path) and
 * the links of the rule index. The one place the shape is written.
 */
export function ruleDocsPath(id: string): string {
  return `developers/rules/${id}.html`;
}

/** The rule index, beside the rule pages. */
export const RULE_INDEX_PATH = ruleDocsPath('index');
