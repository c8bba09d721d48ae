/**
 * A minimal value a zod (v4) schema accepts, with fields that name a document filled from `refs`:
 * how a test builds a plausible body for every route without a hand-written list.
 */
export type SampleRefs = Record<string, string>;

type Def = {
  type: string;
  shape?: Record<string, { _zod: { def: Def } }>;
  innerType?: { _zod: { def: Def } };
  element?: { _zod: { def: Def } };
  in?: { _zod: { def: Def } };
  entries?: Record<string, string>;
  values?: unknown[];
  options?: { _zod: { def: Def } }[];
};

const defOf = (schema: unknown): Def | null => (schema as { _zod?: { def: Def } })?._zod?.def ?? null;

function stringFor(name: string, refs: SampleRefs): string {
  const ref = refs[name];
  if (ref !== undefined) return ref;
  if (/date|as_of|from|to$/.test(name)) return '2025-06-01';
  if (/amount|limit$/.test(name)) return '1.00';
  if (name === 'currency') return 'CNY';
  if (name === 'email') return 'someone@example.com';
  if (/password/.test(name)) return 'a long enough passphrase 42';
  if (name === 'code') return `X${Math.floor(Math.random() * 1e9)}`;
  return 'x';
}

/** Fields filled even when optional: an amount (most writes need one of several amount forms). */
const ALWAYS = new Set(['amount']);

/**
 * Several plausible values: one with every document reference, and one per optional reference on
 * its own (some requests take one of several, e.g. a receipt or a credit note).
 */
export function samples(schema: unknown, refs: SampleRefs): unknown[] {
  const def = defOf(schema);
  if (def?.type !== 'object') return [sample(schema, 'body', refs)];
  const optionalRefs = Object.entries(def.shape ?? {})
    .filter(([key, f]) => refs[key] !== undefined && ['optional', 'default'].includes(f._zod.def.type))
    .map(([key]) => key);
  const out = [sample(schema, 'body', refs)];
  for (const keep of optionalRefs) {
    const only = Object.fromEntries(
      Object.entries(refs).filter(([k]) => k === keep || !optionalRefs.includes(k)),
    );
    out.push(sample(schema, 'body', only));
  }
  return out;
}

export function sample(schema: unknown, name: string, refs: SampleRefs): unknown {
  const def = defOf(schema);
  if (!def) return undefined;
  switch (def.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, field] of Object.entries(def.shape ?? {})) {
        const fdef = field._zod.def;
        // Optional fields are filled only when they name a document: those are the ways across orgs.
        if (
          (fdef.type === 'optional' || fdef.type === 'default') &&
          refs[key] === undefined &&
          !ALWAYS.has(key)
        ) {
          continue;
        }
        out[key] = sample(field, key, refs);
      }
      return out;
    }
    case 'optional':
    case 'nullable':
    case 'default':
    case 'readonly':
    case 'nonoptional':
      return sample(def.innerType, name, refs);
    case 'pipe':
      return sample(def.in, name, refs);
    case 'array':
      return [sample(def.element, name.replace(/s$/, ''), refs)];
    case 'string':
      return stringFor(name, refs);
    case 'number':
    case 'int':
      return 1;
    case 'boolean':
      return false;
    case 'enum':
      return Object.values(def.entries ?? {})[0];
    case 'literal':
      return def.values?.[0];
    case 'union':
      return sample(def.options?.[0], name, refs);
    default:
      return undefined;
  }
}
