/** House rules of the SQLMesh project that SQLMesh itself does not check. */
import { cp, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { sqlProjectDir, venvDir } from '../pipelines/lib/paths.ts';
import { tempDir } from './helpers/temp.ts';

const python = path.join(venvDir, 'bin', 'python');

/** Runs one of sql/checks on a project folder (sql/ by default), with its own SQLMesh files. */
async function check(script: string, project = sqlProjectDir) {
  const scratch = await tempDir('sql-check');
  return execa(python, [path.join(sqlProjectDir, 'checks', script), project], {
    cwd: project,
    reject: false,
    env: {
      SQLMESH__DISABLE_ANONYMIZED_ANALYTICS: '1',
      PYTHONWARNINGS: 'ignore',
      ROAM_WAREHOUSE: path.join(scratch, 'w.duckdb'),
      ROAM_SQLMESH_STATE: path.join(scratch, 'w.duckdb.sqlmesh-state'),
      ROAM_SQLMESH_CACHE: path.join(scratch, 'w.duckdb.sqlmesh-cache'),
    },
  });
}

describe('the SQLMesh project', () => {
  it('documents every model: owner, grain, description and every output column', async () => {
    const result = await check('model_docs.py');
    expect(result.stdout.trim(), result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
  });

  it('renders every model for Spark without a known-bad translation', async () => {
    const result = await check('spark_render.py');
    expect(result.stdout.trim(), result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
  });

  it('names a model whose quantile would reach Spark mistranslated', async () => {
    // The project's config and engine macros, with one model written through @quantile and one
    // with DuckDB's own QUANTILE_CONT.
    const project = await tempDir('spark-render');
    await cp(path.join(sqlProjectDir, 'config.yaml'), path.join(project, 'config.yaml'));
    await cp(
      path.join(sqlProjectDir, 'macros', 'engine.py'),
      path.join(project, 'macros', 'engine.py'),
    );
    await mkdir(path.join(project, 'models'));
    const model = (name: string, quantile: string) =>
      writeFile(
        path.join(project, 'models', `${name}.sql`),
        `MODEL (name marts.${name}, kind VIEW);\n` +
          `SELECT g, ${quantile} AS p95 FROM (SELECT 1 AS g, 2.5 AS x, TRUE AS ok) AS t GROUP BY g\n`,
      );
    await model('portable', '@quantile(x, 0.95, ok)');
    await model('duckdb_only', 'QUANTILE_CONT(x, 0.95) FILTER (WHERE ok)');
    const result = await check('spark_render.py', project);
    expect(result.exitCode, result.stderr).toBe(1);
    expect(result.stdout.trim().split('\n')).toEqual([
      'marts.duckdb_only: PERCENTILE_CONT: Spark has no PERCENTILE_CONT(x, q): use @quantile (macros/engine.py)',
    ]);
  });
});
