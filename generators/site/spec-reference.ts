/**
 * The spec reference: every property of a procedure version, generated from the `description`s of
 * rules/schema/procedure-version.schema.json (never written by hand, so it cannot drift from the
 * schema). One section per object of the schema (the version itself, each `$defs` entry, each
 * object written inline), each with a table of its properties; definitions that are not objects
 * (codes, dates, conditions) get their description and type. Built as an mdast tree and written by
 * the one Markdown writer (rules/text/render), which escapes every string it is given.
 */
import type { PhrasingContent, Root, RootContent, TableCell, TableRow } from 'mdast';
import procedureVersion from '../../rules/schema/procedure-version.schema.json' with { type: 'json' };
import { headingSlug, mdastToMarkdown } from '../../rules/text/render/index.js';
import { prose } from '../rule-docs/index.js';

/** The parts of a JSON Schema node that the reference reads. */
export interface SchemaNode {
  $ref?: string;
  $id?: string;
  title?: string;
  description?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  items?: SchemaNode;
  properties?: Record<string, SchemaNode>;
  required?: string[];
  additionalProperties?: boolean | SchemaNode;
  anyOf?: SchemaNode[];
  oneOf?: SchemaNode[];
  allOf?: (SchemaNode & { if?: SchemaNode; then?: SchemaNode; else?: SchemaNode })[];
  $defs?: Record<string, SchemaNode>;
}

/** One object of the schema with properties: where it is, its heading, and the node. */
export interface SchemaObject {
  /** The section heading: "Version", a definition's name, or "Fee.variable" for an inline object. */
  name: string;
  node: SchemaNode;
}

const text = (value: string): PhrasingContent => ({ type: 'text', value });
const code = (value: string): PhrasingContent => ({ type: 'inlineCode', value });
const paragraph = (...children: PhrasingContent[]): RootContent => ({ type: 'paragraph', children });
const heading = (depth: 1 | 2 | 3, value: string): RootContent => ({ type: 'heading', depth, children: [text(value)] });
const cell = (children: PhrasingContent[]): TableCell => ({ type: 'tableCell', children });
const row = (cells: PhrasingContent[][]): TableRow => ({ type: 'tableRow', children: cells.map(cell) });

