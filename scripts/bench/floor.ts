/**
 * The floor of the benchmark: list the catalogue, read every JSON file and JSON.parse it, in the
 * fastest honest single-threaded way (synchronous reads, nothing else). No tool that validates the
 * same files can beat it on one core; the targets are multiples of it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

function walk(dir: string, visit: (file: string) => void): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(file, visit);
    else if (entry.name.endsWith('.json')) visit(file);
  }
}

const root = process.argv[2];
if (!root) {
  process.stderr.write('usage: node floor.js <catalogue folder>\n');
  process.exit(2);
}
let files = 0;
let keys = 0;
walk(root, (file) => {
  const value = JSON.parse(readFileSync(file, 'utf8')) as object;
  files++;
  // Touch the result, so the parse cannot be optimised away.
  keys += Object.keys(value).length;
});
process.stdout.write(`${files} files, ${keys} top-level keys\n`);
