import type { CamtCursor } from './camt-cursor.ts';

export type CamtAccountId = { iban: string | null; number: string | null };

/** An account's identification: <Id><IBAN>, else <Id><Othr><Id> (version 1: BBAN, UPIC, PrtryAcct). */
export function readAccountId(account: CamtCursor | null): CamtAccountId {
  if (account === null) return { iban: null, number: null };
  const iban = account.textAt('Id/IBAN');
  if (iban !== null) return { iban: iban.replace(/\s+/g, '').toUpperCase(), number: null };
  const other =
    account.textAt('Id/Othr/Id') ??
    account.textAt('Id/BBAN') ??
    account.textAt('Id/UPIC') ??
    account.textAt('Id/PrtryAcct/Id');
  return { iban: null, number: other };
}

/**
 * The name of a party: <Nm> up to version 7; from version 8 the party is a choice of <Pty><Nm>
 * or an agent <Agt><FinInstnId><Nm> (a bank as debtor or creditor).
 */
export function readPartyName(party: CamtCursor | null): string | null {
  if (party === null) return null;
  return party.textAt('Nm') ?? party.textAt('Pty/Nm') ?? party.textAt('Agt/FinInstnId/Nm');
}

export type Counterparty = { name: string | null; account: string | null };

/**
 * The other side of a transaction: for money in the debtor (its ultimate debtor's name when
 * given, the real payer behind a payment service), for money out the creditor likewise.
 */
export function readCounterparty(details: CamtCursor, isMoneyIn: boolean): Counterparty {
  const parties = details.optional('RltdPties');
  if (parties === null) return { name: null, account: null };
  const [party, ultimate, account] = isMoneyIn
    ? ['Dbtr', 'UltmtDbtr', 'DbtrAcct']
    : ['Cdtr', 'UltmtCdtr', 'CdtrAcct'];
  const id = readAccountId(parties.optional(account));
  return {
    name: readPartyName(parties.optional(ultimate)) ?? readPartyName(parties.optional(party)),
    account: id.iban ?? id.number,
  };
}
