/**
 * `roam sql` on the built sample warehouse of tests/chain.test.ts (which calls this, so that no
 * other build is needed): the catalog as SQLMesh describes the marts, the example analyses of
 * sql/analyses/, and the warehouse file read by the venv's Python duckdb.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';
import { beforeAll, describe, expect, it } from 'vitest';
import { readMarts, type Mart } from '../pipelines/build/data-dictionary.ts';
import { sqlCommand } from '../pipelines/commands/sql.ts';
import type { OptionValues } from '../pipelines/lib/command.ts';
import { sqlProjectDir } from '../pipelines/lib/paths.ts';
import { pythonExecutable } from '../pipelines/lib/sqlmesh.ts';
import { captureOutput } from './helpers/output.ts';
import { manifest } from './helpers/sample.ts';

const analysesDir = path.join(sqlProjectDir, 'analyses');

/** The --param options of an analysis, from its `-- Run: roam sql --file … --param k=v` line. */
function paramsOf(file: string): string[] {
  const run = /^-- Run: roam sql (.*)$/m.exec(readFileSync(file, 'utf8'))?.[1] ?? '';
  return [...run.matchAll(/--param (\S+)/g)].map((m) => m[1] ?? '');
}

/** Reads the warehouse as a pandas or polars user would: Python's duckdb, attached as `roam`. */
const python = `
import json, sys
import duckdb
warehouse, parquet, month = sys.argv[1:]
con = duckdb.connect()
con.execute("ATTACH '" + warehouse.replace("'", "''") + "' AS roam (READ_ONLY)")
con.execute("USE roam")
views = con.execute("""
  SELECT v.view_name, v.comment, v.sql,
    (SELECT count(*) FROM duckdb_tables() t WHERE t.database_name = 'roam'
       AND v.sql LIKE '%FROM roam.' || t.schema_name || '.' || t.table_name || ';') AS over_tables,
    (SELECT count(*) FROM duckdb_views() p WHERE p.database_name = 'roam'
       AND v.sql LIKE '%FROM roam.' || p.schema_name || '.' || p.view_name || ';') AS over_views
  FROM duckdb_views() v WHERE v.database_name = 'roam' AND v.schema_name = 'marts' ORDER BY 1""").fetchall()
where = "strftime(event_month, '%Y-%m') = ?"
frame = con.sql("SELECT * FROM marts.fct_partner_kpi_monthly WHERE " + where, params=[month]).df()
differ = con.execute(
    "SELECT count(*) FROM (SELECT * FROM read_parquet(?) EXCEPT ALL "
    "SELECT * FROM marts.fct_partner_kpi_monthly WHERE " + where + ")", [parquet, month]).fetchone()[0]
print(json.dumps({
    "duckdb": duckdb.__version__,
    "views": [{"name": n, "comment": c, "sql": s, "over_tables": t, "over_views": v} for n, c, s, t, v in views],
    "frame_rows": len(frame),
    "differ": differ,
}))
`;

interface PythonView {
  name: string;
  comment: string;
  sql: string;
  over_tables: number;
  over_views: number;
}

export function describeAnalystSql(warehouse: () => string, dir: () => string): void {
  let marts: Mart[];

  async function sql(values: OptionValues, query = '', format: 'json' | 'text' = 'json') {
    const { output, stdout } = captureOutput(format);
    await sqlCommand.run(
      { values, positionals: query === '' ? [] : [query] },
      { warehouse: warehouse(), output },
    );
    return stdout();
  }

  beforeAll(async () => {
    marts = await readMarts();
  });

  describe('roam sql on the built warehouse', () => {
    it('--tables and --describe show every mart and column with its SQLMesh description', async () => {
      expect(JSON.parse(await sql({ tables: true }))).toEqual(
        marts.map((m) => ({ name: m.name, description: m.description })),
      );
      for (const mart of marts) {
        expect(JSON.parse(await sql({ describe: mart.name }))).toEqual({
          name: mart.name,
          description: mart.description,
          columns: mart.columns.map((c) => ({
            column: c.name,
            type: c.type,
            description: c.description,
          })),
        });
      }
      expect(await sql({ describe: 'fct_sla_breaches' }, '', 'text')).toMatch(
        /^marts\.fct_sla_breaches: One row per breached KPI[^\n]*\n\ncolumn +type +description\n/,
      );
    });

    it('runs every example analysis of sql/analyses on the sample, each with rows', async () => {
      const files = readdirSync(analysesDir).filter((f) => f.endsWith('.sql'));
      expect(files.length).toBeGreaterThanOrEqual(3);
      for (const name of files) {
        const file = path.join(analysesDir, name);
        const rows = JSON.parse(await sql({ file, param: paramsOf(file) })) as unknown[];
        expect(rows.length, name).toBeGreaterThan(0);
      }
    });

    it("opens in the venv's Python duckdb: marts are plain views over tables, with the descriptions", async () => {
      const month = manifest.months.at(-1) ?? '';
      const parquet = path.join(dir(), 'kpis.parquet');
      const query =
        "SELECT * FROM marts.fct_partner_kpi_monthly WHERE strftime(event_month, '%Y-%m') = $month";
      expect(await sql({ out: parquet, param: [`month=${month}`] }, query, 'text')).toMatch(
        /^\(\d[\d,]* rows written to /,
      );
      const result = await execa(pythonExecutable, ['-c', python, warehouse(), parquet, month], {
        reject: false,
        env: { PYTHONWARNINGS: 'ignore' },
      });
      expect(result.exitCode, result.stderr).toBe(0);
      const read = JSON.parse(result.stdout) as {
        duckdb: string;
        views: PythonView[];
        frame_rows: number;
        differ: number;
      };
      const node = JSON.parse(await sql({}, 'SELECT version() AS v')) as { v: string }[];
      expect(`v${read.duckdb}`).toBe(node[0]?.v);
      expect(read.views.map((v) => `marts.${v.name}`)).toEqual(marts.map((m) => m.name));
      for (const [i, view] of read.views.entries()) {
        const mart = marts[i] as Mart;
        expect(view.comment, view.name).toBe(mart.description);
        expect(view.sql, view.name).toMatch(
          new RegExp(
            `^CREATE VIEW marts\\.${view.name} AS SELECT \\* FROM roam\\.sqlmesh__marts\\.marts__${view.name}__\\d+;$`,
          ),
        );
        // A view over one table; the marts of kind VIEW, over the view SQLMesh keeps them in.
        expect([view.over_tables, view.over_views], view.name).toEqual(
          mart.kind === 'VIEW' ? [0, 1] : [1, 0],
        );
      }
      const kpis = JSON.parse(
        await sql({ param: [`month=${month}`] }, query.replace('*', 'count(*) AS n')),
      ) as { n: string }[];
      expect(read.frame_rows).toBe(Number(kpis[0]?.n));
      expect(read.frame_rows).toBeGreaterThan(0);
      expect(read.differ).toBe(0);
    });
  });
}
