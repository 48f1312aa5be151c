import path from 'node:path';
import { UsageError } from '../../rules/errors.js';
import { LOCK_FILE } from '../../rules/load/layout.js';
import { verifyLockAgainst, type LockVerification } from '../../rules/store/verify-lock.js';
import { MANIFEST } from '../../generators/engine/manifest.js';
import { readVerifyingKey, SIGNATURE } from '../../generators/engine/sign.js';
import { outputFindings, verifyOutput, type FileFinding, type OutputVerification } from '../../generators/engine/verify-output.js';
import { m } from '../i18n.js';
import { json, out, say } from '../output.js';
import { parseFormat } from '../options.js';
import { EXIT } from '../run.js';

export interface VerifyFlags {
  against?: string;
  output?: string;
  key?: string;
  format: string;
}

const short = (hash: string) => hash.slice(0, 12);

/** Findings of the lock comparison: changed, moved and vanished entries (new ones are informational). */
function lockFindings(v: LockVerification): number {
  return v.comparison.changed.length + v.comparison.vanished.length;
}

function lockReport(v: LockVerification, dir: string): string {
  const t = m().verify;
  const c = v.comparison;
  const lock = path.join(dir, LOCK_FILE);
  const lines = [t.lockHead(lock, v.anchor.ref, short(v.anchor.commit))];
  if (!v.anchor.lock) lines.push(t.anchorNoLock(v.anchor.ref));
  if (v.lockMissing) lines.push(t.lockMissing(lock));
  const rows: [string, string, string][] = [
    ...c.changed.map((e): [string, string, string] =>
      e.kind === 'changed' ? [t.changed, `${e.code}@${e.version}`, `${e.after.path}  sha256 ${short(e.before.sha256)} → ${short(e.after.sha256)}`] : [t.moved, `${e.code}@${e.version}`, `${e.before.path} → ${e.after.path}`],
    ),
    ...c.vanished.map((e): [string, string, string] => [t.vanished, `${e.code}@${e.version}`, e.path]),
    ...c.added.map((e): [string, string, string] => [t.added, `${e.code}@${e.version}`, e.path]),
  ];
  const w0 = Math.max(0, ...rows.map((r) => r[0].length));
  const w1 = Math.max(0, ...rows.map((r) => r[1].length));
  for (const [kind, ref, what] of rows) lines.push(`  ${kind.padEnd(w0)}  ${ref.padEnd(w1)}  ${what}`);
  const n = lockFindings(v);
  lines.push(n > 0 ? t.lockFindings(n, v.anchor.ref) : t.lockClean(v.anchor.ref, c.unchanged, c.added.length));
  return lines.join('\n') + '\n';
}

function outputReport(v: OutputVerification, dir: string, keyFile: string): string {
  const t = m().verify;
  const lines = [t.outputHead(dir, keyFile)];
  if (v.signature === 'missing') return [...lines, t.signatureMissing(path.join(dir, SIGNATURE))].join('\n') + '\n';
  if (v.signature === 'invalid') return [...lines, t.signatureInvalid(path.join(dir, SIGNATURE), path.join(dir, MANIFEST), keyFile)].join('\n') + '\n';
  const changed = (f: FileFinding) => {
    if (!f.actual || !f.expected) return '';
    if (f.actual.sha256 === '') return `  ${t.notRegular}`;
    return `  sha256 ${short(f.expected.sha256)} → ${short(f.actual.sha256)}${f.expected.bytes >= 0 && f.expected.bytes !== f.actual.bytes ? `, ${t.bytes(f.expected.bytes, f.actual.bytes)}` : ''}`;
  };
  const rows: [string, string][] = [
    ...v.missing.map((f): [string, string] => [t.missing, f.path]),
    ...v.changed.map((f): [string, string] => [t.differs, `${f.path}${changed(f)}`]),
    ...v.unlisted.map((f): [string, string] => [t.unlisted, f.path]),
    ...v.badPaths.map((p): [string, string] => [t.badPath, JSON.stringify(p)]),
  ];
  const w = Math.max(0, ...rows.map((r) => r[0].length));
  for (const [kind, what] of rows) lines.push(`  ${kind.padEnd(w)}  ${what}`);
  lines.push(outputFindings(v) > 0 ? t.outputFindings(v.missing.length, v.changed.length + v.badPaths.length, v.unlisted.length) : t.outputClean(v.checked));
  return lines.join('\n') + '\n';
}

/**
 * tthc verify: the lock against the lock at a git ref (--against, or the upstream branch, or the
 * most recent tag), and with --output a built output against its signed manifest. With --output
 * alone only the output is checked.
 */
export async function verifyCommand(dir: string, flags: VerifyFlags): Promise<number> {
  const format = parseFormat(flags.format, ['text', 'json']);
  if (flags.output !== undefined && flags.key === undefined) throw new UsageError(m().verify.needKey);
  const key = flags.key !== undefined ? readVerifyingKey(flags.key) : undefined;
  const checkLock = flags.output === undefined || flags.against !== undefined;
  const lock = checkLock ? await verifyLockAgainst(dir, flags.against) : undefined;
  const output = flags.output !== undefined && key ? await verifyOutput(flags.output, key) : undefined;
  const findings = (lock ? lockFindings(lock) : 0) + (output ? outputFindings(output) : 0);

  if (format === 'json') {
    const report: Record<string, unknown> = {};
    if (lock) {
      report.lock = {
        file: lock.lockFile,
        missing: lock.lockMissing,
        against: { ref: lock.anchor.ref, source: lock.anchor.source, commit: lock.anchor.commit, hasLock: lock.anchor.lock !== undefined },
        ...lock.comparison,
      };
    }
    if (output) report.output = output;
    report.findings = findings;
    await out(json(report));
  } else {
    if (lock) await say(lockReport(lock, dir));
    if (output) await say(outputReport(output, flags.output!, flags.key!));
  }
  return findings > 0 ? EXIT.findings : EXIT.ok;
}
