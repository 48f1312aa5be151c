import { PATHS } from '../engine/paths.js';
import type { Generator } from '../engine/unit.js';

/** The one stylesheet of the generated pages: readable on a phone, prints cleanly, no external fonts. */
export const STYLESHEET = `:root { color-scheme: light; --ink: #1a1a1a; --muted: #555; --line: #c8c8c8; --accent: #0b4f8a; --note: #fff4d6; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif; color: var(--ink); background: #fff; }
header, main { max-width: 72rem; margin: 0 auto; padding: 0.75rem 1rem; }
header { border-bottom: 1px solid var(--line); }
a { color: var(--accent); }
a:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
h1 { font-size: 1.6rem; line-height: 1.3; margin: 0.5rem 0 1rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 0.75rem; border-bottom: 1px solid var(--line); padding-bottom: 0.25rem; }
h3 { font-size: 1.1rem; margin: 1.5rem 0 0.5rem; }
h4 { font-size: 1rem; margin: 1rem 0 0.5rem; color: var(--muted); }
.code { color: var(--muted); margin: 0.5rem 0 0; }
.banner { background: var(--note); border-left: 4px solid #c98a00; padding: 0.5rem 0.75rem; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; }
dl.meta dt { font-weight: 600; }
dl.meta dd { margin: 0; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; font-size: 0.95rem; }
th, td { border: 1px solid var(--line); padding: 0.4rem 0.5rem; text-align: left; vertical-align: top; }
th { background: #f2f4f7; }
tr.current td { background: #eef6ff; }
@media (max-width: 40rem) {
  dl.meta { grid-template-columns: 1fr; }
  table { display: block; overflow-x: auto; }
}
@media print {
  header nav, .downloads { display: none; }
  a { color: inherit; text-decoration: none; }
  table { font-size: 10pt; }
  tr, li { break-inside: avoid; }
}
`;

export const generator: Generator = {
  id: 'assets',
  description: 'the stylesheet shared by the HTML pages',
  plan() {
    return [{ key: 'css', inputs: '', render: () => [{ path: PATHS.css, content: STYLESHEET }] }];
  },
};
