/**
 * Poisons a catalogue: every human-readable string (names, notes, actions, labels, titles…) in the
 * bundled catalogue's versions and registries is replaced by a hostile payload, keeping ids, codes
 * and enums valid, so the catalogue still validates and every template renders attacker text.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const PAYLOADS = [
  '<script>alert("xss-1")</script>',
  '"><img src=x onerror=alert("xss-2")>',
  "'><svg onload=alert('xss-3')>",
  '</script><script>alert("xss-4")</script>',
  '[bấm vào đây](javascript:alert("xss-5"))',
  '<a href="javascript:alert(\'xss-6\')">Đăng ký</a>',
  '![x](javascript:alert("xss-7"))',
  '=HYPERLINK("http://evil.example","xss-8")',
  '+cmd|\' /C calc\'!A0',
  '-2+3+cmd|\' /C calc\'!A0',
  '@SUM(1+1)*cmd|\' /C calc\'!A0',
  '{{constructor.constructor("alert(\\"xss-9\\")")()}}',
  '<!-- --><iframe src="javascript:alert(`xss-10`)"></iframe>',
  '\u2028\u2029</script ><script>alert("xss-11")</script>',
  '<style>*{display:none}</style>Đăng ký',
  'javascript:alert("xss-12")',
];

/** Keys whose string values are prose a reader sees; everything else (ids, codes, enums, dates) stays. */
const TEXT_KEYS = new Set(['vi', 'en', 'action', 'text', 'note', 'label', 'where', 'reason', 'summary', 'description', 'title', 'rationale', 'startNote', 'issuer', 'basis', 'source', 'shortName']);
const NAME_PARENTS = new Set(['documents', 'fees', 'forms', 'results', 'otherCosts', 'agencies', 'fields', 'levels', 'databases']);

let counter = 0;

/** `container` is the key of the object or array that holds `value`'s object (documents, fees, agencies…). */
function poison(value: unknown, key: string | undefined, container: string | undefined): unknown {
  if (typeof value === 'string') {
    const isText = (key !== undefined && TEXT_KEYS.has(key)) || (key === 'name' && container !== undefined && NAME_PARENTS.has(container));
    return isText ? `${PAYLOADS[counter++ % PAYLOADS.length]} ${value}`.slice(0, 900) : value;
  }
  if (Array.isArray(value)) return value.map((v) => poison(v, undefined, key ?? container));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = poison(v, k, key ?? container);
    return out;
  }
  return value;
}

function jsonFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const abs = path.join(dir, name);
    if (statSync(abs).isDirectory()) out.push(...jsonFiles(abs));
    else if (name.endsWith('.json')) out.push(abs);
  }
  return out;
}

/** A poisoned copy of the bundled catalogue in a temporary folder (without its lock, which would rightly object). */
export function poisonedCatalogue(repo: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'tthc-poison-'));
  cpSync(path.join(repo, 'catalogue'), dir, { recursive: true });
  rmSync(path.join(dir, 'tthc.lock.json'), { force: true });
  counter = 0;
  for (const file of [...jsonFiles(path.join(dir, 'procedures')), ...jsonFiles(path.join(dir, 'registry'))]) {
    const data = JSON.parse(readFileSync(file, 'utf8'));
    writeFileSync(file, JSON.stringify(poison(data, undefined, undefined), null, 2) + '\n');
  }
  return dir;
}
