/**
 * New data for months already built, and new reference data, reach the marts on the next build
 * (SQLMesh restatement), without touching other months.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../pipelines/build/run.ts';
import { listInputFiles } from '../pipelines/ingest/files.ts';
import { ingestFiles } from '../pipelines/ingest/run.ts';
import { referenceDir, samplesDir } from '../pipelines/lib/paths.ts';
import { withWarehouse } from '../pipelines/lib/warehouse.ts';
import { pdpStory, probeHeader, samplePartners } from './helpers/sample.ts';
import { tempDir } from './helpers/temp.ts';
import { quietProgress } from '../pipelines/lib/progress.ts';

let dir: string;
let warehouse: string;

async function ingest(paths: string[]) {
  return ingestFiles(warehouse, await listInputFiles(paths), {
    force: false,
    kind: undefined,
    quarantineDir: path.join(dir, 'quarantine'),
    progress: quietProgress,
  });
}

const mart = (where: string) =>
  withWarehouse(warehouse, 'read', async (c) =>
    (
      await c.runAndReadAll(
        `SELECT strftime(event_month, '%Y-%m') AS m, attempts::INT AS attempts, target_success_rate::VARCHAR AS target
         FROM marts.fct_signalling_success_monthly WHERE ${where} ORDER BY m`,
      )
    ).getRowObjectsJson(),
  );

beforeAll(async () => {
  dir = await tempDir('restate');
  warehouse = path.join(dir, 'warehouse.duckdb');
  await ingest([referenceDir, samplesDir]);
  await build(warehouse);
});

describe('restatement', () => {
  it('a late file for a built month is counted after the next build; other months stay', async () => {
    const partner = [...samplePartners().keys()][0] ?? '';
    const where = `partner_tadig = '${partner}' AND direction = 'outbound' AND procedure = 'UpdateLocation'`;
    const before = await mart(where);
    const late = path.join(dir, 'late-probes.csv');
    writeFileSync(
      late,
      `${probeHeader}\n` +
        `2026-10-30 23:59:59,${partner},outbound,MAP,UpdateLocation,234990000000009,,100\n` +
        `2026-10-31 12:00:00,${partner},outbound,MAP,UpdateLocation,234990000000010,34,100\n`,
    );
    await ingest([late]);
    const result = await build(warehouse);
    expect(result.restated).toEqual({ start: '2026-10-01', end: '2026-10-31' });
    const after = await mart(where);
    expect(after.find((r) => r.m === '2026-09')).toEqual(before.find((r) => r.m === '2026-09'));
    expect(after.find((r) => r.m === '2026-10')?.attempts).toBe(
      Number(before.find((r) => r.m === '2026-10')?.attempts) + 2,
    );
  });

  it('a new SLA agreement file changes the targets of every built month', async () => {
    const agreements = readFileSync(path.join(referenceDir, 'sla_agreements.csv'), 'utf8');
    const changed = path.join(dir, 'sla_agreements-2026.csv');
    const { partner } = pdpStory();
    const line = new RegExp(`^(${partner},outbound,gtpv1_pdp_success),[0-9.]+,`, 'gm');
    expect(agreements).toMatch(line);
    writeFileSync(changed, agreements.replace(line, '$1,0.4,'));
    await ingest([changed]);
    const result = await build(warehouse);
    expect(result.restated?.start).toBe('2026-09-01');
    const rows = await mart(
      `partner_tadig = '${partner}' AND direction = 'outbound' AND procedure = 'CreatePDPContext'`,
    );
    expect(rows.map((r) => r.target)).toEqual(['0.4000', '0.4000']);
  });
});
