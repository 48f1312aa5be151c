import type { Document, FactDefinition, FormField, ProcedureVersion } from '../../rules/schema/types/procedure-version.generated.js';
import { PORTAL_VI } from '../../rules/text/vi/channels.js';
import { formatCase } from '../../rules/text/vi/conditions.js';
import { formatPeriod } from '../../rules/text/vi/dates.js';
import { formatDocumentQuantity, formatFormName } from '../../rules/text/vi/dossier.js';
import { formatTimeLimitWithCases } from '../../rules/text/vi/time-limits.js';
import { lowerFirst } from '../../rules/text/vi/words.js';
import { conditionSchema, specialise } from './conditions.js';
import { FIELD_PATTERNS } from './messages.js';

type Schema = Record<string, unknown>;

export const JSON_SCHEMA_2020 = 'https://json-schema.org/draft/2020-12/schema';

/** File types a portal accepts for a scanned or signed paper. */
export const UPLOAD_MEDIA_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
/** Largest upload, in bytes (10 MiB). */
export const UPLOAD_MAX_BYTES = 10 * 1024 * 1024;
/** Most files for one paper (a multi-page scan as images). */
export const UPLOAD_MAX_FILES = 20;

/** Formats and patterns of the typed fields: what a portal checks before it accepts the form. */
const FIELD_TYPES: Record<Exclude<FormField['type'], 'text' | 'textarea' | 'integer' | 'number' | 'boolean' | 'enum'>, { schema: Schema; hint: string }> = {
  date: { schema: { type: 'string', format: 'date' }, hint: 'Ngày theo định dạng YYYY-MM-DD.' },
  'id-number': { schema: { type: 'string', pattern: FIELD_PATTERNS['id-number'].pattern }, hint: 'Số định danh cá nhân gồm 12 chữ số.' },
  phone: { schema: { type: 'string', pattern: FIELD_PATTERNS.phone.pattern }, hint: 'Số điện thoại gồm 10 chữ số (di động) hoặc 11 chữ số (cố định), bắt đầu bằng 0 hoặc +84.' },
  email: { schema: { type: 'string', format: 'email', maxLength: 254 }, hint: 'Địa chỉ thư điện tử.' },
  'tax-code': { schema: { type: 'string', pattern: FIELD_PATTERNS['tax-code'].pattern }, hint: 'Mã số thuế gồm 10 chữ số, 13 ký tự (10 chữ số, dấu gạch ngang, 3 chữ số) đối với đơn vị phụ thuộc, hoặc số định danh cá nhân 12 chữ số.' },
};

function describe(...parts: (string | undefined)[]): string | undefined {
  const text = parts.filter((p): p is string => Boolean(p)).join(' ');
  return text === '' ? undefined : text;
}

function withDescription(schema: Schema, description: string | undefined): Schema {
  return description === undefined ? schema : { ...schema, description };
}

export function fieldSchema(field: FormField): Schema {
  const head: Schema = { title: field.label };
  switch (field.type) {
    case 'text':
    case 'textarea':
      return withDescription({ ...head, type: 'string', minLength: field.minLength ?? 1, maxLength: field.maxLength ?? (field.type === 'text' ? 500 : 5000) }, field.description);
    case 'integer':
    case 'number':
      return withDescription({ ...head, type: field.type, ...(field.minimum !== undefined ? { minimum: field.minimum } : {}), ...(field.maximum !== undefined ? { maximum: field.maximum } : {}) }, field.description);
    case 'boolean':
      return withDescription({ ...head, type: 'boolean' }, field.description);
    case 'enum':
      return withDescription({ ...head, oneOf: (field.options ?? []).map((o) => ({ const: o.value, title: o.label })) }, field.description);
    default: {
      const typed = FIELD_TYPES[field.type];
      return withDescription({ ...head, ...typed.schema }, describe(field.description, typed.hint));
    }
  }
}

export function factSchema(fact: FactDefinition): Schema {
  const schema: Schema = { title: fact.label };
  if (fact.type === 'boolean') schema.type = 'boolean';
  else if (fact.type === 'integer') {
    schema.type = 'integer';
    if (fact.minimum !== undefined) schema.minimum = fact.minimum;
    if (fact.maximum !== undefined) schema.maximum = fact.maximum;
  } else {
    schema.oneOf = (fact.values ?? []).map((v) => ({ const: v.value, title: v.label }));
  }
  if (fact.default !== undefined) schema.default = fact.default;
  return schema;
}

