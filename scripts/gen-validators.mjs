// Writes dist/rules/schema/standalone.cjs: ajv's standalone code for our schemas, compiled with the
// same options as rules/schema/validators.ts, so a command starts without compiling them (~150 ms).
// Run by `npm run build:ts` (and prepare, pretest) after tsc. The file records the hash of the
// schemas and options it was made from; validators.ts ignores it when they no longer match.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const dist = fileURLToPath(new URL('../dist/rules/schema/', import.meta.url));
const { createAjv, schemasHash, SCHEMAS, standaloneName, STANDALONE_FILE } = await import(new URL('validators.js', `file://${dist}`).href);
const standaloneCode = require('ajv/dist/standalone/index.js').default;

const ajv = createAjv({ code: { source: true } });
const refs = Object.fromEntries(Object.entries(SCHEMAS).map(([name, schema]) => [standaloneName(name), schema.$id]));
const code = standaloneCode(ajv, refs);
writeFileSync(`${dist}${STANDALONE_FILE}`, `${code}\nexports.schemasHash = ${JSON.stringify(schemasHash())};\n`);
