/** Ingest runs (raw.ingest_runs): a row when a run starts, its counts when it ends. */
import type { DuckDBConnection } from '@duckdb/node-api';
import { ingestRunsTable } from './registry-tables.ts';
import { sqlString } from '../lib/warehouse.ts';
import type { FileOutcome } from './registry-store.ts';

/** Records a run as running; returns its id (the next after the last run's). */
export async function startRun(
  connection: DuckDBConnection,
  inputs: readonly string[],
  files: number,
): Promise<number> {
  const reader = await connection.runAndReadAll(
    `INSERT INTO ${ingestRunsTable.name} (run_id, started_at, status, inputs, files)
     SELECT coalesce(max(run_id), 0) + 1, now(), 'running', ${sqlString(JSON.stringify(inputs))}, ${files}
     FROM ${ingestRunsTable.name}
     RETURNING run_id`,
  );
  return Number(reader.getRowObjectsJson()[0]?.run_id);
}

/** What a run did, in counts. */
export function runCounts(outcomes: readonly FileOutcome[]) {
  const loaded = outcomes.filter((o) => o.status === 'loaded');
  return {
    loaded: loaded.length,
    replaced: loaded.reduce((n, o) => n + o.replaced.length, 0),
    skipped: outcomes.filter((o) => o.status === 'skipped-duplicate').length,
    quarantined: outcomes.filter((o) => o.status === 'quarantined').length,
    rows: loaded.reduce((n, o) => n + o.rows, 0),
    fatalFindings: loaded.reduce((n, o) => n + o.fatalFindings, 0),
  };
}

/** Records how a run ended (`crashed`: what it had done when a bug stopped it). */
export async function finishRun(
  connection: DuckDBConnection,
  runId: number,
  outcomes: readonly FileOutcome[],
  status: 'finished' | 'crashed',
): Promise<void> {
  const c = runCounts(outcomes);
  await connection.run(
    `UPDATE ${ingestRunsTable.name}
     SET finished_at = now(), status = ${sqlString(status)}, loaded = ${c.loaded},
       replaced = ${c.replaced}, skipped = ${c.skipped}, quarantined = ${c.quarantined},
       row_count = ${c.rows}, fatal_findings = ${c.fatalFindings}
     WHERE run_id = ${runId}`,
  );
}
