import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { hashParts } from './context.js';
import { TOOL } from './manifest.js';

const generatorsDir = fileURLToPath(new URL('../', import.meta.url));
const rulesDir = fileURLToPath(new URL('../../rules/', import.meta.url));
const repoDir = fileURLToPath(new URL('../../', import.meta.url));
const CODE = /\.(js|ts|json|hbs|css)$/;

async function filesUnder(dir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true, recursive: true });
  } catch {
    return [];
  }
  return entries
    .filter((e) => e.isFile() && CODE.test(e.name) && !e.name.endsWith('.d.ts'))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

async function hashFiles(files: readonly string[]): Promise<string> {
  const parts: string[] = [];
  for (const file of files) parts.push(path.relative(repoDir, file), await readFile(file, 'utf8'));
  return hashParts(parts);
}

/**
 * The cache salt of each generator: a hash of the code that renders its output (its own folder,
 * the shared engine and the rules library, templates included) and the tool version. Changing any
 * of it invalidates that generator's cached units, so a cache can never serve output of old code.
 */
export async function generatorSalts(ids: readonly string[]): Promise<Map<string, string>> {
  const own = new Set(ids);
  const shared = (await filesUnder(generatorsDir)).filter((f) => {
    const top = path.relative(generatorsDir, f).split(path.sep)[0]!;
    return !own.has(top);
  });
  const common = await hashFiles([...shared, ...(await filesUnder(rulesDir))]);
  const salts = new Map<string, string>();
  for (const id of ids) salts.set(id, hashParts([TOOL.version, common, await hashFiles(await filesUnder(path.join(generatorsDir, id)))]));
  return salts;
}
