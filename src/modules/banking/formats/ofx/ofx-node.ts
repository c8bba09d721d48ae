import { rejectStatement } from '../../statement-errors.ts';

/** An OFX element: an aggregate has children, a field has a value (null when empty). */
export type OfxNode = {
  name: string;
  line: number;
  value: string | null;
  children: OfxNode[];
  parent: OfxNode | null;
};

export function childOf(node: OfxNode, name: string): OfxNode | null {
  return node.children.find((c) => c.name === name) ?? null;
}

export function childrenOf(node: OfxNode, name: string): OfxNode[] {
  return node.children.filter((c) => c.name === name);
}

/** The trimmed value of a field below `node` (`"STATUS/CODE"`), or null when absent or empty. */
export function fieldOf(node: OfxNode, path: string): string | null {
  let at: OfxNode | null = node;
  for (const name of path.split('/')) at = at ? childOf(at, name) : null;
  return at?.value ?? null;
}

/** Where an element is, as a path below <OFX>: `BANKMSGSRSV1/STMTTRNRS[2]/STMTRS/BANKTRANLIST/STMTTRN[3]`. */
export function pathOf(node: OfxNode): string {
  const parts: string[] = [];
  for (let at: OfxNode | null = node; at?.parent; at = at.parent) {
    const same = at.parent.children.filter((c) => c.name === at?.name);
    const isIndexed = same.length > 1 || at.name === 'STMTTRN';
    parts.unshift(isIndexed ? `${at.name}[${same.indexOf(at) + 1}]` : at.name);
  }
  return parts.length > 0 ? parts.join('/') : 'OFX';
}

/** Refuses the file, naming the element's line and path. */
export function rejectAt(file: string, node: OfxNode, reason: string): never {
  const path = pathOf(node);
  return rejectStatement({ file, line: node.line, element: path, reason: `${path}: ${reason}` });
}
