/**
 * `roam build`: reads what changed since the last build, closes the warehouse, and lets one
 * SQLMesh process plan, restate and record the build (pipelines/build/sqlmesh-build.ts). All or
 * nothing: a failed model or audit rolls that process's transactions back, so the warehouse and
 * SQLMesh's state stay as they were.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { WarehouseError } from '../lib/errors.ts';
import { sqlProjectDir } from '../lib/paths.ts';
import { createTableSql } from '../columns/raw-table.ts';
import { buildRunsTable } from '../ingest/registry-tables.ts';
import { sparkHomeFor, sparkMartsFor, statePathFor } from '../lib/sqlmesh.ts';
import { withWarehouse } from '../lib/warehouse.ts';
import { rawTablesOf } from '../ingest/raw-tables.ts';
import { renderExternalModels } from './external-models.ts';
import { monthRuns, monthsOf } from './months.ts';
import { pendingWork, requireReferenceData } from './pending.ts';
import { sparkPendingWork } from './spark-pending.ts';
import { runSqlmeshBuild, type Backfill, type SqlmeshBuildReport } from './sqlmesh-build.ts';

/**
 * Models recomputed when data for months already built arrives: every model kept by month (the
 * incremental intermediate tables and the marts; the views among them are only recreated). On
 * Spark the models that are views on DuckDB are tables (`view_kind` in sql/config.yaml), so the
 * reference and staging layers are recomputed too.
 */
export function restatedModels(engine: 'duckdb' | 'spark'): string[] {
  const kept = ['intermediate.*', 'marts.*'];
  return engine === 'spark' ? ['reference.*', 'staging.*', ...kept] : kept;
}

export interface BuildOptions {
  /** Months (`YYYY-MM`, validated by parseRestateMonths) to restate besides the pending ones. */
  restate?: readonly string[];
  /**
   * Build on Spark over this lake (`roam lake export`) instead of in the warehouse; the marts are
   * then copied into their own DuckDB file (sparkMartsFor).
   */
  spark?: { lake: string };
}

export interface BuildResult {
  firstBuild: boolean;
  /** Every model was built from the raw layer (first build, or no state beside the warehouse). */
  fromScratch: boolean;
  /** The month ranges restated, in order, with the models whose rows were recomputed. */
  restated: SqlmeshBuildReport['restated'];
  changes: SqlmeshBuildReport['changes'];
  backfilled: Backfill[];
  /** What SQLMesh warned of, e.g. a non-blocking audit that found rows. */
  warnings: string[];
  seconds: number;
  /** Where the time went inside the SQLMesh process (start-up, plan, restate, commit, total). */
  sqlmeshSeconds: Record<string, number>;
}

/** Keeps sql/external_models.yaml equal to the raw table definitions. */
export async function writeExternalModels(): Promise<void> {
  const file = path.join(sqlProjectDir, 'external_models.yaml');
  const text = renderExternalModels(rawTablesOf());
  const current = existsSync(file) ? await readFile(file, 'utf8') : '';
  if (current !== text) await writeFile(file, text);
}

const utcNow = () => new Date().toISOString().replace('T', ' ').replace('Z', '');

export async function build(warehouse: string, options: BuildOptions = {}): Promise<BuildResult> {
  if (!existsSync(warehouse)) {
    throw new WarehouseError(`warehouse ${warehouse} does not exist`, {
      fix: "run 'roam ingest PATH…' first",
    });
  }
  const started = performance.now();
  const startedAt = utcNow();
  await writeExternalModels();
  const spark = options.spark;
  const marts = sparkMartsFor(warehouse);
  const pending = await withWarehouse(warehouse, 'read', async (connection) => {
    await requireReferenceData(connection);
    return spark === undefined ? pendingWork(connection) : sparkPendingWork(connection, marts);
  });
  const firstBuild = pending.lastBuildStartedAt === undefined;
  const state =
    spark === undefined
      ? statePathFor(warehouse)
      : path.join(sparkHomeFor(warehouse), 'sqlmesh-state');
  if (spark !== undefined) await mkdir(sparkHomeFor(warehouse), { recursive: true });
  // State without a recorded build belongs to a warehouse that no longer exists.
  if (firstBuild) await rm(state, { force: true });
  const fromScratch = firstBuild || !existsSync(state);
  // From scratch, every month is computed anyway.
  const restate = fromScratch
    ? []
    : monthRuns([
        ...(pending.range === undefined ? [] : monthsOf(pending.range)),
        ...(options.restate ?? []),
      ]);

  const report = await runSqlmeshBuild(
    { warehouse, ...(spark === undefined ? {} : { spark }) },
    {
      ...(spark === undefined ? {} : { engine: 'spark' as const, marts }),
      models: restatedModels(spark === undefined ? 'duckdb' : 'spark'),
      restate,
      record: {
        table: buildRunsTable.name,
        create: createTableSql(buildRunsTable),
        values: { started_at: startedAt },
      },
    },
  );
  return {
    firstBuild,
    fromScratch: fromScratch || report.fresh,
    restated: report.restated,
    changes: report.changes,
    backfilled: report.backfilled,
    warnings: report.warnings,
    seconds: (performance.now() - started) / 1000,
    sqlmeshSeconds: report.seconds,
  };
}
