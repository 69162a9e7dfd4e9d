/**
 * kill -9 during ingest (bench/kill9.ts is the campaign; this is its small version): an ingest
 * killed part-way leaves a warehouse that opens and holds each file completely or not at all, and
 * the run that completes it leaves every raw table equal to a clean run's, row for row.
 */
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkAfterKill, compareWarehouses, identical } from '../bench/kill9/compare.ts';
import { ingestRun } from '../bench/kill9/ingest.ts';
import { withWarehouse } from '../pipelines/lib/warehouse.ts';
import { writeIpxCsv, writeNrtrde, writeTap } from './helpers/files.ts';
import { tempDir } from './helpers/temp.ts';

let dir: string;
let inbox: string;
let clean: string;
let cleanMs: number;

beforeAll(async () => {
  dir = await tempDir('kill9');
  inbox = path.join(dir, 'inbox');
  mkdirSync(inbox);
  for (let i = 1; i <= 3; i++) writeTap(inbox, `CDDEUNWGBRHM0000${i}`, 10_000);
  writeNrtrde(inbox, 'NRDEUNWGBRHM0000001', 20);
  writeIpxCsv(inbox, 'ipx.csv');
  clean = path.join(dir, 'clean.duckdb');
  const run = await ingestRun([inbox], clean);
  expect(run.exitCode).toBe(0);
  cleanMs = run.ms;
}, 120_000);

describe('kill -9 during ingest', () => {
  it('each kill leaves whole files only; the completed run equals a clean one', async () => {
    const warehouse = path.join(dir, 'killed.duckdb');
    const loadedAfterKill: number[] = [];
    for (const share of [0.45, 0.8]) {
      const run = await ingestRun([inbox], warehouse, cleanMs * share);
      const check = await checkAfterKill(warehouse, clean);
      expect(check.partial).toEqual({});
      if (run.killed) loadedAfterKill.push(check.loaded);
    }
    expect(Math.min(...loadedAfterKill), 'no kill landed before the end').toBeLessThan(5);
    expect((await ingestRun([inbox], warehouse)).exitCode).toBe(0);
    const comparison = await compareWarehouses(warehouse, clean);
    expect(comparison.loaded).toMatchObject({ got: 5, onlyGot: 0, onlyClean: 0 });
    expect(comparison.tables['raw.tap_events']?.rows).toBe(3 * 10_004);
    expect(identical(comparison)).toBe(true);
  }, 180_000);

  it('the checks see a file loaded in part', async () => {
    const tampered = path.join(dir, 'tampered.duckdb');
    copyFileSync(clean, tampered);
    if (existsSync(`${clean}.wal`)) copyFileSync(`${clean}.wal`, `${tampered}.wal`);
    await withWarehouse(tampered, 'write', async (c) => {
      await c.run(
        `DELETE FROM raw.tap_charges WHERE rowid IN (SELECT rowid FROM raw.tap_charges LIMIT 3)`,
      );
    });
    expect(Object.keys((await checkAfterKill(tampered, clean)).partial)).toEqual([
      'raw.tap_charges',
    ]);
    const comparison = await compareWarehouses(tampered, clean);
    expect(comparison.tables['raw.tap_charges']).toMatchObject({ onlyGot: 0, onlyClean: 3 });
    expect(identical(comparison)).toBe(false);
  });
});
