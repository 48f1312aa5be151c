import { defineRule } from './rule.js';

/** procedures/<code>/<version>.json: the path is the version's identity in the lock file and in git history. */
export const fileLocation = defineRule({
  id: 'file-location',
  meta: {
    type: 'problem',
    description: 'A procedure version is stored at procedures/<code>/<version>.json.',
    rationale:
      'The path is how people, the lock file and git history find a version. A file whose name disagrees with its code or version id hides a version where no one will look for it.',
    severity: 'error',
    scope: 'version',
    messages: {
      misplaced: 'This version of {{code}}@{{version}} is stored at {{actual}}; move it to {{expected}}.',
    },
  },
  examples: {
    valid: [{ description: 'The base version is stored at procedures/1.001193/v1.json.', patch: {} }],
    invalid: [],
  },
  check(ctx) {
    const { code, version } = ctx.version.data;
    const expected = `procedures/${code}/${version}.json`;
    if (ctx.version.file.rel !== expected) {
      ctx.report({ pointer: '/version', messageId: 'misplaced', data: { code, version, actual: ctx.version.file.rel, expected } });
    }
  },
});