const defName = (ref: string) => ref.replace(/^#\/\$defs\//, '');

/** The description a property shows: its own, else that of the definition or alternative it is made of. */
export function describe(schema: SchemaNode, node: SchemaNode): string | undefined {
  if (node.description) return node.description;
  if (node.$ref) return describe(schema, schema.$defs?.[defName(node.$ref)] ?? {});
  for (const part of [...(node.anyOf ?? []), ...(node.oneOf ?? []), ...(node.allOf ?? [])]) {
    const d = describe(schema, part);
    if (d) return d;
  }
  return node.items ? describe(schema, node.items) : undefined;
}

/**
 * The inline objects with properties inside a property's schema (through items and alternatives,
 * never through a $ref, which has its own section), each named after where it sits.
 */
function inlineObjects(node: SchemaNode, name: string): SchemaObject[] {
  if (node.$ref) return [];
  const out: SchemaObject[] = [];
  if (node.properties) out.push({ name, node });
  if (node.items) out.push(...inlineObjects(node.items, `${name}[]`));
  for (const alt of [...(node.anyOf ?? []), ...(node.oneOf ?? [])]) out.push(...inlineObjects(alt, alt.title ? `${name} (${alt.title})` : name));
  return out;
}

/** Every object with properties, in the schema's order: the version, then each definition, each followed by its inline objects. */
export function schemaObjects(schema: SchemaNode): SchemaObject[] {
  const out: SchemaObject[] = [];
  const add = (name: string, node: SchemaNode) => {
    out.push({ name, node });
    for (const [key, prop] of Object.entries(node.properties ?? {})) out.push(...inlineObjects(prop, `${name}.${key}`).flatMap((o) => expand(o)));
  };
  // An inline object's own properties may hold inline objects too.
  const expand = (o: SchemaObject): SchemaObject[] => [o, ...Object.entries(o.node.properties ?? {}).flatMap(([key, prop]) => inlineObjects(prop, `${o.name}.${key}`).flatMap(expand))];
  add('Version', schema);
  for (const [key, def] of Object.entries(schema.$defs ?? {})) {
    if (def.properties) add(key, def);
    else for (const o of inlineObjects(def, key)) out.push(...expand(o));
  }
  return out;
}

/** Where a definition's section is on the page. */
export function definitionAnchor(name: string): string {
  return headingSlug(name);
}

function bounds(min: number | undefined, max: number | undefined, unit = ''): string {
  if (min !== undefined && max !== undefined) return `${min}–${max}${unit}`;
  if (min !== undefined) return `≥ ${min}${unit}`;
  if (max !== undefined) return `≤ ${max}${unit}`;
  return '';
}

/** A schema's type, as short phrasing: names of definitions link to their sections. */
export function typeOf(node: SchemaNode, inlineName?: string): PhrasingContent[] {
  if (node.$ref) {
    const name = defName(node.$ref);
    return [{ type: 'link', url: `#${definitionAnchor(name)}`, children: [text(name)] }];
  }
  if (node.anyOf ?? node.oneOf) {
    const alts = (node.anyOf ?? node.oneOf)!;
    return alts.flatMap((a, i) => [...(i > 0 ? [text(' or ')] : []), ...typeOf(a, a.title && inlineName ? `${inlineName} (${a.title})` : inlineName)]);
  }
  if (node.allOf) return node.allOf.flatMap((a, i) => [...(i > 0 ? [text(', ')] : []), ...typeOf(a, inlineName)]);
  if (node.const !== undefined) return [code(JSON.stringify(node.const))];
  if (node.enum) return [text('one of '), ...node.enum.flatMap((v, i) => [...(i > 0 ? [text(', ')] : []), code(JSON.stringify(v))])];
  const types = Array.isArray(node.type) ? node.type : node.type ? [node.type] : [];
  const out: PhrasingContent[] = [];
  if (types.includes('array') || node.items) {
    out.push(text('array'));
    const n = bounds(node.minItems, node.maxItems, ' items');
    if (n) out.push(text(` (${n})`));
    if (node.items) out.push(text(' of '), ...typeOf(node.items, inlineName ? `${inlineName}[]` : undefined));
    return out;
  }
  if (node.properties && inlineName) return [text('object, see '), { type: 'link', url: `#${definitionAnchor(inlineName)}`, children: [text(inlineName)] }];
  out.push(text(types.length > 0 ? types.join(' or ') : 'any'));
  const extras: PhrasingContent[][] = [];
  if (node.format) extras.push([text('format '), code(node.format)]);
  const length = bounds(node.minLength, node.maxLength, ' characters');
  if (length) extras.push([text(length)]);
  const range = bounds(node.minimum, node.maximum);
  if (range) extras.push([text(range)]);
  if (node.pattern) extras.push([text('pattern '), code(node.pattern)]);
  if (extras.length > 0) out.push(text(', '), ...extras.flatMap((e, i) => [...(i > 0 ? [text(', ')] : []), ...e]));
  return out;
}

function propertyTable(schema: SchemaNode, o: SchemaObject): RootContent {
  const required = new Set(o.node.required ?? []);
  return {
    type: 'table',
    children: [
      row([[text('property')], [text('type')], [text('required')], [text('description')]]),
      ...Object.entries(o.node.properties ?? {}).map(([key, prop]) => {
        const d = describe(schema, prop);
        return row([[code(key)], typeOf(prop, `${o.name}.${key}`), [text(required.has(key) ? 'yes' : '')], d ? prose(d) : [text('(no description in the schema)')]]);
      }),
    ],
  };
}

/** The `if`/`then`/`else` constraints of an object, as they are written in the schema. */
function conditionalRules(node: SchemaNode): RootContent[] {
  const rules = (node.allOf ?? []).filter((a) => a.if);
  if (rules.length === 0) return [];
  // `properties: { x: true }` beside `required: ["x"]` is only there for ajv's strictRequired; it says nothing to a reader.
  const shown = (n: SchemaNode) => JSON.stringify(n, (key, value: unknown) => (key === 'properties' && value && typeof value === 'object' && Object.values(value).every((p) => p === true) ? undefined : value));
  const item = (r: NonNullable<SchemaNode['allOf']>[number]): PhrasingContent[] => [
    text('if '),
    code(shown(r.if!)),
    ...(r.then ? [text(', then '), code(shown(r.then))] : []),
    ...(r.else ? [text(', else '), code(shown(r.else))] : []),
  ];
  return [
    paragraph({ type: 'strong', children: [text('Conditional rules')] }, text(' (JSON Schema if/then/else):')),
    { type: 'list', ordered: false, spread: false, children: rules.map((r) => ({ type: 'listItem', spread: false, children: [{ type: 'paragraph', children: item(r) }] })) },
  ];
}

/** The reference as an mdast tree. */
export function specReferenceTree(schema: SchemaNode = procedureVersion as unknown as SchemaNode): Root {
  const children: RootContent[] = [
    heading(1, 'Spec reference: a procedure version'),
    paragraph(
      text('Every property of a procedure version file, generated from the descriptions in '),
      code('rules/schema/procedure-version.schema.json'),
      text(` (JSON Schema 2020-12, $id `),
      code(schema.$id ?? ''),
      text('), the single source of truth. The Vietnamese terms beside the English ones are the schema’s own. A type that names a definition links to its section; an object written inline has a section of its own, named after where it sits.'),
    ),
  ];
  const objects = schemaObjects(schema);
  const withProperties = new Set(objects.map((o) => o.node));
  for (const o of objects) {
    children.push(heading(o.name === 'Version' ? 2 : o.name.includes('.') || o.name.includes(' (') ? 3 : 2, o.name));
    const d = o.name === 'Version' ? schema.description : o.node.description;
    if (d) children.push(paragraph(...prose(d)));
    children.push(propertyTable(schema, o), ...conditionalRules(o.node));
  }
  // Definitions that are values rather than objects: codes, dates, texts, conditions.
  const values = Object.entries(schema.$defs ?? {}).filter(([, def]) => !withProperties.has(def));
  if (values.length > 0) {
    children.push(heading(2, 'Value types'), paragraph(text('The definitions that are not objects with properties of their own.')));
    for (const [key, def] of values) {
      children.push(heading(3, key));
      if (def.description) children.push(paragraph(...prose(def.description)));
      children.push(paragraph({ type: 'strong', children: [text('Type:')] }, text(' '), ...typeOf(def, key)));
    }
  }
  return { type: 'root', children };
}

/** The reference as Markdown (the site renders it like every other docs page). */
export function specReferenceMarkdown(schema?: SchemaNode): string {
  return mdastToMarkdown(specReferenceTree(schema));
}
