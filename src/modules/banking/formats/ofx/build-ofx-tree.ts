import { rejectStatement } from '../../statement-errors.ts';
import type { OfxNode } from './ofx-node.ts';
import type { SgmlToken } from './tokenize-sgml.ts';

/**
 * Builds the element tree from tags and text. OFX 1.x leaves out the end tag of a field
 * (`<CODE>0<SEVERITY>INFO`) but always closes aggregates, so a field ends at the next tag, and an
 * end tag closes every element opened since its own start tag. A field left empty and unclosed
 * (`<NAME><MEMO>x`) first looks like an aggregate: when it turns out unclosed, its supposed
 * children go back to its parent. OFX 2.x XML yields the same tree.
 */
export function buildOfxTree(tokens: readonly SgmlToken[], file: string): OfxNode {
  const stack: OfxNode[] = [];
  let root: OfxNode | null = null;
  const fail = (line: number, reason: string): never =>
    rejectStatement({ file, line, element: null, reason });
  for (const token of tokens) {
    if (root && stack.length === 0) fail(token.line, 'content after </OFX>');
    let top = stack.at(-1);
    if (token.kind === 'text') {
      if (!top) fail(token.line, `text "${token.text.slice(0, 30)}" before <OFX>`);
      else if (top.value !== null || top.children.length > 0) {
        fail(token.line, `stray text "${token.text.slice(0, 30)}" inside <${top.name}>`);
      } else top.value = token.text;
    } else if (token.kind === 'open') {
      if (top && top.value !== null) {
        stack.pop(); // a field closed by the next tag
        top = stack.at(-1);
      }
      const node: OfxNode = {
        name: token.name,
        line: token.line,
        value: null,
        children: [],
        parent: top ?? null,
      };
      if (top) top.children.push(node);
      else if (token.name !== 'OFX') fail(token.line, `the file starts with <${token.name}>, not <OFX>`);
      else root = node;
      stack.push(node);
    } else {
      const at = stack.findLastIndex((n) => n.name === token.name);
      if (at < 0) {
        const inside = top ? ` (inside <${top.name}> of line ${top.line})` : '';
        fail(token.line, `end tag </${token.name}> matches no open element${inside}`);
      }
      for (const unclosed of stack.splice(at + 1).reverse()) releaseChildren(unclosed);
      stack.pop();
    }
  }
  if (!root) return fail(1, 'no <OFX> element');
  if (stack.length > 0) {
    const open = stack.findLast((n) => n.value === null) ?? root;
    fail(
      open.line,
      `the file ends inside <${open.name}> (opened at line ${open.line}) before </OFX>: it is truncated`,
    );
  }
  return root;
}

/** An element closed implicitly was a field: anything nested in it belongs to its parent. */
function releaseChildren(node: OfxNode): void {
  const parent = node.parent;
  if (!parent || node.children.length === 0) return;
  const moved = node.children.splice(0);
  for (const child of moved) child.parent = parent;
  parent.children.splice(parent.children.indexOf(node) + 1, 0, ...moved);
}
