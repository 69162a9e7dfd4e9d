/**
 * `roam sql` for analysts: where the query comes from, parameters bound by DuckDB, the output
 * formats and --out files with exact values, terminal tables, and errors that say where they are.
 * On an empty warehouse: none of it needs the marts (tests/chain-sql.ts reads a built one).
 */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { tableFromIPC } from 'apache-arrow';
import { execa } from 'execa';
import { beforeAll, describe, expect, it } from 'vitest';
import { sqlCommand } from '../pipelines/commands/sql.ts';
import type { OptionValues } from '../pipelines/lib/command.ts';
import { UsageError } from '../pipelines/lib/errors.ts';
import type { Format } from '../pipelines/lib/output.ts';
import { projectRoot } from '../pipelines/lib/paths.ts';
import { QueryError } from '../pipelines/lib/sql-guard.ts';
import { withWarehouse } from '../pipelines/lib/warehouse.ts';
import { captureOutput } from './helpers/output.ts';
import { roam, tempDir } from './helpers/temp.ts';

let dir: string;
let warehouse: string;

beforeAll(async () => {
  dir = await tempDir('sql-analyst');
  warehouse = path.join(dir, 'warehouse.duckdb');
  await withWarehouse(warehouse, 'write', () => Promise.resolve());
});

async function sql(
  query: string,
  values: OptionValues = {},
  format: Format = 'text',
  width?: number,
): Promise<string> {
  const { output, stdout } = captureOutput(format, width);
  await sqlCommand.run({ values, positionals: [query] }, { warehouse, output });
  return stdout();
}

const failureOf = (run: Promise<unknown>) =>
  run.then(
    () => undefined,
    (e: unknown) => e,
  );

/** Exact values of every kind the formats treat differently. */
const values = `SELECT * FROM (VALUES
  (9007199254740993::BIGINT, 12.3400::DECIMAL(10,4), DATE '2026-10-01', TIMESTAMP '2026-10-01 12:00:00.5', 'a,b "c"', [1, 2]),
  (NULL, -0.0001::DECIMAL(10,4), NULL, NULL, E'tab\\there\\nnewline|pipe', NULL)
) t(big, money, day, stamp, text, list)`;

describe('roam sql takes', () => {
  it('the query as an argument, from --file or on standard input, with --param values bound', async () => {
    const piped = await execa(
      'node',
      [
        path.join(projectRoot, 'bin', 'roam.js'),
        'sql',
        '--warehouse',
        warehouse,
        '--format',
        'csv',
      ],
      { input: 'SELECT 42 AS answer', reject: false, env: { CI: 'true' } },
    );
    expect(piped.stdout, piped.stderr).toBe('answer\n42');
    const file = path.join(dir, 'q.sql');
    writeFileSync(file, 'SELECT $month AS month,\n  $n::INTEGER + 1 AS next;\n');
    const fromFile = await roam([
      'sql',
      '--warehouse',
      warehouse,
      '--file',
      file,
      '--param',
      'month=2026-10',
      '--param',
      'n=41',
      '--format',
      'csv',
    ]);
    expect(fromFile.stdout, fromFile.stderr).toBe('month,next\n2026-10,42');
    // A value is a value, never SQL.
    const sly = "x' OR 1=1; DROP TABLE t; --";
    expect(await sql('SELECT $v AS v', { param: [`v=${sly}`] }, 'csv')).toBe(`v\n${sly}\n`);
  });

  it('no missing or unused --param, and the query only once', async () => {
    const cases: Array<[string, OptionValues, RegExp]> = [
      ['SELECT $month AS m', {}, /the query uses \$month but no value was given/],
      ['SELECT 1', { param: ['month=2026-10'] }, /--param month is not used/],
      ['SELECT $a AS a', { param: ['a=1', 'a=2'] }, /--param a is given twice/],
      ['SELECT $a AS a', { param: ['a'] }, /--param 'a' is not NAME=VALUE/],
      ['SELECT 1', { file: path.join(dir, 'q.sql') }, /given twice/],
      ['SELECT 1', { out: path.join(dir, 'x.xlsx') }, /does not know the format/],
    ];
    for (const [query, options, why] of cases) {
      const error = await failureOf(sql(query, options));
      expect(error, query).toBeInstanceOf(UsageError);
      expect((error as Error).message, query).toMatch(why);
    }
  });
});

