import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { progressBar, progressReporter } from '../../cli/progress.js';
import { setLang } from '../../cli/i18n.js';
import { buildFixture } from '../helpers/build-fixture.js';
import { cleanupCatalogues } from '../helpers/catalogue.js';
import { runTthc } from '../helpers/cli.js';
import { cleanupOutputs, makeOutputRoot } from '../helpers/output.js';

let catalogue: string;
let root: string;
beforeAll(async () => {
  catalogue = await buildFixture();
  root = await makeOutputRoot();
});
afterAll(async () => {
  setLang('vi');
  await cleanupCatalogues();
  await cleanupOutputs();
});

/** A stream that keeps what is written, as a terminal or not. */
function fakeStream(isTTY: boolean): NodeJS.WriteStream & { text: string } {
  const s = { text: '', isTTY, write(chunk: string) {
    s.text += chunk;
    return true;
  } };
  return s as unknown as NodeJS.WriteStream & { text: string };
}

const summary = (id: string) => ({ id, description: id, start: undefined, units: 10, rendered: 10, reused: 0, files: 12, bytes: 100, seconds: 1.5 });

describe('build progress', () => {
  it('on a terminal: one bar redrawn in place, with counts, time spent and time left, in the CLI language', () => {
    setLang('en');
    expect(progressBar('site', 5, 10, 4)).toBe('[███████████████░░░░░░░░░░░░░░░] site 5/10 · 4 s, 4 s left');
    expect(progressBar('site', 10, 10, 90)).toBe('[██████████████████████████████] site 10/10 · 1:30');
    setLang('vi');
    expect(progressBar('site', 1, 4, 2)).toBe('[████████░░░░░░░░░░░░░░░░░░░░░░] site 1/4 · đã chạy 2 giây, còn khoảng 6 giây');
    setLang('en');
    const tty = fakeStream(true);
    const p = progressReporter(tty, { live: true });
    for (let done = 1; done <= 3; done++) p.report({ phase: 'generator', generator: 'site', done, units: 3 });
    p.report({ phase: 'generator-done', summary: summary('site') });
    const frames = tty.text.split('\r\u001b[K').filter(Boolean);
    expect(frames.slice(0, 3).map((f) => /site (\d)\/3/.exec(f)![1])).toEqual(['1', '2', '3']);
    expect(frames.at(-1)).toBe('tthc build: site: 12 files (10 rendered, 0 unchanged) in 1.50 s\n');
  });

  it('off a terminal: a few plain lines, never one per unit; --quiet: nothing', () => {
    setLang('en');
    const pipe = fakeStream(false);
    const p = progressReporter(pipe);
    p.report({ phase: 'validated', versions: 8, procedures: 6, errors: 0, warnings: 0, leftOut: 0 });
    for (let done = 1; done <= 1000; done++) p.report({ phase: 'generator', generator: 'site', done, units: 1000 });
    p.report({ phase: 'generator-done', summary: summary('site') });
    p.report({ phase: 'finishing' });
    expect(pipe.text).toBe(
      'tthc build: catalogue valid (8 versions of 6 procedures)\ntthc build: site: 12 files (10 rendered, 0 unchanged) in 1.50 s\ntthc build: writing the manifest and swapping the output in\n',
    );
    const quiet = fakeStream(true);
    const q = progressReporter(quiet, { quiet: true, live: true });
    q.report({ phase: 'generator', generator: 'site', done: 1, units: 2 });
    q.report({ phase: 'finishing' });
    expect(quiet.text).toBe('');
  });

  it('tthc build --quiet prints nothing when it succeeds; piped, a few plain lines', async () => {
    const out = path.join(root, 'quiet');
    const r = await runTthc(['build', catalogue, '--out', out, '--at', '2025-06-01', '--quiet']);
    expect([r.code, r.stdout, r.stderr]).toEqual([0, '', '']);
    const piped = await runTthc(['build', catalogue, '--out', out, '--at', '2025-06-01'], { env: { CI: '' } });
    // Off a terminal (a pipe), without CI: the same few lines, one per output.
    const lines = piped.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe('tthc build: catalogue valid (8 versions of 6 procedures)');
    expect(lines.at(-1)).toBe('tthc build: writing the manifest and swapping the output in');
    expect(lines.slice(1, -1).every((l) => /^tthc build: [a-z-]+: \d+ files \(\d+ rendered, \d+ unchanged\) in \d+\.\d\d s$/.test(l))).toBe(true);
    expect(lines.length).toBeLessThan(12);
  }, 180_000);
});
