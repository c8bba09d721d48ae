import type { BusinessDate } from '../../shared/time/index.ts';
import type { TRecordReceiptRequest } from '../receivables/index.ts';
import type { DemoCustomer } from './demo.types.ts';
import type { Random } from './demo-random.ts';
import { BANKS } from './demo-texts.ts';
import { digits } from './make-contacts.ts';

type Texts = Pick<TRecordReceiptRequest, 'reference' | 'method' | 'memo'>;

const ALNUM = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';

/**
 * What the bank statement says about a payment: a transfer reference and the payer's remittance
 * text, which usually names the invoices (that is what matching reads), or a bank acceptance
 * draft (银行承兑汇票), still common for larger domestic payments.
 */
export function receiptTexts(
  rng: Random,
  c: DemoCustomer,
  date: BusinessDate,
  amountMinor: bigint,
  purpose: string,
  invoiceNumbers: readonly string[],
): Texts {
  const listed = invoiceNumbers.length > 0 && rng.chance(0.8) ? ` ${invoiceNumbers.join(',')}` : '';
  if (c.currency !== 'CNY') {
    let ref = '';
    for (let i = 0; i < 16; i++) ref += ALNUM[rng.int(0, ALNUM.length - 1)];
    return {
      method: 'bank_transfer',
      reference: `SWIFT MT103 ${ref}`,
      memo: invoiceNumbers.length > 0 ? `PAYMENT INV${listed}` : 'ADVANCE PAYMENT',
    };
  }
  if (amountMinor >= 5_000_000n && rng.chance(0.15)) {
    return { method: 'draft', reference: `电子银行承兑汇票 ${digits(rng, 12)}`, memo: `${purpose}${listed}` };
  }
  return {
    method: 'bank_transfer',
    reference: `${rng.pick(BANKS)} ${date.replace(/-/g, '')}${digits(rng, 8)}`,
    memo: `${purpose}${listed}`,
  };
}
