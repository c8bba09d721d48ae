import type { TableRow } from '../../../../shared/tabular/index.ts';
import type { BillMonth } from './parse-bank-date.ts';

export type TitleFacts = {
  readonly accountNumber: string | null;
  readonly holderName: string | null;
  readonly billMonth: BillMonth | null;
};

const ACCOUNT = /(?:卡号|账号|帐号|账户|帐户)\s*[:：]\s*\[?([^\s,，"\]]+)/u;
const HOLDER = /(?:户名|姓名|账户名称)\s*[:：]\s*\[?([^\s,，"\]]+)/u;
const BILL_MONTH = /(\d{4})\s*年\s*(\d{1,2})\s*月/u;

/** What the title lines above the header say: "卡号: 1234****5678", "姓名：xx", "(2024年01月)". */
export function readTitleLines(rows: readonly TableRow[]): TitleFacts {
  let accountNumber: string | null = null;
  let holderName: string | null = null;
  let billMonth: BillMonth | null = null;
  for (const row of rows) {
    const text = row.cells.join(' ');
    accountNumber ??= ACCOUNT.exec(text)?.[1] ?? null;
    holderName ??= HOLDER.exec(text)?.[1] ?? null;
    const m = BILL_MONTH.exec(text);
    if (billMonth === null && m) billMonth = { year: Number(m[1]), month: Number(m[2]) };
  }
  return { accountNumber, holderName, billMonth };
}
