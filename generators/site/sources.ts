/**
 * Where the site's hand-written sources live: docs-site/ at the package root (styles, client
 * scripts, templates, documentation pages). The generators are compiled into dist/ one folder deeper
 * than their sources, so the folder is found by walking up from this module rather than by a fixed
 * relative path; the same code then works from dist/ (npm start, the installed package) and from the
 * TypeScript sources (vitest).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let found: string | undefined;

/** The absolute path of docs-site/ (the nearest one above this module that has styles/site.css). */
export function docsSiteDir(): string {
  if (found) return found;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(dir, 'docs-site');
    if (existsSync(path.join(candidate, 'styles', 'site.css'))) return (found = candidate);
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('docs-site/ not found above ' + fileURLToPath(import.meta.url) + ': the package is incomplete');
    dir = parent;
  }
}

/** A file under docs-site/, e.g. docsSitePath('styles', 'site.css'). */
export function docsSitePath(...parts: string[]): string {
  return path.join(docsSiteDir(), ...parts);
}

/** The text of a file under docs-site/, read once per process (the sources do not change during a build). */
const texts = new Map<string, string>();
export function docsSiteText(...parts: string[]): string {
  const file = docsSitePath(...parts);
  let text = texts.get(file);
  if (text === undefined) texts.set(file, (text = readFileSync(file, 'utf8')));
  return text;
}