describe('roam sql prints', () => {
  it('CSV, TSV, JSON, JSON lines and Markdown, streamed, with exact values', async () => {
    expect(await sql(values, {}, 'csv')).toBe(
      'big,money,day,stamp,text,list\n' +
        '9007199254740993,12.3400,2026-10-01,2026-10-01 12:00:00.5,"a,b ""c""","[1, 2]"\n' +
        ',-0.0001,,,"tab\there\nnewline|pipe",\n',
    );
    expect(await sql(values, {}, 'tsv')).toBe(
      'big\tmoney\tday\tstamp\ttext\tlist\n' +
        '9007199254740993\t12.3400\t2026-10-01\t2026-10-01 12:00:00.5\ta,b "c"\t[1, 2]\n' +
        '\t-0.0001\t\t\ttab\\there\\nnewline|pipe\t\n',
    );
    const first = {
      big: '9007199254740993',
      money: '12.3400',
      day: '2026-10-01',
      stamp: '2026-10-01 12:00:00.5',
      text: 'a,b "c"',
      list: [1, 2],
    };
    const second = {
      big: null,
      money: '-0.0001',
      day: null,
      stamp: null,
      text: 'tab\there\nnewline|pipe',
      list: null,
    };
    expect(JSON.parse(await sql(values, {}, 'json'))).toEqual([first, second]);
    const lines = (await sql(values, {}, 'jsonl')).trimEnd().split('\n');
    expect(lines.map((l) => JSON.parse(l) as unknown)).toEqual([first, second]);
    expect(await sql(values, {}, 'markdown')).toBe(
      '| big | money | day | stamp | text | list |\n' +
        '| ---: | ---: | --- | --- | --- | --- |\n' +
        '| 9007199254740993 | 12.3400 | 2026-10-01 | 2026-10-01 12:00:00.5 | a,b "c" | [1, 2] |\n' +
        '|  | -0.0001 |  |  | tab\there<br>newline\\|pipe |  |\n',
    );
    // Several statements: the last one's rows.
    expect(await sql('SELECT 1 AS a; SELECT 2 AS b', {}, 'csv')).toBe('b\n2\n');
  });

  it('a table that fits the terminal, saying what it leaves out', async () => {
    const columns = Array.from({ length: 30 }, (_, i) => `'value ${i}' AS column_${i}`).join(', ');
    const text = await sql(
      `SELECT ${columns}, range AS n FROM range(100)`,
      { 'max-rows': '6' },
      'text',
      60,
    );
    const lines = text.trimEnd().split('\n');
    for (const line of lines.slice(0, -2)) expect(line.length).toBeLessThanOrEqual(60);
    expect(lines[0]).toMatch(/^column_0 .* … .* column_29 +n$/);
    expect(lines.slice(2, 9).map((l) => l.split(/\s+/).at(-1))).toEqual([
      '0',
      '1',
      '2',
      '…',
      '97',
      '98',
      '99',
    ]);
    expect(lines.at(-2)).toMatch(/^\(100 rows in [\d.]+ s, the first 3 and the last 3 shown: /);
    expect(lines.at(-1)).toMatch(/^\(31 columns, \d columns shown: /);
  });
});

describe('roam sql --out', () => {
  it('writes Parquet and Arrow files that read back with the same values and types', async () => {
    const parquet = path.join(dir, 'values.parquet');
    const arrow = path.join(dir, 'values.arrow');
    expect(await sql(values, { out: parquet })).toMatch(
      /^\(2 rows written to .*values\.parquet in /,
    );
    expect(JSON.parse(await sql(values, { out: arrow }, 'json'))).toEqual({
      file: arrow,
      format: 'arrow',
      rows: 2,
    });
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    const read = async (from: string) => (await connection.runAndReadAll(from)).getRowObjectsJson();
    expect(await read(`SELECT * FROM read_parquet('${parquet}')`)).toEqual(await read(values));
    const types = await read(`SELECT column_type FROM (DESCRIBE SELECT * FROM '${parquet}')`);
    expect(types.map((t) => t.column_type)).toEqual(
      (await read(`SELECT column_type FROM (DESCRIBE ${values})`)).map((t) => t.column_type),
    );
    connection.closeSync();
    instance.closeSync();

    const table = tableFromIPC(await readFile(arrow));
    expect(table.schema.fields.map((f) => `${f.name} ${String(f.type)}`)).toEqual([
      'big Int64',
      'money Decimal[10e+4]',
      'day Date32<DAY>',
      'stamp Timestamp<MICROSECOND>',
      'text Utf8',
      'list Utf8',
    ]);
    expect(table.getChild('big')?.toArray()).toEqual(new BigInt64Array([9007199254740993n, 0n]));
    expect(table.getChild('big')?.get(1)).toBeNull();
    const money = table.getChild('money');
    expect(
      [0, 1].map(
        (i) => new BigInt64Array(Uint32Array.from(money?.get(i) as Uint32Array).buffer)[0],
      ),
    ).toEqual([123400n, -1n]);
    expect(table.getChild('stamp')?.get(0)).toBe(Date.UTC(2026, 9, 1, 12, 0, 0, 500));
    expect(table.getChild('text')?.get(1)).toBe('tab\there\nnewline|pipe');
  });

  it('leaves no file when the query fails, and an earlier file as it was', async () => {
    const file = path.join(dir, 'kept.csv');
    writeFileSync(file, 'earlier\n');
    const failing =
      "SELECT CASE WHEN range = 90000 THEN 'x'::INTEGER ELSE range END AS n FROM range(100000)";
    for (const out of [file, path.join(dir, 'never.parquet'), path.join(dir, 'never.arrow')]) {
      const error = await failureOf(sql(failing.replace("'x'", "('x' || range)"), { out }));
      expect(error, out).toBeInstanceOf(QueryError);
    }
    expect(await readFile(file, 'utf8')).toBe('earlier\n');
    expect(existsSync(path.join(dir, 'never.parquet'))).toBe(false);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('roam sql errors', () => {
  it("say DuckDB's message with the line and column, in the file and the statement; exit 1", async () => {
    const cli = await roam(['sql', '--warehouse', warehouse, 'SELECT 1,\n  2 FORM range(3)']);
    expect(cli.code).toBe(1);
    expect(cli.stderr.trim().split('\n')).toHaveLength(1);
    expect(cli.stderr).toMatch(
      /^roam: query failed at line 2, column 10: Parser Error: syntax error at or near "range" — fix: /,
    );
    const file = path.join(dir, 'bad.sql');
    writeFileSync(file, 'SELECT 1;\n\n-- the second\nSELECT nope\n  FROM range(3);\n');
    const cases: Array<[OptionValues, string, RegExp]> = [
      [
        { file },
        '',
        /^query failed at line 4, column 8 of .*bad\.sql \(statement 2 of 2\): Binder Error: Referenced column "nope" not found/,
      ],
      [
        {},
        'SELECT 1; SELECT 2;\n  SELECT * FROM missing_table',
        /^query failed at line 2, column 17 \(statement 3 of 3\): Catalog Error: Table with name missing_table does not exist!/,
      ],
      [
        {},
        `SELECT '${'x'.repeat(300)}' AS long, nope`,
        /^query failed at line 1, column 320: Binder Error: Referenced column "nope"/,
      ],
      [{}, 'SELECT 1 +', /^query failed: Parser Error: syntax error at end of input$/],
    ];
    for (const [options, query, why] of cases) {
      const error = await failureOf(sql(query, options));
      expect(error, query).toBeInstanceOf(QueryError);
      expect((error as Error).message, query).toMatch(why);
    }
  });
});
