import { defineRule } from './rule.js';

export const uniqueVersion = defineRule({
  id: 'unique-version',
  meta: {
    type: 'problem',
    description: 'No two files hold the same code and version id.',
    rationale: 'A version id names exactly one legal state of a procedure; two files claiming it would make "the version in force" ambiguous.',
    severity: 'error',
    scope: 'catalogue',
    messages: {
      duplicate: '{{code}}@{{version}} is defined twice; give this version its own version id.',
    },
  },
  examples: {
    valid: [{ description: 'Two versions of the same procedure with different ids.', others: [{ version: 'v0', effective: { from: '2016-01-01' } }], patch: { supersedes: 'v0' } }],
    invalid: [],
  },
  check(ctx) {
    for (const [code, versions] of ctx.catalogue.byCode) {
      const seen = new Map<string, (typeof versions)[number]>();
      const byPath = [...versions].sort((a, b) => (a.file.rel < b.file.rel ? -1 : 1));
      for (const v of byPath) {
        const first = seen.get(v.data.version);
        if (first) {
          ctx.report({
            file: v.file,
            pointer: '/version',
            messageId: 'duplicate',
            data: { code, version: v.data.version },
            related: [{ file: first.file, pointer: '/version', message: 'first defined here' }],
          });
        } else seen.set(v.data.version, v);
      }
    }
  },
});
