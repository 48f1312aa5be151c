import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** Every file under `dir`, by its path relative to `dir`, with its SHA-256: two equal snapshots are byte-identical trees. */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const abs = path.join(d, name);
      if (statSync(abs).isDirectory()) walk(abs);
      else out[path.relative(dir, abs)] = createHash('sha256').update(readFileSync(abs)).digest('hex');
    }
  };
  walk(dir);
  return out;
}
