/**
 * `roam sql` cannot leave the warehouse: every statement that would write, reach a file, open
 * another database or change a setting is refused before anything runs, and afterwards the
 * warehouse's bytes and the SQL project are as they were. With --write it writes the scratch
 * schema and nothing else; with --out FILE.parquet, only that file.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { sqlCommand } from '../pipelines/commands/sql.ts';
import type { OptionValues } from '../pipelines/lib/command.ts';
import { listInputFiles } from '../pipelines/ingest/files.ts';
import { ingestFiles } from '../pipelines/ingest/run.ts';
import { referenceDir, sqlProjectDir } from '../pipelines/lib/paths.ts';
import { quietProgress } from '../pipelines/lib/progress.ts';
import { QueryRefused } from '../pipelines/lib/sql-guard.ts';
import { captureOutput } from './helpers/output.ts';
import { fingerprint, roam, tempDir } from './helpers/temp.ts';

let dir: string;
let warehouse: string;

/** A hash of every file under sql/ (names and contents). */
function sqlTree(): string {
  const hash = createHash('sha256');
  const entries = readdirSync(sqlProjectDir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
  for (const file of files) hash.update(file).update(readFileSync(file));
  return hash.digest('hex');
}

/** Runs roam sql in this process (with `values` as its options) and collects what it prints. */
async function sql(query: string, values: OptionValues = {}): Promise<string> {
  const { output, stdout } = captureOutput('text');
  await sqlCommand.run({ values, positionals: [query] }, { warehouse, output });
  return stdout().replace(/\n$/, '');
}

const failureOf = (run: Promise<unknown>) =>
  run.then(
    () => undefined,
    (e: unknown) => e,
  );

beforeAll(async () => {
  dir = await tempDir('sql-sealed');
  warehouse = path.join(dir, 'warehouse.duckdb');
  await ingestFiles(warehouse, await listInputFiles([referenceDir]), {
    force: false,
    kind: undefined,
    quarantineDir: path.join(dir, 'quarantine'),
    progress: quietProgress,
  });
});

describe('roam sql refuses', () => {
  const q = (text: string) => text.replaceAll('$DIR', dir).replaceAll('$SQL', sqlProjectDir);
  const cases: Array<[string, RegExp]> = [
    ["COPY (SELECT 'x') TO '$DIR/warehouse.duckdb'", /\(COPY\) is refused|outside the warehouse/],
    ["COPY (SELECT 'import os') TO '$SQL/models/evil.py' (HEADER false)", /outside the warehouse/],
    ["COPY raw.reference_partners FROM '$DIR/partners.csv'", /outside the warehouse|COPY/],
    ["ATTACH '$DIR/other.duckdb' AS other (READ_WRITE)", /\(ATTACH\) is refused/],
    ["EXPORT DATABASE '$DIR/export'", /outside the warehouse/],
    ["SELECT * FROM read_text('/etc/shadow')", /outside the warehouse/],
    ["SELECT * FROM glob('/root/*')", /outside the warehouse/],
    ['SET threads = 1', /\(SET\) is refused: it changes a setting/],
    ['PRAGMA enable_profiling', /\(PRAGMA\) is refused/],
    ['CHECKPOINT', /\(CALL\) is refused/],
    ['CREATE TEMP TABLE t (a INTEGER)', /\(CREATE\) is refused/],
    ['INSERT INTO raw.build_runs VALUES (now(), now(), NULL, NULL)', /\(INSERT\) is refused/],
    ['DETACH roam', /\(DETACH\) is refused/],
    ['USE memory', /\(SET\) is refused/],
  ];

  it.each(cases)('%s', async (query, why) => {
    const before = fingerprint(warehouse);
    const project = sqlTree();
    const error = await sql(q(query)).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(QueryRefused);
    expect((error as Error).message).toMatch(why);
    expect((error as Error).message.split('\n')).toHaveLength(1);
    expect(fingerprint(warehouse)).toBe(before);
    expect(sqlTree()).toBe(project);
    expect(existsSync(path.join(sqlProjectDir, 'models', 'evil.py'))).toBe(false);
    expect(existsSync(path.join(dir, 'export'))).toBe(false);
    expect(existsSync(path.join(dir, 'other.duckdb'))).toBe(false);
  });

  it('every bad statement of several, one line each, and runs none (exit 1 from the CLI)', async () => {
    const before = fingerprint(warehouse);
    const copyTarget = path.join(dir, 'copied.csv');
    const result = await roam([
      'sql',
      '--warehouse',
      warehouse,
      `SELECT 1; COPY (SELECT 1) TO '${copyTarget}'; CREATE TEMP TABLE t (a INT); SELECT 2; SET threads = 1`,
    ]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trim().split('\n');
    expect(lines[0]).toMatch(/^roam: .*nothing was run/);
    expect(lines.slice(1).map((l) => /statement (\d) of 5/.exec(l)?.[1])).toEqual(['2', '3', '5']);
    expect(existsSync(copyTarget)).toBe(false);
    expect(fingerprint(warehouse)).toBe(before);
  });
});

describe('roam sql reads', () => {
  it('runs queries, DESCRIBE, SHOW and several SELECTs, leaving the file as it was', async () => {
    const before = fingerprint(warehouse);
    const text = await sql(
      'SELECT count(*) AS n FROM reference.partners_unused_name_check WHERE false',
    ).catch((e: Error) => e.message);
    expect(text).toMatch(/query failed.*partners_unused_name_check/);
    const described = await sql('DESCRIBE raw.reference_partners; SHOW ALL TABLES');
    expect(described).toMatch(/tadig/);
    expect(described).toMatch(/reference_partners/);
    expect(await sql('SELECT * FROM checkpoint()')).toMatch(/\(0 rows in [\d.]+ s\)/);
    expect(fingerprint(warehouse)).toBe(before);
  });

  it('streams a large result to a table of its first and last rows and counts the rest', async () => {
    const text = await sql('SELECT range FROM range(130000)');
    const lines = text.trim().split('\n');
    expect(lines.at(-1)).toMatch(
      /^\(130,000 rows in [\d.]+ s, the first 500 and the last 500 shown/,
    );
    expect(lines).toHaveLength(1000 + 4);
    expect(lines.slice(501, 504).map((l) => l.trim())).toEqual(['499', '…', '129500']);
  });
});

describe('roam sql --out FILE.parquet', () => {
  it("writes that file and nothing else: the query's own SQL still reaches no file", async () => {
    const out = path.join(dir, 'result.parquet');
    const other = path.join(dir, 'other.csv');
    const before = readdirSync(dir).sort();
    for (const query of [
      `COPY (SELECT 1) TO '${other}'`,
      `SELECT * FROM read_text('/etc/hostname')`,
      `SELECT * FROM read_parquet('${out}')`,
    ]) {
      const error = await failureOf(sql(query, { out }));
      expect(error, query).toBeInstanceOf(QueryRefused);
    }
    expect(readdirSync(dir).sort()).toEqual(before);
    expect(await sql('SELECT 42 AS answer', { out })).toMatch(
      /^\(1 row written to .*result\.parquet/,
    );
    expect(readdirSync(dir).sort()).toEqual([...before, 'result.parquet'].sort());
  });
});

describe('roam sql --write', () => {
  const write = { write: true };

  it('creates, fills and drops tables in the scratch schema, kept after the run', async () => {
    await sql(
      "CREATE TABLE partners AS SELECT partner_tadig FROM raw.reference_partners; INSERT INTO scratch.partners VALUES ('XXXXX'); CREATE VIEW scratch.n AS SELECT count(*) AS n FROM partners",
      write,
    );
    const partners = await sql('SELECT count(*) AS n FROM raw.reference_partners');
    const n = Number(/^\s*(\d+)$/m.exec(partners)?.[1]);
    expect(await sql('SELECT n FROM scratch.n')).toMatch(new RegExp(`^\\s*${n + 1}$`, 'm'));
    await sql('DROP VIEW scratch.n; DROP TABLE scratch.partners', write);
    await expect(sql('SELECT * FROM scratch.partners')).rejects.toThrow(/does not exist/);
  });

  const q = (text: string) => text.replaceAll('$DIR', dir);
  const cases: Array<[string, RegExp]> = [
    [
      'INSERT INTO raw.build_runs VALUES (now(), now(), NULL, NULL)',
      /\(INSERT\).*writes rows outside the scratch schema/,
    ],
    ["UPDATE raw.reference_partners SET partner_name = 'x'", /\(UPDATE\).*writes rows outside/],
    ['DELETE FROM raw.reference_partners', /\(DELETE\).*writes rows outside/],
    [
      'CREATE OR REPLACE TABLE raw.build_runs AS SELECT * FROM raw.build_runs',
      /changes table raw\.build_runs/,
    ],
    ['DROP TABLE raw.build_runs', /changes table raw\.build_runs/],
    ['ALTER TABLE raw.build_runs ADD COLUMN x INTEGER', /changes (table|column) raw\.build_runs/],
    ["COMMENT ON TABLE raw.build_runs IS 'x'", /changes table raw\.build_runs/],
    ['CREATE SCHEMA marts', /changes schema marts/],
    ['CREATE SCHEMA sqlmesh__marts', /changes schema sqlmesh__marts/],
    ['CREATE TABLE main.t (a INTEGER)', /changes table main\.t/],
    ['CREATE MACRO raw.m(a) AS a', /changes macro raw\.m/],
    [
      'CREATE TABLE scratch.ok AS SELECT 1 AS a; INSERT INTO raw.build_runs SELECT * FROM raw.build_runs',
      /statement 2 of 2 \(INSERT\)/,
    ],
    ["COPY (SELECT 1) TO '$DIR/copied.csv'", /outside the warehouse|\(COPY\)/],
    ["CREATE TABLE scratch.f AS SELECT * FROM read_text('/etc/hostname')", /outside the warehouse/],
    ["ATTACH '$DIR/other.duckdb' AS other", /\(ATTACH\) is refused/],
    ['SET threads = 1', /\(SET\) is refused/],
    ['USE main', /\(SET\) is refused/],
    ['CHECKPOINT', /\(CALL\) is refused/],
  ];

  it.each(cases)('refuses %s, changing nothing', async (query, why) => {
    const before = fingerprint(warehouse);
    const files = readdirSync(dir).sort();
    const error = await failureOf(sql(q(query), write));
    expect(error).toBeInstanceOf(QueryRefused);
    expect((error as Error).message).toMatch(why);
    expect((error as Error).message.split('\n')).toHaveLength(1);
    expect(fingerprint(warehouse)).toBe(before);
    expect(readdirSync(dir).sort()).toEqual(files);
    await expect(sql('SELECT * FROM scratch.ok')).rejects.toThrow(/does not exist/);
  });
});
