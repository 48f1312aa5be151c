import { PATHS } from '../engine/paths.js';
import type { Generator } from '../engine/unit.js';
import { hashParts } from '../engine/context.js';
import { docsSiteText } from '../site/sources.js';

/** The one stylesheet of the generated pages (docs-site/styles/pages.css): readable on a phone, prints cleanly, no external fonts. */
export function stylesheet(): string {
  return docsSiteText('styles', 'pages.css');
}

export const generator: Generator = {
  id: 'assets',
  description: 'the stylesheet shared by the HTML pages',
  plan() {
    const css = stylesheet();
    return [{ key: 'css', inputs: hashParts([css]), render: () => [{ path: PATHS.css, content: css }] }];
  },
};
