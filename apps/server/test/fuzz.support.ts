import { randomUUID } from 'node:crypto';

/** Request bodies derived from a route's JSON schema (OpenAPI), valid-looking and broken. */
type Schema = Record<string, any>;

export class BodyFactory {
  constructor(private readonly components: Record<string, Schema>) {}

  resolve(s: Schema | undefined): Schema {
    let x = s ?? {};
    for (let i = 0; i < 10 && x.$ref; i++) x = this.components[String(x.$ref).split('/').pop()!] ?? {};
    const alt = x.anyOf ?? x.oneOf;
    if (alt) {
      const pick = alt.map((a: Schema) => this.resolve(a)).find((a: Schema) => a.type !== 'null');
      return pick ?? {};
    }
    if (x.allOf) return Object.assign({}, ...x.allOf.map((a: Schema) => this.resolve(a)));
    return x;
  }

  /** A value of the schema's shape; `mutate` replaces leaves of one kind to break them. */
  sample(s: Schema | undefined, mutate?: Mutation, depth = 0): unknown {
    const x = this.resolve(s);
    if (depth > 6) return null;
    if (x.const !== undefined) return mutate?.other ? mutate.other(x.const) : x.const;
    if (x.enum) return mutate?.other ? mutate.other(x.enum[0]) : x.enum[0];
    const type = Array.isArray(x.type) ? x.type.find((t: string) => t !== 'null') : x.type;
    if (type === 'object' || x.properties) {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries<Schema>(x.properties ?? {})) {
        if (mutate?.dropOptional && !(x.required ?? []).includes(k)) continue;
        out[k] = this.sample(v, mutate, depth + 1);
      }
      return out;
    }
    if (type === 'array') {
      const n = Math.max(1, x.minItems ?? 1);
      return Array.from({ length: n }, () => this.sample(x.items, mutate, depth + 1));
    }
    if (type === 'string') {
      const base =
        x.format === 'date'
          ? '2026-03-02'
          : x.format === 'date-time'
            ? '2026-03-02T09:30:00+08:00'
            : x.format === 'uuid'
              ? randomUUID()
              : 'a'.repeat(Math.max(1, Math.min(x.minLength ?? 2, 50)));
      return mutate?.string ? mutate.string(base, x) : base;
    }
    if (type === 'integer' || type === 'number') {
      const base = x.minimum ?? 1;
      return mutate?.number ? mutate.number(base) : base;
    }
    if (type === 'boolean') return mutate?.other ? mutate.other(true) : true;
    return mutate?.other ? mutate.other(null) : 'x';
  }
}

export interface Mutation {
  string?: (base: string, s: Schema) => unknown;
  number?: (base: number) => unknown;
  other?: (base: unknown) => unknown;
  dropOptional?: boolean;
}

/** The broken bodies every write route receives (named, for the failure report). */
export const MUTATIONS: Record<string, Mutation | 'empty' | 'unknown-field' | 'not-object'> = {
  valid: {},
  empty: 'empty',
  'unknown-field': 'unknown-field',
  'not-object': 'not-object',
  'required-only': { dropOptional: true },
  'wrong-types': { string: () => 12345, number: () => 'abc', other: () => ({ a: 1 }) },
  'nul-bytes': { string: (b) => `${b}\u0000x` },
  'huge-strings': { string: () => '长'.repeat(60_000) },
  'bad-dates': {
    string: (b, s) =>
      s.format === 'date' ? '2026-02-30' : s.format === 'date-time' ? '0000-13-40T99:99:99Z' : b,
  },
  'negative-numbers': { number: () => -1 },
  'huge-numbers': { number: () => 1e308 },
  nulls: { string: () => null, number: () => null, other: () => null },
};

export function bodyFor(f: BodyFactory, schema: Schema | undefined, name: string): unknown {
  const m = MUTATIONS[name]!;
  if (m === 'empty') return {};
  if (m === 'not-object') return ['x'];
  const base = f.sample(schema) as Record<string, unknown>;
  if (m === 'unknown-field') return { ...(typeof base === 'object' && base ? base : {}), zzUnknown: 1 };
  return f.sample(schema, m);
}