/**
 * The dossier paper that the online form replaces: when a version defines form fields, its first
 * document that follows a form is the application form itself, filled in as `fields` rather than
 * uploaded. (The spec has no explicit marker; official dossiers list the application form first.)
 */
export function eFormDocument(v: ProcedureVersion): Document | undefined {
  if (!v.formFields || v.formFields.length === 0) return undefined;
  return (v.dossier?.documents ?? []).find((d) => d.form !== undefined && !d.lookup);
}

const ONLINE = new Map<string, string | number | boolean>([['channel', 'online']]);

/** The declared facts of a version (the built-in `channel` is fixed to online and left out). */
function declaredFacts(v: ProcedureVersion): Map<string, FactDefinition> {
  return new Map((v.facts ?? []).map((f) => [f.id, f]));
}

function conditionalRequired(container: 'documents' | 'fields', id: string, when: Schema): Schema {
  // `properties: { [id]: true }` names the property beside its `required`, as ajv's strictRequired asks
  // (its schema is the one under the top-level properties; `true` adds no constraint of its own).
  return { if: when, then: { type: 'object', required: [container], properties: { [container]: { type: 'object', required: [id], properties: { [id]: true } } } } };
}

/** Builds the JSON Schema 2020-12 of the online application of one version. */
export function formSchema(v: ProcedureVersion): Schema {
  const facts = declaredFacts(v);
  const allFacts = new Map(facts);
  const rules: Schema[] = [];

  const factProperties: Record<string, Schema> = {};
  const requiredFacts: string[] = [];
  for (const fact of v.facts ?? []) {
    factProperties[fact.id] = factSchema(fact);
    if (fact.default === undefined) requiredFacts.push(fact.id);
  }

  const fieldProperties: Record<string, Schema> = {};
  const requiredFields: string[] = [];
  for (const field of v.formFields ?? []) {
    let schema = fieldSchema(field);
    const when = field.when ? specialise(field.when, ONLINE) : true;
    if (when === false) continue;
    if (typeof when !== 'boolean') {
      schema = withDescription(schema, describe(schema.description as string | undefined, `Chỉ khai ${lowerFirst(formatCase(when, allFacts))}.`));
      if (field.required) rules.push(conditionalRequired('fields', field.id, conditionSchema(when, facts)));
    } else if (field.required) requiredFields.push(field.id);
    fieldProperties[field.id] = schema;
  }

  const eForm = eFormDocument(v);
  const documentProperties: Record<string, Schema> = {};
  const requiredDocuments: string[] = [];
  const notUploaded: string[] = [];
  for (const doc of v.dossier?.documents ?? []) {
    if (doc === eForm) {
      notUploaded.push(`${doc.name}: khai trực tuyến tại phần "fields".`);
      continue;
    }
    if (doc.lookup) {
      notUploaded.push(`${doc.name}: cơ quan giải quyết khai thác từ cơ sở dữ liệu.`);
      continue;
    }
    const when = doc.when ? specialise(doc.when, ONLINE) : true;
    if (when === false) continue;
    const form = doc.form ? (v.forms ?? []).find((f) => f.id === doc.form) : undefined;
    documentProperties[doc.id] = {
      title: doc.name,
      ...withDescription(
        {},
        describe(
          `${formatDocumentQuantity(doc)} (bản điện tử hoặc bản chụp).`,
          typeof when !== 'boolean' ? `${formatCase(when, allFacts)}.` : undefined,
          form ? `Theo ${lowerFirst(formatFormName(form))}.` : undefined,
          doc.note,
        ),
      ),
      type: 'array',
      minItems: 1,
      maxItems: UPLOAD_MAX_FILES,
      items: { $ref: '#/$defs/Upload' },
    };
    if (typeof when !== 'boolean') rules.push(conditionalRequired('documents', doc.id, conditionSchema(when, facts)));
    else requiredDocuments.push(doc.id);
  }

  const online = (v.channels ?? []).find((c) => c.kind === 'online')!;
  const limit = online.timeLimit ?? v.timeLimit;
  const schema: Schema = {
    $schema: JSON_SCHEMA_2020,
    $id: `urn:tthc:form:${v.code}:${v.version}`,
    title: `Tờ khai trực tuyến: ${v.name.vi}`,
    description: describe(
      `Thủ tục ${v.code}, phiên bản ${v.version}${v.effective ? ` (${lowerFirst(formatPeriod(v.effective.from, v.effective.until))})` : ''}.`,
      online.portals && online.portals.length > 0 ? `Nộp qua ${online.portals.map((p) => PORTAL_VI[p]).join('; ')}.` : undefined,
      limit ? `Thời hạn giải quyết: ${formatTimeLimitWithCases(limit, allFacts)}.` : undefined,
    ),
    type: 'object',
    additionalProperties: false,
    required: ['procedure', ...(requiredFacts.length > 0 ? ['facts'] : []), 'fields', 'documents'],
    properties: {
      procedure: {
        title: 'Thủ tục',
        type: 'object',
        additionalProperties: false,
        required: ['code', 'version'],
        properties: { code: { title: 'Mã thủ tục', const: v.code }, version: { title: 'Phiên bản', const: v.version } },
      },
      facts: {
        title: 'Thông tin về trường hợp của người nộp hồ sơ',
        type: 'object',
        additionalProperties: false,
        properties: factProperties,
        ...(requiredFacts.length > 0 ? { required: requiredFacts } : {}),
      },
      fields: {
        title: 'Thông tin kê khai',
        type: 'object',
        additionalProperties: false,
        properties: fieldProperties,
        ...(requiredFields.length > 0 ? { required: requiredFields } : {}),
      },
      documents: {
        title: 'Thành phần hồ sơ',
        ...withDescription({}, notUploaded.length > 0 ? `Không phải tải lên: ${notUploaded.join(' ')}` : undefined),
        type: 'object',
        additionalProperties: false,
        properties: documentProperties,
        ...(requiredDocuments.length > 0 ? { required: requiredDocuments } : {}),
      },
    },
    ...(rules.length > 0 ? { allOf: rules } : {}),
    $defs: {
      Upload: {
        title: 'Tệp đính kèm',
        type: 'object',
        additionalProperties: false,
        required: ['fileName', 'mediaType', 'size'],
        properties: {
          fileName: { title: 'Tên tệp', type: 'string', minLength: 1, maxLength: 255, pattern: '^[^/\\\\]+$' },
          mediaType: { title: 'Định dạng tệp', enum: [...UPLOAD_MEDIA_TYPES] },
          size: { title: 'Dung lượng (byte)', type: 'integer', minimum: 1, maximum: UPLOAD_MAX_BYTES },
          sha256: { title: 'Mã băm SHA-256 của tệp', type: 'string', pattern: '^[0-9a-f]{64}$' },
        },
      },
    },
  };
  schema.examples = [exampleSubmission(v)];
  return schema;
}

