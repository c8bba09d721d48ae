/** Row types of the auth tables (owned by the auth module; kept here so the one DB type can name them). */
export type AuthTables = Record<never, never>;
