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
import { manifest, pdpStory, probeHeader, samplePartners } from './helpers/sample.ts';
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

const last = manifest.months.at(-1) ?? '';
const previous = manifest.months.at(-2) ?? '';

describe('restatement', () => {
  it('a late file for a built month is counted after the next build; other months stay', async () => {
    const partner = [...samplePartners().keys()][0] ?? '';
    const where = `partner_tadig = '${partner}' AND direction = 'outbound' AND procedure = 'UpdateLocation'`;
    const before = await mart(where);
    const late = path.join(dir, 'late-probes.csv');
    writeFileSync(
      late,
      `${probeHeader}\n` +
        `${last}-27 23:59:59,${partner},outbound,MAP,UpdateLocation,234990000000009,,100\n` +
        `${last}-28 12:00:00,${partner},outbound,MAP,UpdateLocation,234990000000010,34,100\n`,
    );
    await ingest([late]);
    const result = await build(warehouse);
    const end = new Date(Date.UTC(Number(last.slice(0, 4)), Number(last.slice(5, 7)), 0));
    expect(result.restated).toEqual({
      start: `${last}-01`,
      end: end.toISOString().slice(0, 10),
    });
    const after = await mart(where);
    expect(after.find((r) => r.m === previous)).toEqual(before.find((r) => r.m === previous));
    expect(after.find((r) => r.m === last)?.attempts).toBe(
      Number(before.find((r) => r.m === last)?.attempts) + 2,
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
    expect(result.restated?.start).toBe(`${manifest.months[0] ?? ''}-01`);
    const rows = await mart(
      `partner_tadig = '${partner}' AND direction = 'outbound' AND procedure = 'CreatePDPContext'`,
    );
    expect(rows.map((r) => r.target)).toEqual(manifest.months.map(() => '0.4000'));
  });
});
