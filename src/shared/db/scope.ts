import type { CompiledQuery, DatabaseConnection, Dialect, Driver, Kysely, TransactionSettings } from 'kysely';
import { PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler } from 'kysely';

/**
 * Who a connection acts for. With an org, the connection switches to the role `settle_app`, which
 * row-level security confines to that org's rows (see migration 0002); without one it is the
 * system side (the owner), used for migrations, creating orgs, signing in before the org is known,
 * key rotation and audit verification.
 */
export type Scope = {
  orgId: string;
  /** Recorded by the audit trail: `user:<email>`, `token:<name>`, `cli:<os user>`, `system`. */
  actor: string;
  ip?: string | null;
  /** Set when a collector may see only their own customers: the customers.salesperson value. */
  salesperson?: string | null;
};

export const APP_ROLE = 'settle_app';

/** A connection that knows the database session it runs on (pool client, or the one PGlite). */
export type SessionConnection = DatabaseConnection & { readonly session: object };

const SET_SCOPE_SQL =
  "select set_config('role', $1, false), set_config('settle.org_id', $2, false), " +
  "set_config('settle.actor', $3, false), set_config('settle.ip', $4, false), " +
  "set_config('settle.salesperson', $5, false)";

/** The scope each database session was last switched to: switching costs a round trip, keeping it none. */
const applied = new WeakMap<object, string>();

function scopeParameters(scope: Scope | null): string[] {
  if (!scope) return ['none', '', 'system', '', ''];
  return [APP_ROLE, scope.orgId, scope.actor, scope.ip ?? '', scope.salesperson ?? ''];
}

async function applyScope(conn: SessionConnection, scope: Scope | null): Promise<void> {
  const parameters = scopeParameters(scope);
  const key = parameters.join('\u0000');
  if (applied.get(conn.session) === key) return;
  applied.delete(conn.session);
  await conn.executeQuery({
    sql: SET_SCOPE_SQL,
    parameters,
    query: { kind: 'RawNode' },
  } as unknown as CompiledQuery);
  applied.set(conn.session, key);
}

/** Hands out the shared driver's connections, each switched to one scope before use. */
class ScopedDriver implements Driver {
  constructor(
    private readonly inner: Driver,
    private readonly scope: Scope | null,
  ) {}

  init(): Promise<void> {
    return this.inner.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const conn = (await this.inner.acquireConnection()) as SessionConnection;
    try {
      await applyScope(conn, this.scope);
    } catch (e) {
      await this.inner.releaseConnection(conn);
      throw e;
    }
    return conn;
  }

  beginTransaction(conn: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    return this.inner.beginTransaction(conn, settings);
  }

  commitTransaction(conn: DatabaseConnection): Promise<void> {
    return this.inner.commitTransaction(conn);
  }

  rollbackTransaction(conn: DatabaseConnection): Promise<void> {
    return this.inner.rollbackTransaction(conn);
  }

  releaseConnection(conn: DatabaseConnection): Promise<void> {
    return this.inner.releaseConnection(conn);
  }

  /** The shared driver belongs to the root handle: closing a scoped handle closes nothing. */
  async destroy(): Promise<void> {
    if (this.scope === null) await this.inner.destroy();
  }
}

export class ScopedDialect implements Dialect {
  constructor(
    private readonly inner: Driver,
    private readonly scope: Scope | null,
  ) {}
  createAdapter() {
    return new PostgresAdapter();
  }
  createDriver(): Driver {
    return new ScopedDriver(this.inner, this.scope);
  }
  // biome-ignore lint/suspicious/noExplicitAny: Kysely's introspector takes any database
  createIntrospector(db: Kysely<any>) {
    return new PostgresIntrospector(db);
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
}
