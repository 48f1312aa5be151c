// Writes dist/rules/schema/<schema>.validator.generated.cjs: ajv's standalone code for our schemas (one file
// each, so a command loads only the validators it uses), compiled with the
// same options as rules/schema/validators.ts, so a command starts without compiling them (~150 ms).
// Run by `npm run build:ts` (and prepare, pretest) after tsc. The file records the hash of the
// schemas and options it was made from; validators.ts ignores it when they no longer match.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const dist = fileURLToPath(new URL('../dist/rules/schema/', import.meta.url));
const { createAjv, schemasHash, SCHEMAS, standaloneName, standaloneFile } = await import(new URL('validators.js', `file://${dist}`).href);
const standaloneCode = require('ajv/dist/standalone/index.js').default;

const ajv = createAjv({ code: { source: true } });
for (const [name, schema] of Object.entries(SCHEMAS)) {
  const code = standaloneCode(ajv, { [standaloneName(name)]: schema.$id });
  writeFileSync(`${dist}${standaloneFile(name)}`, `${code}\nexports.schemasHash = ${JSON.stringify(schemasHash())};\n`);
}
