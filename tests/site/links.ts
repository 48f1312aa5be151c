import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { shardFile, type SearchMeta } from '../../docs-site/client/tokens.js';

/** Every attribute that names something a page links to, loads, or has its scripts fetch. */
const ATTRIBUTE = /\s(href|src|data-calendar|data-root)="([^"]*)"/g;

function unescape(value: string): string {
  return value.replace(/&amp;/g, '&').replace(/&#x3D;/g, '=').replace(/&quot;/g, '"').replace(/&#39;/g, "'");
}

async function exists(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

/**
 * Crawls a built site folder: every href, src and fetch path (data-calendar; data-root, whose
 * meta.json names the search shards and pages the search script fetches) must name a file inside
 * the site, and every #fragment an id on its page. External links are not followed.
 */
export async function brokenLinks(root: string): Promise<{ checked: number; broken: string[] }> {
  const files = (await readdir(root, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
  const ids = new Map<string, Set<string>>();
  const idsOf = async (file: string) => {
    let set = ids.get(file);
    if (!set) {
      const html = await readFile(file, 'utf8');
      set = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!));
      ids.set(file, set);
    }
    return set;
  };
  const broken: string[] = [];
  let checked = 0;
  for (const file of files.filter((f) => f.endsWith('.html')).sort()) {
    const html = await readFile(file, 'utf8');
    const page = path.relative(root, file);
    for (const m of html.matchAll(ATTRIBUTE)) {
      const [, attribute, raw] = m as unknown as [string, string, string];
      const value = unescape(raw);
      if (/^(https?:|mailto:|data:)/.test(value)) continue;
      checked++;
      const [target, fragment] = value.split('#') as [string, string | undefined];
      const resolved = target === '' ? file : path.resolve(path.dirname(file), target);
      if (path.relative(root, resolved).startsWith('..')) {
        broken.push(`${page}: ${attribute}="${value}" leaves the site`);
        continue;
      }
      if (attribute === 'data-root') {
        const meta = path.join(resolved, 'meta.json');
        if (!(await exists(meta))) {
          broken.push(`${page}: ${value}meta.json is missing`);
          continue;
        }
        const data = JSON.parse(await readFile(meta, 'utf8')) as SearchMeta;
        for (const key of data.shards) {
          checked++;
          if (!(await exists(path.join(resolved, 'terms', `${shardFile(key)}.json`)))) broken.push(`${page}: search shard ${key} is missing`);
        }
        for (const p of data.pages) {
          checked++;
          if (!(await exists(path.join(resolved, 'docs', `${p.file}.json`)))) broken.push(`${page}: search page ${p.file} is missing`);
        }
        continue;
      }
      const target_ = (await exists(resolved)) ? resolved : (await exists(path.join(resolved, 'index.html'))) ? path.join(resolved, 'index.html') : undefined;
      if (!target_) {
        broken.push(`${page}: ${attribute}="${value}" names no file`);
        continue;
      }
      // A browser finds the element by the fragment as written, then percent-decoded (#kiểm-tra is sent as #ki%E1%BB%83m-tra).
      const ids = fragment && target_.endsWith('.html') ? await idsOf(target_) : undefined;
      if (fragment && ids && !ids.has(fragment) && !ids.has(safeDecode(fragment))) broken.push(`${page}: ${attribute}="${value}" names no element #${fragment}`);
    }
  }
  return { checked, broken };
}

function safeDecode(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}
