type Schema = Record<string, unknown>;

type Compile = (schema: Schema, name: string, options: Record<string, unknown>) => Promise<string>;
let compiler: Promise<Compile> | undefined;

/** json-schema-to-typescript is large; it is loaded only when a build has online forms to type. */
function loadCompiler(): Promise<Compile> {
  compiler ??= import('json-schema-to-typescript').then((m) => m.compile as unknown as Compile);
  return compiler;
}

/** Names for the generated types, by the path of the object they type. */
const TYPE_NAMES: Record<string, string> = { '': 'Submission', procedure: 'Procedure', facts: 'Facts', fields: 'Fields', documents: 'Documents' };

/**
 * json-schema-to-typescript names a type after every `title`, which would turn "Họ và tên" into a
 * type called HVaTen. Titles of the values become part of the doc comment instead, and the objects
 * get English type names.
 */
function forTypes(schema: unknown, at: string, depth: number): unknown {
  if (Array.isArray(schema)) return schema.map((s) => forTypes(s, at, depth + 1));
  if (schema === null || typeof schema !== 'object') return schema;
  const out: Schema = {};
  for (const [key, value] of Object.entries(schema as Schema)) {
    if (key === '$id' || key === '$schema' || key === 'examples' || key === 'allOf') continue;
    if (key === 'properties' && value && typeof value === 'object') {
      const props: Schema = {};
      for (const [name, prop] of Object.entries(value as Schema)) props[name] = forTypes(prop, depth === 0 ? name : `${at}/${name}`, depth + 1);
      out.properties = props;
    } else if (key === '$defs' && value && typeof value === 'object') {
      const defs: Schema = {};
      for (const [name, def] of Object.entries(value as Schema)) defs[name] = { ...(forTypes(def, `$defs/${name}`, depth + 1) as Schema), title: name };
      out.$defs = defs;
    } else out[key] = forTypes(value, at, depth + 1);
  }
  const own = out as { title?: string; description?: string };
  if (own.title !== undefined) {
    const named = TYPE_NAMES[at];
    const doc = [own.title, own.description].filter(Boolean).join('. ');
    delete own.title;
    if (named) own.title = named;
    if (doc) own.description = doc;
  }
  return out;
}

/** The TypeScript declarations of a form schema, for portals that build the form in TypeScript. */
export async function formTypes(schema: Schema, banner: string): Promise<string> {
  const compile = await loadCompiler();
  const prepared = forTypes(schema, '', 0) as Schema;
  prepared.title = 'Submission';
  const ts = await compile(prepared, 'Submission', {
    bannerComment: banner,
    format: false,
    additionalProperties: false,
    strictIndexSignatures: true,
    unreachableDefinitions: false,
    declareExternallyReferenced: true,
    ignoreMinAndMaxItems: true,
  });
  return indent(ts);
}

/** Indents the unformatted output by brace depth (prettier would cost ~8 ms a file). */
function indent(ts: string): string {
  let depth = 0;
  const lines = ts.trimEnd().split('\n').map((line) => {
    const trimmed = line.trim();
    if (trimmed.startsWith('}')) depth = Math.max(0, depth - 1);
    const out = trimmed === '' ? '' : '  '.repeat(depth) + (trimmed.startsWith('*') ? ' ' : '') + trimmed;
    if (trimmed.endsWith('{')) depth++;
    return out;
  });
  return lines.join('\n') + '\n';
}
