import type { BusinessDate } from '../../../../shared/time/index.ts';
import type { ParsedTransaction, StatementWarning } from '../../statement.types.ts';
import type { CamtCursor } from './camt-cursor.ts';
import { readAmount, readDateChoice, readSign } from './camt-values.ts';
import { joinText } from './read-remittance.ts';
import {
  readTxAmount,
  readTxDetails,
  readTypeCode,
  type SignedAmount,
  type TxDetails,
} from './read-tx-details.ts';

/** One <Ntry> as booked (for the balance check) and the transactions it breaks down into. */
export type CamtEntry = {
  amountMinor: bigint;
  currency: string;
  isBooked: boolean;
  path: string;
  transactions: ParsedTransaction[];
};

/** What an entry without a date of its own takes: the report's date, and where it was read. */
export type FallbackDate = { date: BusinessDate; source: string };

export type EntryContext = {
  location: (path: string) => string;
  /** Read only when an entry needs it, so an unused malformed date does not refuse the file. */
  fallbackDate: () => FallbackDate;
  warnings: StatementWarning[];
};

/**
 * Maps an entry. A batch entry (several <TxDtls>) becomes one transaction per payment when every
 * payment gives its amount in the entry's currency and those amounts add up to the entry; when
 * they do not all give one, or do not add up (a warning), the entry stays one transaction with
 * the booked amount, whose text joins the payments'. An entry without <BookgDt> takes its value
 * date, else the report's date, with a warning saying which.
 */
export function readEntry(ntry: CamtCursor, context: EntryContext): CamtEntry {
  const { location, warnings } = context;
  const amount = readAmount(ntry.required('Amt'));
  const sign = readSign(ntry);
  const signed = sign * amount.amountMinor;
  const status =
    ntry.textAt('Sts') ??
    ntry.textAt('Sts/Cd') ??
    ntry.fail('mandatory <Sts> (entry status) is missing', `${ntry.path}/Sts`);
  const bookgDt = ntry.optional('BookgDt');
  const valDt = ntry.optional('ValDt');
  const valueDate = valDt ? readDateChoice(valDt) : null;
  const bookingDate = bookgDt ? readDateChoice(bookgDt) : missingDate(ntry, valueDate, context);

  const base = {
    bookingDate,
    valueDate,
    currency: amount.currency,
    bankReference: ntry.textAt('AcctSvcrRef'),
    typeCode: readTypeCode(ntry.optional('BkTxCd')),
  };
  const make = (amountMinor: bigint, details: TxDetails, path: string): ParsedTransaction => ({
    ...base,
    amountMinor,
    counterpartyName: details.counterpartyName,
    counterpartyAccount: details.counterpartyAccount,
    remittance: details.remittance,
    bankReference: details.bankReference ?? base.bankReference,
    endToEndId: details.endToEndId,
    typeCode: details.typeCode ?? base.typeCode,
    location: location(path),
  });

  const txs = ntry.all('NtryDtls').flatMap((d) => d.all('TxDtls'));
  const entryText = ntry.textAt('AddtlNtryInf');
  const entry = {
    amountMinor: signed,
    currency: amount.currency,
    isBooked: status === 'BOOK',
    path: ntry.path,
  };
  const first = txs[0];
  if (first === undefined) {
    const none: TxDetails = {
      counterpartyName: null,
      counterpartyAccount: null,
      remittance: entryText,
      bankReference: null,
      endToEndId: null,
      typeCode: null,
    };
    return { ...entry, transactions: [make(signed, none, ntry.path)] };
  }

  const asOne = (): CamtEntry => ({
    ...entry,
    transactions: [
      make(
        signed,
        mergeDetails(
          txs.map((tx) => readTxDetails(tx, sign > 0n)),
          entryText,
        ),
        ntry.path,
      ),
    ],
  });
  const amounts = txs.map((tx) => readTxAmount(tx, amount.currency, sign));
  if (txs.length === 1) {
    const own = amounts[0]?.amountMinor;
    if (own !== undefined && own !== signed) {
      warnings.push(
        first.warning(
          'DETAILS_SUM_MISMATCH',
          `the transaction amount ${own} differs from its entry's ${signed} (${amount.currency} minor units): kept the booked entry`,
        ),
      );
      return asOne();
    }
    const details = readTxDetails(first, sign > 0n);
    return {
      ...entry,
      transactions: [make(signed, { ...details, remittance: details.remittance ?? entryText }, first.path)],
    };
  }

  if (amounts.every((a): a is SignedAmount => a !== null)) {
    const total = amounts.reduce((s, a) => s + a.amountMinor, 0n);
    if (total !== signed) {
      warnings.push(
        ntry.warning(
          'DETAILS_SUM_MISMATCH',
          `its ${txs.length} <TxDtls> add up to ${total} but the entry is ${signed} (${amount.currency} minor units): kept the booked entry as one transaction`,
          `${ntry.path}/NtryDtls`,
        ),
      );
      return asOne();
    }
    const transactions = txs.map((tx, i) => {
      const own = amounts[i] ?? tx.fail('no amount');
      return make(own.amountMinor, readTxDetails(tx, own.isMoneyIn), tx.path);
    });
    return { ...entry, transactions };
  }
  return asOne();
}

function missingDate(ntry: CamtCursor, valueDate: BusinessDate | null, context: EntryContext): BusinessDate {
  const taken = valueDate !== null ? { date: valueDate, source: 'its <ValDt>' } : context.fallbackDate();
  const what = valueDate !== null ? 'no <BookgDt>' : 'neither <BookgDt> nor <ValDt>';
  context.warnings.push(
    ntry.warning('DATE_MISSING', `the entry has ${what}: took ${taken.date} from ${taken.source}`),
  );
  return taken.date;
}

/** One entry's payments shown as one: shared values kept, differing ones dropped, texts joined. */
function mergeDetails(all: TxDetails[], entryText: string | null): TxDetails {
  const common = <K extends keyof TxDetails>(key: K): TxDetails[K] | null => {
    const values = new Set(all.map((d) => d[key]));
    return values.size === 1 ? (all[0]?.[key] ?? null) : null;
  };
  return {
    counterpartyName: common('counterpartyName'),
    counterpartyAccount: common('counterpartyAccount'),
    remittance: joinText([entryText, ...all.map((d) => d.remittance)]),
    bankReference: common('bankReference'),
    endToEndId: common('endToEndId'),
    typeCode: common('typeCode'),
  };
}
