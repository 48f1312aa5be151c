import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const FIXTURE = path.join(ROOT, 'tests/architecture/fixtures/lint-message-ids.ts');

describe('lint message ids', () => {
  it('are typed: a report or an example naming an id the rule does not declare fails to compile', () => {
    const config = ts.getParsedCommandLineOfConfigFile(path.join(ROOT, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })!;
    const program = ts.createProgram([FIXTURE], { ...config.options, noEmit: true, incremental: false });
    const errors = ts
      .getPreEmitDiagnostics(program)
      .filter((d) => d.file?.fileName === FIXTURE)
      .map((d) => ({ line: d.file!.getLineAndCharacterOfPosition(d.start!).line + 1, text: ts.flattenDiagnosticMessageText(d.messageText, '\n').split('\n')[0] }));
    const wrongLines = readFileSync(FIXTURE, 'utf8')
      .split('\n')
      .flatMap((l, i) => (l.endsWith('// WRONG') ? [i + 1] : []));
    expect(wrongLines).toEqual([12, 18]);
    expect(errors).toEqual([
      { line: 12, text: `Type '"missin"' is not assignable to type '"missing" | "late"'. Did you mean '"missing"'?` },
      { line: 18, text: `Type '"lat"' is not assignable to type '"missing" | "late"'. Did you mean '"late"'?` },
    ]);
  });
});

describe('every lint rule', () => {
  it('is declared with defineRule, so its reports and examples are checked against its own message ids', () => {
    // The rules are the modules rules/lint/index.ts imports a rule from (the registry is explicit).
    const index = readFileSync(path.join(ROOT, 'rules/lint/index.ts'), 'utf8');
    const files = [...index.matchAll(/^import \{ [a-zA-Z]+ \} from '\.\/([a-z-]+)\.js';$/gm)].map((m) => m[1]!);
    // 24 rules, and the three of issue 20's corrections (correction-target, -keeps-identity, -basis-in-force).
    expect(files.length).toBe(27);
    expect(files).toEqual(expect.arrayContaining(['correction-target', 'correction-keeps-identity', 'correction-basis-in-force']));
    const untyped = files.filter((f) => !/^export const [a-zA-Z]+ = defineRule\(\{$/m.test(readFileSync(path.join(ROOT, 'rules/lint', `${f}.ts`), 'utf8')));
    expect(untyped).toEqual([]);
  });
});
