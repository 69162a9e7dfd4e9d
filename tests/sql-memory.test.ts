/**
 * `roam sql` streams: a result of a million rows (489 DuckDB chunks, 65–95 MB as CSV, JSON lines
 * or Arrow) goes to a file or stdout with the CLI's heap capped at 96 MB, and its peak RSS stays
 * within 48 MB of the same command on 20,000 rows. Holding the result, or letting the Arrow
 * writer's queue grow, fails one or the other. No timings are asserted.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { RecordBatchReader } from 'apache-arrow';
import { createReadStream } from 'node:fs';
import { execa } from 'execa';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../pipelines/lib/paths.ts';
import { withWarehouse } from '../pipelines/lib/warehouse.ts';
import { tempDir } from './helpers/temp.ts';

const rows = 1_000_000;
const allowedGrowthKb = 48 * 1024;

const query = (n: number) =>
  `SELECT range AS id, 'partner ' || (range % 97) || repeat('x', 40) AS text,
     (range * 0.01)::DECIMAL(18,2) AS amount FROM range(${n})`;

/** Prints the process's peak RSS (kB) on stderr as it exits. */
const reportPeak =
  'data:text/javascript,process.on("exit",()=>process.stderr.write("peak-rss-kb "+process.resourceUsage().maxRSS+"\\n"))';

let dir: string;
let warehouse: string;
let baselineKb: number;

async function peak(args: string[], stdout: 'pipe' | 'ignore' = 'pipe') {
  const result = await execa(
    process.execPath,
    [
      '--max-old-space-size=96',
      '--import',
      reportPeak,
      path.join(projectRoot, 'bin', 'roam.js'),
      'sql',
      '--warehouse',
      warehouse,
      ...args,
    ],
    { reject: false, stdin: 'ignore', stdout, env: { CI: 'true' } },
  );
  const kb = Number(/peak-rss-kb (\d+)/.exec(result.stderr)?.[1]);
  return { code: result.exitCode, stdout: String(result.stdout ?? ''), stderr: result.stderr, kb };
}

async function countRows(from: string): Promise<number> {
  const instance = await DuckDBInstance.create(':memory:');
  try {
    const connection = await instance.connect();
    const result = await connection.runAndReadAll(`SELECT count(*) FROM ${from}`);
    connection.closeSync();
    return Number(result.getRowsJson()[0]?.[0]);
  } finally {
    instance.closeSync();
  }
}

async function countArrowRows(file: string): Promise<number> {
  let n = 0;
  for await (const batch of await RecordBatchReader.from(createReadStream(file)))
    n += batch.numRows;
  return n;
}

beforeAll(async () => {
  dir = await tempDir('sql-memory');
  warehouse = path.join(dir, 'warehouse.duckdb');
  await withWarehouse(warehouse, 'write', () => Promise.resolve());
  const baseline = await peak(['--out', path.join(dir, 'small.csv'), query(20_000)]);
  expect(baseline.code, baseline.stderr).toBe(0);
  baselineKb = baseline.kb;
});

describe('roam sql streams a result far larger than its batches', () => {
  it.each(['csv', 'jsonl', 'parquet', 'arrow'])('--out FILE.%s', async (extension) => {
    const file = path.join(dir, `large.${extension}`);
    const run = await peak(['--out', file, query(rows)]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^\(1,000,000 rows written to /);
    expect(run.kb - baselineKb).toBeLessThan(allowedGrowthKb);
    if (extension !== 'parquet') expect(statSync(file).size).toBeGreaterThan(60_000_000);
    const counted =
      extension === 'arrow'
        ? await countArrowRows(file)
        : await countRows(
            extension === 'csv'
              ? `read_csv('${file}')`
              : extension === 'jsonl'
                ? `read_json('${file}', format = 'newline_delimited')`
                : `read_parquet('${file}')`,
          );
    expect(counted).toBe(rows);
  });

  it('--format jsonl on stdout', async () => {
    const run = await peak(['--format', 'jsonl', query(rows)], 'ignore');
    expect(run.code, run.stderr).toBe(0);
    expect(run.kb - baselineKb).toBeLessThan(allowedGrowthKb);
  });
});
