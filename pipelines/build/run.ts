/**
 * `roam build`: load → close → SQLMesh. Reads what changed since the last build, closes the
 * warehouse, lets SQLMesh plan and restate, then records the build. Atomic: on failure the
 * warehouse and SQLMesh's state are put back as they were.
 */
import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { WarehouseError } from '../lib/errors.ts';
import { sqlProjectDir } from '../lib/paths.ts';
import { createTableSql } from '../lib/raw-table.ts';
import { buildRunsTable } from '../lib/registry.ts';
import * as sqlmesh from '../lib/sqlmesh.ts';
import { sqlString, withWarehouse } from '../lib/warehouse.ts';
import { rawTables } from '../ingest/raw-tables.ts';
import { backupFiles } from './backup.ts';
import { renderExternalModels } from './external-models.ts';
import { pendingWork, requireReferenceData } from './pending.ts';

/** Models recomputed when data for months already built arrives. */
export const restatedModels = ['marts.*'];

export interface BuildResult {
  firstBuild: boolean;
  restated: { start: string; end: string } | undefined;
  seconds: number;
}

/** Keeps sql/external_models.yaml equal to the raw table definitions. */
export async function writeExternalModels(): Promise<void> {
  const file = path.join(sqlProjectDir, 'external_models.yaml');
  const text = renderExternalModels(rawTables);
  const current = existsSync(file) ? await readFile(file, 'utf8') : '';
  if (current !== text) await writeFile(file, text);
}

const utcNow = () => new Date().toISOString().replace('T', ' ').replace('Z', '');

export async function build(warehouse: string): Promise<BuildResult> {
  if (!existsSync(warehouse)) {
    throw new WarehouseError(`warehouse ${warehouse} does not exist`, {
      fix: "run 'roam ingest PATH…' first",
    });
  }
  const started = performance.now();
  const startedAt = utcNow();
  await writeExternalModels();
  const pending = await withWarehouse(warehouse, 'read', async (connection) => {
    await requireReferenceData(connection);
    return pendingWork(connection);
  });
  const firstBuild = pending.lastBuildStartedAt === undefined;
  const state = sqlmesh.statePathFor(warehouse);
  // State without a recorded build belongs to a warehouse that no longer exists.
  if (firstBuild) await rm(state, { force: true });

  const backup = await backupFiles([warehouse, state]);
  try {
    const target = { warehouse };
    await sqlmesh.plan(target);
    const restated = firstBuild ? undefined : pending.range;
    if (restated !== undefined) {
      await sqlmesh.restate(target, { models: restatedModels, ...restated });
    }
    await withWarehouse(warehouse, 'write', async (connection) => {
      await connection.run(createTableSql(buildRunsTable));
      await connection.run(
        `INSERT INTO ${buildRunsTable.name} VALUES (${sqlString(startedAt)}, now(),
          ${restated === undefined ? 'NULL' : sqlString(restated.start)},
          ${restated === undefined ? 'NULL' : sqlString(restated.end)})`,
      );
    });
    await backup.discard();
    return { firstBuild, restated, seconds: (performance.now() - started) / 1000 };
  } catch (error) {
    await backup.restore();
    throw error;
  }
}
