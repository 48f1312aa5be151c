import type { ErrorObject } from 'ajv';
import Ajv2020Module from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

const Ajv2020 = Ajv2020Module.default;
const addFormats = addFormatsModule.default;

/** An ajv as a portal would set it up for our schemas: JSON Schema 2020-12, strict, every error, the formats we use. */
export function portalAjv() {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv, ['date', 'email']);
  return ajv;
}

/** The parts of an ajv error that a test states: where, which keyword, and its parameters. */
export function errorSummary(errors: readonly ErrorObject[] | null | undefined): { path: string; keyword: string; params: Record<string, unknown> }[] {
  return (errors ?? []).map((e) => ({ path: e.instancePath, keyword: e.keyword, params: e.params as Record<string, unknown> }));
}
