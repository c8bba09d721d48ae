import { childOf, type OfxNode, rejectAt } from './ofx-node.ts';
import { OfxValueError } from './parse-ofx-values.ts';

/** A field the standard makes mandatory: its absence or emptiness refuses the file. */
export function requiredField<T>(file: string, parent: OfxNode, path: string, read: (text: string) => T): T {
  const names = path.split('/');
  let at = parent;
  for (const name of names) {
    const next = childOf(at, name);
    if (!next) return rejectAt(file, at, `missing mandatory <${name}>`);
    at = next;
  }
  if (at.children.length > 0) return rejectAt(file, at, 'holds elements where a value was expected');
  if (at.value === null) return rejectAt(file, at, 'is empty but mandatory');
  return readValue(file, at, read);
}

/** An optional field: absent or empty gives null, a value that does not read refuses the file. */
export function optionalField<T>(
  file: string,
  parent: OfxNode,
  path: string,
  read: (text: string) => T,
): T | null {
  let at: OfxNode | null = parent;
  for (const name of path.split('/')) at = at ? childOf(at, name) : null;
  if (!at || at.value === null) return null;
  return readValue(file, at, read);
}

function readValue<T>(file: string, node: OfxNode, read: (text: string) => T): T {
  try {
    return read(node.value ?? '');
  } catch (error) {
    if (error instanceof OfxValueError) return rejectAt(file, node, error.message);
    throw error;
  }
}

export const asText = (text: string): string => text;
