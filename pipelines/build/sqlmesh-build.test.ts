/**
 * The build process on a two-model project of its own: a model that fails at run time is named
 * (not the statements DuckDB refuses after it) and rolls everything back; fixed, the project
 * builds and the build is recorded with the models.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SqlmeshError } from '../lib/errors.ts';
import { statePathFor } from '../lib/sqlmesh.ts';
import { withWarehouse } from '../lib/warehouse.ts';
import { fingerprint, tempDir } from '../../tests/helpers/temp.ts';
import { buildError, runSqlmeshBuild, type SqlmeshBuildRequest } from './sqlmesh-build.ts';

let project: string;
let warehouse: string;

const config = `gateways:
  local:
    connection:
      type: duckdb
      catalogs:
        roam: "{{ env_var('ROAM_WAREHOUSE') }}"
    state_connection:
      type: duckdb
      database: "{{ env_var('ROAM_SQLMESH_STATE') }}"
default_gateway: local
model_defaults:
  dialect: duckdb
  start: "2026-01-01"
  cron: "@monthly"
`;

const model = (name: string, select: string) =>
  `MODEL (name demo.${name}, kind FULL);\n\n${select}\n`;

const request: SqlmeshBuildRequest = {
  models: ['demo.*'],
  restate: [],
  record: {
    table: 'raw.build_runs',
    create:
      'CREATE TABLE IF NOT EXISTS raw.build_runs (started_at TIMESTAMP, finished_at TIMESTAMP, restated_from TIMESTAMP, restated_to TIMESTAMP)',
    values: { started_at: '2026-11-02 10:00:00.123' },
  },
};

beforeAll(async () => {
  const dir = await tempDir('sqlmesh-build');
  project = path.join(dir, 'project');
  await mkdir(path.join(project, 'models'), { recursive: true });
  await writeFile(path.join(project, 'config.yaml'), config);
  await writeFile(path.join(project, 'models', 'good.sql'), model('good', 'SELECT 1 AS x'));
  await writeFile(
    path.join(project, 'models', 'bad.sql'),
    model('bad', "SELECT CAST('not a number' AS INT) AS y"),
  );
  warehouse = path.join(dir, 'warehouse.duckdb');
  await withWarehouse(warehouse, 'write', (c) => c.run('CREATE SCHEMA raw'));
});

describe('the build process', () => {
  it('names the model that failed, and leaves the warehouse as it was', async () => {
    const before = fingerprint(warehouse);
    const error = await runSqlmeshBuild({ warehouse }, request, project).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SqlmeshError);
    expect((error as SqlmeshError).message).toMatch(
      /^build failed, nothing was changed: demo\.bad failed: Conversion Error: Could not convert string 'not a number' to INT32/,
    );
    expect(fingerprint(warehouse)).toBe(before);
  });

  it('builds once the model is fixed, and records the build with the models', async () => {
    await rm(path.join(project, 'models', 'bad.sql'));
    const report = await runSqlmeshBuild({ warehouse }, request, project);
    expect(report).toMatchObject({
      fresh: true,
      changes: { added: ['demo.good'], modified: [], removed: [] },
      backfilled: [{ model: 'demo.good', kind: 'FULL' }],
      restated: [],
    });
    const recorded = await withWarehouse(warehouse, 'read', async (c) =>
      (
        await c.runAndReadAll(
          'SELECT started_at::VARCHAR AS started, (SELECT x FROM demo.good) AS x FROM raw.build_runs',
        )
      ).getRowObjectsJson(),
    );
    expect(recorded).toEqual([{ started: '2026-11-02 10:00:00.123', x: 1 }]);
    expect(fingerprint(statePathFor(warehouse))).not.toBe('absent');
  });
});

describe('buildError', () => {
  it('tells a state of another warehouse from a failed audit, each with its fix', () => {
    const mismatch = buildError(
      { kind: 'mismatch', message: 'it was written by …' },
      'w.duckdb',
      [],
    );
    expect(mismatch.message).toMatch(
      /state .*w\.duckdb\.sqlmesh-state does not belong to warehouse w\.duckdb/,
    );
    const audit = buildError(
      {
        kind: 'audit',
        message: "'not_null' audit error: 1 row failed in marts.x",
        query: 'SELECT 1',
      },
      'w.duckdb',
      ['a line'],
    );
    expect(audit).toBeInstanceOf(SqlmeshError);
    expect((audit as SqlmeshError).stderrTail).toEqual(['a line', 'offending rows: SELECT 1']);
  });
});