/** A sample value for a field, valid against its schema. */
function sampleValue(field: FormField): string | number | boolean {
  switch (field.type) {
    case 'date':
      return '1990-01-15';
    case 'id-number':
      return '001090012345';
    case 'phone':
      return '0912345678';
    case 'email':
      return 'nguyenvanan@example.vn';
    case 'tax-code':
      return '0101234567';
    case 'integer':
    case 'number':
      return field.minimum ?? 1;
    case 'boolean':
      return true;
    case 'enum':
      return field.options?.[0]?.value ?? '';
    default: {
      const base = /tên/i.test(field.label) ? 'Nguyễn Văn An' : 'Nội dung kê khai';
      const min = field.minLength ?? 1;
      const max = field.maxLength ?? 500;
      return base.padEnd(min, '.').slice(0, max);
    }
  }
}

/**
 * A complete, valid submission: every fact at its default (or first value), every field, and one
 * PDF for every upload slot. Published as the schema's `examples` for portal developers.
 */
export function exampleSubmission(v: ProcedureVersion): Schema {
  const facts: Schema = {};
  for (const f of v.facts ?? []) facts[f.id] = f.default ?? (f.type === 'boolean' ? false : f.type === 'integer' ? (f.minimum ?? 0) : (f.values?.[0]?.value ?? ''));
  const fields: Schema = {};
  for (const field of v.formFields ?? []) if (!field.when || specialise(field.when, ONLINE) !== false) fields[field.id] = sampleValue(field);
  const documents: Schema = {};
  const eForm = eFormDocument(v);
  for (const doc of v.dossier?.documents ?? []) {
    if (doc === eForm || doc.lookup || (doc.when && specialise(doc.when, ONLINE) === false)) continue;
    // No sha256: it is optional, and a made-up hash per paper was a fifth of the schema's bytes.
    documents[doc.id] = [{ fileName: `${doc.id}.pdf`, mediaType: 'application/pdf', size: 245760 }];
  }
  return { procedure: { code: v.code, version: v.version }, ...(Object.keys(facts).length > 0 ? { facts } : {}), fields, documents };
}
