/**
 * How an import recognises one of its columns. Aliases are matched after `normaliseHeader`, so
 * "Invoice Number", "invoice_number" and "INVOICE-NUMBER" are one spelling. A weak alias only
 * applies when no strong one is present: 金额 means the total unless the file also has 价税合计,
 * in which case 金额 is the net amount of a VAT export and is ignored.
 */
export type ColumnDef = {
  readonly required: boolean;
  readonly aliases: readonly string[];
  readonly weakAliases?: readonly string[];
};

export type ColumnSpec<C extends string> = { readonly [K in C]: ColumnDef };

const TRAILING_UNIT = /\s*[([（【［][^()[\]（）【】［］]*[)\]）】］]\s*$/u;
const SEPARATORS = /[\s_\-.:：*·]+/gu;

/**
 * Canonical form of a header cell: NFKC (full-width to ASCII), lower case, a trailing unit in
 * brackets dropped ("金额(元)", "账期（天）", "Amount [CNY]"), and spaces, underscores, hyphens,
 * dots, colons and the asterisks templates put on required columns removed.
 */
export function normaliseHeader(text: string): string {
  let t = text.normalize('NFKC').trim().toLowerCase();
  // Only one unit suffix is removed, so "(元)(含税)" keeps its first bracket visible as a mismatch.
  t = t.replace(TRAILING_UNIT, '');
  return t.replace(SEPARATORS, '');
}

export type AliasEntry<C extends string> = { readonly column: C; readonly isWeak: boolean };

/** Normalised alias -> column. Throws on an alias claimed twice: a bug in the spec, not the file. */
export function aliasTable<C extends string>(spec: ColumnSpec<C>): Map<string, AliasEntry<C>> {
  const table = new Map<string, AliasEntry<C>>();
  const add = (alias: string, column: C, isWeak: boolean): void => {
    const key = normaliseHeader(alias);
    const taken = table.get(key);
    if (taken && taken.column !== column) {
      throw new Error(`column alias "${alias}" is claimed by both ${taken.column} and ${column}`);
    }
    table.set(key, { column, isWeak });
  };
  for (const column of Object.keys(spec) as C[]) {
    const def = spec[column];
    add(column, column, false);
    for (const alias of def.aliases) add(alias, column, false);
    for (const alias of def.weakAliases ?? []) add(alias, column, true);
  }
  return table;
}
