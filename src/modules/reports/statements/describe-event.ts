import { minorToDecimal } from '../../../shared/money/index.ts';
import { groupThousands } from './format-amount.ts';
import type { StatementEvent } from './statement-events.ts';
import type { StatementLabels } from './statement-labels.ts';
import type { StatementLineType } from './statements.schemas.ts';

/** The words of a line's description column: what the document was, then its own text. */
export function describeEvent(e: StatementEvent, l: StatementLabels): string {
  const parts: string[] = [];
  switch (e.type) {
    case 'invoice':
      if (e.dueDate && !e.isReversal) parts.push(l.due(e.dueDate));
      if (e.reference) parts.push(`PO ${e.reference}`);
      break;
    case 'credit_note':
      if (e.reference) parts.push(l.forInvoice(e.reference));
      break;
    case 'receipt':
      if (e.detail) parts.push(l.methods[e.detail] ?? e.detail);
      if (e.reference) parts.push(e.reference);
      break;
    case 'application':
      parts.push(l.appliedTo(e.reference ?? '', groupThousands(minorToDecimal(e.amountMinor, e.currency))));
      break;
    case 'write_off':
      if (e.detail) parts.push(l.writeOffKinds[e.detail] ?? e.detail);
      break;
    case 'refund':
      parts.push(l.refundOf(e.number));
      if (e.reference) parts.push(e.reference);
      break;
  }
  if (e.note) parts.push(e.note);
  return parts.join(' · ');
}

/** The type column: the document's kind, or that it was reversed. */
export function typeLabel(type: StatementLineType, isReversal: boolean, l: StatementLabels): string {
  return isReversal ? l.reversed(l.types[type]) : l.types[type];
}
