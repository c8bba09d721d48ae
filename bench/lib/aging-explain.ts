import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { CompiledQuery, type Kysely, sql } from 'kysely';
import { computeAging } from '../../src/modules/reports/index.ts';
import type { Ctx } from '../../src/shared/context/index.ts';
import type { Db } from '../../src/shared/db/index.ts';
import { agingQuery, type Timing, timeStatement } from './aging-measure.ts';
import { recordStatements, type Statement } from './aging-statements.ts';

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
export type PlanSummary = {
  planningMs: number;
  executionMs: number;
  nodes: PlanLine[];
  /** Time of each subquery scan's subtree by alias (e.g. `ap`, the applications summed per invoice). */
  subqueries: Record<string, number>;
  text: string;
};

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
  const subqueries: Record<string, number> = {};
  walk(top.Plan, 1, nodes, subqueries);
  nodes.sort((a, b) => b.selfMs - a.selfMs);
  return { planningMs: top['Planning Time'], executionMs: top['Execution Time'], nodes, subqueries, text };
}

/**
 * A node's own time: its total over all loops less its children's. Under a Gather the times are
 * per process (leader and workers run the same nodes at once), so loops count once per process.
 */
function walk(n: PlanNode, processes: number, out: PlanLine[], subqueries: Record<string, number>): number {
  const loops = n['Actual Loops'] ?? 1;
  const total = (n['Actual Total Time'] ?? 0) * Math.max(1, loops / processes);
  const inner = n['Node Type'].startsWith('Gather') ? (n['Workers Launched'] ?? 0) + 1 : processes;
  let children = 0;
  for (const c of n.Plans ?? []) children += walk(c, inner, out, subqueries);
  if (n['Node Type'] === 'Subquery Scan' && n.Alias) subqueries[n.Alias] = total;
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

export type Diagnosis = {
  plan: PlanSummary;
  ownerPlan: PlanSummary;
  file: string;
  ownerFile: string;
  underRls: Timing;
  asOwner: Timing;
  workMem: string;
  bigWorkMem: Timing;
};

const BIG_WORK_MEM = '256MB';

/**
 * The bucket query as Settle sends it, taken apart: its plan as the app role (row-level security)
 * and as the owner (no policies), and its time alone in each, and with a larger work_mem.
 */
export async function diagnoseMainQuery(ctx: Ctx, ownerDb: Db, filePrefix: string): Promise<Diagnosis> {
  const statements = await recordStatements(() => computeAging(ctx, agingQuery(false)));
  const main = statements.find((s) => /with applied as/.test(s.sql));
  if (!main) throw new Error('the aging query was not captured');
  const run = (db: Db) => () => db.executeQuery(CompiledQuery.raw(main.sql, [...main.parameters]));
  const underRls = await timeStatement(run(ctx.db), 3);
  const asOwner = await timeStatement(run(ownerDb), 3);
  const bigWorkMem = await timeStatement(
    () =>
      ctx.db.transaction().execute(async (trx) => {
        await sql.raw(`set local work_mem = '${BIG_WORK_MEM}'`).execute(trx);
        await trx.executeQuery(CompiledQuery.raw(main.sql, [...main.parameters]));
      }),
    3,
  );
  const plan = await explainAnalyze(ctx.db, main);
  const ownerPlan = await explainAnalyze(ownerDb, main);
  const file = `${filePrefix}.txt`;
  const ownerFile = `${filePrefix}-owner.txt`;
  mkdirSync(dirname(file), { recursive: true });
  const header = `${main.sql}\n\n-- parameters: ${JSON.stringify(main.parameters)}\n\n`;
  writeFileSync(file, `${header}-- as the app role, under row-level security\n${plan.text}\n`);
  writeFileSync(ownerFile, `${header}-- as the owner, no row-level security\n${ownerPlan.text}\n`);
  return { plan, ownerPlan, file, ownerFile, underRls, asOwner, workMem: BIG_WORK_MEM, bigWorkMem };
}
