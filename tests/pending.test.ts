/** What a build must recompute after an ingest (pendingWork), on real registry rows. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { encodeFile } from '../pipelines/asn1/index.ts';
import { pendingWork } from '../pipelines/build/pending.ts';
import { listInputFiles } from '../pipelines/ingest/files.ts';
import { ingestFiles } from '../pipelines/ingest/run.ts';
import { quietProgress } from '../pipelines/lib/progress.ts';
import { buildRunsTable } from '../pipelines/ingest/registry-tables.ts';
import { createTableSql } from '../pipelines/columns/raw-table.ts';
import { withWarehouse } from '../pipelines/lib/warehouse.ts';
import { rapReturnBatch } from '../pipelines/sources/rap/test-fixtures.ts';
import { writeTap } from './helpers/files.ts';
import { tempDir } from './helpers/temp.ts';

let dir: string;
let warehouse: string;

beforeEach(async () => {
  dir = await tempDir('pending');
  warehouse = path.join(dir, 'warehouse.duckdb');
});

async function ingest(file: string) {
  const outcomes = await ingestFiles(warehouse, await listInputFiles([file]), {
    force: false,
    kind: undefined,
    quarantineDir: path.join(dir, 'quarantine'),
    progress: quietProgress,
  });
  expect(outcomes.map((o) => o.status)).toEqual(['loaded']);
}

/** A build recorded now: what was ingested before it counts as built. */
const recordBuild = () =>
  withWarehouse(warehouse, 'write', async (c) => {
    await c.run(createTableSql(buildRunsTable));
    await c.run(`INSERT INTO ${buildRunsTable.name} (started_at) VALUES (now()::TIMESTAMP)`);
  });

const pending = () => withWarehouse(warehouse, 'read', (c) => pendingWork(c));

describe('a RAP file ingested after its TAP files were built', () => {
  it('touches the months of the TAP files it returns, not only its own creation month', async () => {
    // The fixture's return batch (GBRCN → DEUD1, created 2024-03-05) returns DEUD1's file 00042
    // (fatal) and reports 00040–00041 missing (counted after the file before the gap, 00039).
    const files = {
      '00042': writeTap(dir, 'CDDEUD1GBRCN00042').file,
      '00039': writeTap(dir, 'CDDEUD1GBRCN00039').file,
      '00038': writeTap(dir, 'CDDEUD1GBRCN00038').file,
      other: writeTap(dir, 'CDDEUD1GBRCN00041', 0, { recipient: 'FRAF1' }).file,
    };
    for (const file of Object.values(files)) await ingest(file);
    // The fixture's events are all of 2024-03: give each TAP file its own month.
    const months = { '00042': '2023-11', '00039': '2023-10', '00038': '2023-01', other: '2022-01' };
    await withWarehouse(warehouse, 'write', async (c) => {
      for (const [key, month] of Object.entries(months))
        await c.run(
          `UPDATE raw.ingested_files SET first_event_at = '${month}-10', last_event_at = '${month}-20'
           WHERE path = '${files[key as keyof typeof files]}'`,
        );
    });
    await recordBuild();
    expect((await pending()).range).toBeUndefined();

    const rap = path.join(dir, 'RCGBRCNDEUD100007');
    writeFileSync(rap, encodeFile('RAP-1.05', { returnBatch: rapReturnBatch() }));
    await ingest(rap);
    // 00042's month and 00039's (the file before the gap; not 00038, nor the other recipient's
    // 00041), through the RAP's own month.
    expect((await pending()).range).toEqual({ start: '2023-10-01', end: '2024-03-31' });
  });
});
