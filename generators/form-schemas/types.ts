type Schema = Record<string, unknown>;

/** Names for the generated types, by the path of the object they type. */
const TYPE_NAMES: Record<string, string> = { '': 'Submission', procedure: 'Procedure', facts: 'Facts', fields: 'Fields', documents: 'Documents' };

/**
 * The TypeScript declarations of a form schema, for portals that build the form in TypeScript.
 *
 * The output is exactly what json-schema-to-typescript gives for these schemas (titles of the
 * values moved into the doc comments, English names for the objects, unformatted, then indented by
 * brace depth), which tests/generators/form-types.test.ts checks against the library for every form
 * of the bundled catalogue, a synthetic one and edge cases. It is written directly because the
 * library costs ~3 ms a schema (a national catalogue has 200,000 forms), and form schemas are ours:
 * one fixed shape of objects, arrays of uploads, literals, unions and scalars. Anything else throws,
 * so a new kind of schema cannot silently get wrong types.
 */
export function formTypes(schema: Schema, banner: string): string {
  return indent(new TypeEmitter(schema).emit(banner));
}

interface Named {
  name: string;
  schema: Schema;
}

class TypeEmitter {
  /** Named interfaces in the order the library declares them: depth first, each once. */
  private readonly declared = new Set<Schema>();
  private readonly blocks: string[] = [];

  constructor(private readonly root: Schema) {}

  emit(banner: string): string {
    this.declare({ name: 'Submission', schema: this.root }, '');
    return `${banner}\n\n${this.blocks.join('\n')}\n`;
  }

  /** The description the library shows for a node: its title joined to its description. */
  private comment(schema: Schema): string | undefined {
    const title = schema.title as string | undefined;
    const description = schema.description as string | undefined;
    if (title === undefined) return description;
    return [title, description].filter(Boolean).join('. ') || description;
  }

  private declare(named: Named, at: string): void {
    if (this.declared.has(named.schema)) return;
    this.declared.add(named.schema);
    const index = this.blocks.length;
    this.blocks.push('');
    const nested: { named: Named; at: string }[] = [];
    const body = this.objectBody(named.schema, at, nested);
    const doc = this.comment(named.schema);
    this.blocks[index] = `${doc ? docComment(doc) + '\n' : ''}export interface ${named.name} ${body}`;
    for (const n of nested) this.declare(n.named, n.at);
  }

  private objectBody(schema: Schema, at: string, nested: { named: Named; at: string }[]): string {
    if (schema.additionalProperties !== false || schema.patternProperties !== undefined) throw new Error(`form types: ${at || 'the form'} must not allow additional properties`);
    const properties = (schema.properties ?? {}) as Record<string, Schema>;
    const required = new Set((schema.required ?? []) as string[]);
    const lines = Object.entries(properties).map(([key, property]) => {
      const path = at === '' ? key : `${at}/${key}`;
      const { type, named, comment } = this.typeOf(property, path, nested);
      const doc = named ? undefined : comment;
      return `${doc ? docComment(doc) + '\n' : ''}${keyName(key)}${required.has(key) ? '' : '?'}: ${type}`;
    });
    return `{\n${lines.join('\n')}\n}`;
  }

  /** The type expression of a property's schema, and the comment the library puts on the property. */
  private typeOf(schema: Schema, at: string, nested: { named: Named; at: string }[]): { type: string; named: boolean; comment: string | undefined } {
    const comment = this.comment(schema);
    const name = TYPE_NAMES[at];
    if (schema.type === 'object' || schema.properties !== undefined) {
      if (name === undefined || schema.title === undefined) throw new Error(`form types: unexpected nested object at ${at}`);
      nested.push({ named: { name, schema }, at });
      return { type: name, named: true, comment };
    }
    if (schema.type === 'array') {
      const items = schema.items as Schema | undefined;
      const ref = items?.$ref;
      if (typeof ref !== 'string' || !ref.startsWith('#/$defs/')) throw new Error(`form types: the items at ${at} must be a $ref to $defs`);
      const defName = ref.slice('#/$defs/'.length);
      const target = ((this.root.$defs ?? {}) as Record<string, Schema>)[defName];
      if (!target || !/^[A-Z][A-Za-z0-9]*$/.test(defName)) throw new Error(`form types: unknown definition ${ref}`);
      nested.push({ named: { name: defName, schema: target }, at: `$defs/${defName}` });
      const tags = [schema.minItems !== undefined ? `@minItems ${String(schema.minItems)}` : '', schema.maxItems !== undefined ? `@maxItems ${String(schema.maxItems)}` : ''].filter(Boolean);
      const full = tags.length === 0 ? comment : comment ? `${comment}\n\n${tags.join('\n')}` : tags.join('\n');
      return { type: `${defName}[]`, named: false, comment: full };
    }
    if ('const' in schema) return { type: JSON.stringify(schema.const), named: false, comment };
    const members = Array.isArray(schema.oneOf) ? (schema.oneOf as Schema[]).map((s) => s.const) : Array.isArray(schema.enum) ? (schema.enum as unknown[]) : undefined;
    if (members) {
      if ((schema.oneOf as Schema[] | undefined)?.some((s) => !('const' in s))) throw new Error(`form types: oneOf at ${at} must list constants`);
      const literals = [...new Set(members.map((m) => JSON.stringify(m)))];
      return { type: literals.length === 0 ? 'never' : literals.length === 1 ? literals[0]! : `(${literals.join(' | ')})`, named: false, comment };
    }
    switch (schema.type) {
      case 'string':
        return { type: 'string', named: false, comment };
      case 'integer':
      case 'number':
        return { type: 'number', named: false, comment };
      case 'boolean':
        return { type: 'boolean', named: false, comment };
      default:
        throw new Error(`form types: unexpected schema at ${at}`);
    }
  }
}

/** A JSDoc block; a closing "*\/" in the text would end it early, so it becomes "* /". */
function docComment(text: string): string {
  return ['/**', ...text.replace(/\*\//g, '* /').split('\n').map((line) => ' * ' + line), ' */'].join('\n');
}

function keyName(key: string): string {
  return key.length > 0 && /[A-Za-z_$]/.test(key.charAt(0)) && /^[\w$]+$/.test(key) ? key : JSON.stringify(key);
}

/** Indents the unformatted output by brace depth (prettier would cost ~8 ms a file). */
export function indent(ts: string): string {
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
