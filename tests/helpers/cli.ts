import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));
export const TTHC = fileURLToPath(new URL('../../dist/cli/tthc.js', import.meta.url));

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the compiled CLI (npm test compiles first) and collects its output. The CLI speaks Vietnamese
 * by default; these tests assert its English wording, so they ask for English (TTHC_LANG=en) unless
 * a test sets TTHC_LANG itself (tests/cli/messages.test.ts runs every command in both languages).
 */
export function runTthc(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number; input?: string } = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [TTHC, ...args], {
      cwd: options.cwd ?? REPO,
      env: { ...process.env, NO_COLOR: '1', TTHC_DEBUG: '', TTHC_LANG: 'en', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
    child.stdin.end(options.input ?? '');
  });
}

/** No stack trace: no "    at " frames and no Node error class banners. */
export function hasStackTrace(text: string): boolean {
  return /\n\s+at [^\n]+:\d+:\d+\)?/.test(text) || /^\s*at [^\n]+\(node:/m.test(text);
}
