/** Row types of the audit tables (owned by the audit module; kept here so the one DB type can name them). */
export type AuditTables = Record<never, never>;
