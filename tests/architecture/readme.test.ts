/**
 * The README is the short way in: the two quick-start commands first, a "Where things are" table
 * that matches the folders (every folder it lists exists; every top-level folder, and every folder
 * of rules/ and generators/, is listed), and links that resolve.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const README = readFileSync(path.join(ROOT, 'README.md'), 'utf8');

/** The folders of the tracked files: "rules/", "rules/lint/", … (git's view, so build output and node_modules are not folders of the project). */
function trackedFolders(): Set<string> {
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' }).split('\0').filter(Boolean);
  const out = new Set<string>();
  for (const f of files) {
    if (!existsSync(path.join(ROOT, f))) continue; // deleted, not yet committed
    const parts = f.split('/');
    for (let i = 1; i < parts.length; i++) out.add(parts.slice(0, i).join('/') + '/');
  }
  return out;
}

/** The body of a "## heading" section. */
function section(heading: string): string {
  const start = README.indexOf(`\n## ${heading}\n`);
  expect(start, `README has a "## ${heading}" section`).toBeGreaterThan(0);
  const rest = README.slice(start + heading.length + 5);
  const end = rest.indexOf('\n## ');
  return end < 0 ? rest : rest.slice(0, end);
}

describe('the README', () => {
  it('starts with the two quick-start commands', () => {
    const firstBlock = /```sh\n([\s\S]*?)```/.exec(README)![1]!;
    expect(firstBlock.split('\n').map((l) => l.replace(/\s+#.*$/, '')).filter(Boolean)).toEqual(['npm ci && npm start', 'npm test']);
    // The first section is the quick start.
    expect(/^## (.+)$/m.exec(README)![1]).toBe('Quick start');
  });

  it('has a "Where things are" table that matches the folders exactly', () => {
    const listed = [...section('Where things are').matchAll(/^\| `([^`]+\/)` \|/gm)].map((m) => m[1]!);
    expect(listed.length).toBeGreaterThan(30);
    // Every folder listed exists, once.
    expect(listed.filter((f) => !(existsSync(path.join(ROOT, f)) && statSync(path.join(ROOT, f)).isDirectory()))).toEqual([]);
    expect(new Set(listed).size).toBe(listed.length);
    // Every top-level folder, and every folder of rules/, generators/ and docs-site/, is listed.
    const folders = [...trackedFolders()];
    const mustList = folders.filter((f) => f.split('/').length === 2 || /^(rules|generators|docs-site)\/[^/]+\/$/.test(f));
    expect(mustList).toContain('rules/model/');
    expect(mustList).toContain('docs-site/docs/');
    expect(mustList.filter((f) => !listed.includes(f)).sort()).toEqual([]);
  });

  it('keeps the sections other parts of the project add to', () => {
    for (const h of ['Reliability', 'Checking a release', 'Importing real records']) expect(section(h).trim().length).toBeGreaterThan(0);
  });

  it('links into the docs pages, and every link resolves', () => {
    const links = [...README.replace(/```[\s\S]*?```/g, '').matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!).filter((l) => !/^[a-z]+:/.test(l));
    expect(links).toEqual(expect.arrayContaining(['docs-site/docs/guides/legal-officer.md', 'docs-site/docs/reference/performance.md', 'docs-site/docs/index.md']));
    expect(links.filter((l) => !existsSync(path.join(ROOT, l.split('#')[0]!)))).toEqual([]);
  });
});
