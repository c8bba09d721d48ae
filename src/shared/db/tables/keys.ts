/** Row types of the keys tables (owned by the keys module; kept here so the one DB type can name them). */
export type KeysTables = Record<never, never>;
