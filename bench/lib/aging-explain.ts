import { CompiledQuery, type DatabaseConnection, type Dialect, type Driver, type Kysely } from 'kysely';
import { ScopedDialect } from '../../src/shared/db/scope.ts';

/**
 * Captures the SQL and parameters of the statements a use case runs, so the aging's main query can
 * be EXPLAINed exactly as Settle sent it. Like the query tracer it wraps the drivers Settle's dialect
 * creates (no hook in product code); install it before the app opens its database.
 */
export type Statement = { sql: string; parameters: readonly unknown[] };

let captured: Statement[] | null = null;
let isInstalled = false;
const wrapped = new WeakSet<DatabaseConnection>();

export function installStatementCapture(): void {
  if (isInstalled) return;
  isInstalled = true;
  const dialect = ScopedDialect as unknown as { prototype: Dialect };
  const create = dialect.prototype.createDriver;
  dialect.prototype.createDriver = function (this: Dialect): Driver {
    const driver = create.call(this);
    const acquire = driver.acquireConnection.bind(driver);
    driver.acquireConnection = async () => {
      const conn = await acquire();
      if (!wrapped.has(conn)) {
        wrapped.add(conn);
        const execute = conn.executeQuery.bind(conn);
        conn.executeQuery = <R>(q: CompiledQuery) => {
          captured?.push({ sql: q.sql, parameters: q.parameters });
          return execute<R>(q);
        };
      }
      return conn;
    };
    return driver;
  };
}

export async function captureStatements<T>(work: () => Promise<T>): Promise<Statement[]> {
  captured = [];
  try {
    await work();
    return captured;
  } finally {
    captured = null;
  }
}

type PlanNode = {
  'Node Type': string;
  'Relation Name'?: string;
  Alias?: string;
  'Join Type'?: string;
  Strategy?: string;
  'Parent Relationship'?: string;
  'Subplan Name'?: string;
  'CTE Name'?: string;
  'Index Name'?: string;
  'Actual Total Time'?: number;
  'Actual Rows'?: number;
  'Actual Loops'?: number;
  'Workers Launched'?: number;
  'Rows Removed by Filter'?: number;
  Filter?: string;
  Plans?: PlanNode[];
};
type ExplainJson = [{ Plan: PlanNode; 'Planning Time': number; 'Execution Time': number }];

export type PlanLine = { node: string; selfMs: number; rows: number; loops: number; filter: string };
export type PlanSummary = { planningMs: number; executionMs: number; nodes: PlanLine[]; text: string };

/** EXPLAIN (ANALYZE, BUFFERS) of a captured statement on `db`: nodes by their own time, and the text plan. */
export async function explainAnalyze<DB>(db: Kysely<DB>, s: Statement): Promise<PlanSummary> {
  const run = async (format: string) =>
    (
      await db.executeQuery(
        CompiledQuery.raw(`explain (analyze, buffers${format}) ${s.sql}`, [...s.parameters]),
      )
    ).rows as Record<string, unknown>[];
  const json = (await run(', format json'))[0]?.['QUERY PLAN'] as ExplainJson;
  const text = (await run('')).map((r) => String(r['QUERY PLAN'])).join('\n');
  const top = json[0];
  const nodes: PlanLine[] = [];
  walk(top.Plan, 1, nodes);
  nodes.sort((a, b) => b.selfMs - a.selfMs);
  return { planningMs: top['Planning Time'], executionMs: top['Execution Time'], nodes, text };
}

/**
 * A node's own time: its total over all loops less its children's. Under a Gather the times are
 * per process (leader and workers run the same nodes at once), so loops count once per process.
 */
function walk(n: PlanNode, processes: number, out: PlanLine[]): number {
  const loops = n['Actual Loops'] ?? 1;
  const total = (n['Actual Total Time'] ?? 0) * Math.max(1, loops / processes);
  const inner = n['Node Type'].startsWith('Gather') ? (n['Workers Launched'] ?? 0) + 1 : processes;
  let children = 0;
  for (const c of n.Plans ?? []) children += walk(c, inner, out);
  out.push({
    node: describe(n),
    selfMs: Math.max(0, total - children),
    rows: (n['Actual Rows'] ?? 0) * loops,
    loops,
    filter: n.Filter ?? '',
  });
  return total;
}

function describe(n: PlanNode): string {
  const parts = [n['Node Type']];
  if (n['Join Type'] && n['Join Type'] !== 'Inner') parts.push(`(${n['Join Type']})`);
  if (n.Strategy && n['Node Type'] === 'Aggregate') parts.push(`(${n.Strategy})`);
  if (n['Relation Name'])
    parts.push(`on ${n['Relation Name']}${n.Alias && n.Alias !== n['Relation Name'] ? ` ${n.Alias}` : ''}`);
  if (n['Index Name']) parts.push(`using ${n['Index Name']}`);
  if (n['CTE Name']) parts.push(`(CTE ${n['CTE Name']})`);
  if (n['Subplan Name']) parts.push(`[${n['Subplan Name']}]`);
  return parts.join(' ');
}
