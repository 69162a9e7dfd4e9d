/**
 * The whole chain for real, in one process: DuckDB file → SQLMesh plan → Chromium PDF.
 * Running build right after ingest in the same process proves the warehouse is closed in between.
 */
import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../pipelines/build/run.ts';
import { listInputFiles } from '../pipelines/ingest/files.ts';
import { ingestFiles } from '../pipelines/ingest/run.ts';
import { referenceDir, samplesDir } from '../pipelines/lib/paths.ts';
import * as sqlmesh from '../pipelines/lib/sqlmesh.ts';
import { withWarehouse } from '../pipelines/lib/warehouse.ts';
import { generatePartnerReports, type RenderedReport } from '../reports/generate.ts';
import { manifest, pdpStory, samplePartners } from './helpers/sample.ts';
import { tempDir } from './helpers/temp.ts';
import { monthTitle } from '../reports/format.ts';
import { quietProgress } from '../pipelines/lib/progress.ts';

let dir: string;
let warehouse: string;
let reports: RenderedReport[];

beforeAll(async () => {
  dir = await tempDir('chain');
  warehouse = path.join(dir, 'warehouse.duckdb');
  const files = await listInputFiles([referenceDir, samplesDir]);
  const outcomes = await ingestFiles(warehouse, files, {
    force: false,
    kind: undefined,
    quarantineDir: path.join(dir, 'quarantine'),
    progress: quietProgress,
  });
  expect(outcomes.map((o) => o.status)).toEqual(files.map(() => 'loaded'));
  await build(warehouse);
  reports = await generatePartnerReports({
    warehouse,
    month: undefined,
    partners: [],
    outDir: path.join(dir, 'reports'),
  });
});

describe('mart values', () => {
  it('equal success counts computed independently from the sample probe files', async () => {
    const probes = path.join(samplesDir, 'probes');
    const expected = await withWarehouse(warehouse, 'read', async (c) =>
      (
        await c.runAndReadAll(
          `WITH files AS (
             SELECT event_time, partner_tadig, direction, interface, procedure, result_code
             FROM read_csv('${probes}/*.csv', header = true, union_by_name = true)
             UNION ALL
             SELECT event_time, partner_tadig, direction, interface, procedure, result_code
             FROM read_parquet('${probes}/*.parquet', union_by_name = true))
           SELECT strftime(event_time, '%Y-%m') AS m, partner_tadig, direction, procedure,
                  count(*)::INT AS attempts,
                  count(*) FILTER (WHERE (interface = 'MAP' AND result_code IS NULL)
                    OR (interface = 'Diameter' AND result_code = 2001)
                    OR (interface = 'GTPv1' AND result_code = 128)
                    OR (interface = 'GTPv2' AND result_code IN (16, 17)))::INT AS successes
           FROM files GROUP BY ALL ORDER BY ALL`,
        )
      ).getRowObjectsJson(),
    );
    const mart = await withWarehouse(warehouse, 'read', async (c) =>
      (
        await c.runAndReadAll(
          `SELECT strftime(event_month, '%Y-%m') AS m, partner_tadig, direction, procedure,
                  attempts::INT AS attempts, successes::INT AS successes
           FROM marts.fct_signalling_success_monthly ORDER BY ALL`,
        )
      ).getRowObjectsJson(),
    );
    expect(mart.length).toBeGreaterThan(100);
    expect(mart).toEqual(expected);
  });

  it("shows the planted PDP drop with the manifest's numbers, below its target", async () => {
    const story = pdpStory();
    const rows = await withWarehouse(warehouse, 'read', async (c) =>
      (
        await c.runAndReadAll(
          `SELECT attempts::INT AS attempts, successes::INT AS successes, target_success_rate::DOUBLE AS target, meets_target
           FROM marts.fct_signalling_success_monthly
           WHERE partner_tadig = $partner AND strftime(event_month, '%Y-%m') = $month
             AND direction = 'outbound' AND procedure = 'CreatePDPContext'`,
          { partner: story.partner, month: story.month },
        )
      ).getRowObjectsJson(),
    );
    expect(rows).toEqual([
      {
        attempts: story.attempts,
        successes: story.successes,
        target: story.target,
        meets_target: false,
      },
    ]);
  });
});

describe('SQLMesh on the built warehouse', () => {
  it('passes its audits and has nothing due to run, with the warehouse closed by roam', async () => {
    await expect(sqlmesh.audit({ warehouse })).resolves.toMatch(
      /audits? (passed|finished)|Finished/i,
    );
    await expect(sqlmesh.run({ warehouse })).resolves.toBeTypeOf('string');
  });
});

describe('partner PDFs', () => {
  const partners = samplePartners();
  const latest = manifest.months.at(-1) ?? '';

  it('renders one PDF per partner for the latest month', () => {
    expect(reports.map((r) => r.partner.tadig).sort()).toEqual([...partners.keys()].sort());
    expect(new Set(reports.map((r) => r.month))).toEqual(new Set([latest]));
  });

  it("shows the partner and the month on every page and no other partner's data", async () => {
    const title = monthTitle(latest);
    for (const report of reports) {
      const { stdout } = await execa('pdftotext', ['-layout', report.file, '-']);
      const pages = stdout.split('\f').filter((p) => p.trim() !== '');
      expect(pages.length).toBeGreaterThan(0);
      for (const page of pages) {
        expect(page).toContain(`${report.partner.name} (${report.partner.tadig})`);
        expect(page).toContain(title);
      }
      for (const [tadig, name] of partners) {
        if (tadig === report.partner.tadig) continue;
        expect(stdout).not.toContain(tadig);
        expect(stdout).not.toContain(name);
      }
    }
  });

  it("names the planted PDP drop in that partner's report", async () => {
    const story = pdpStory();
    const report = reports.find((r) => r.partner.tadig === story.partner);
    const { stdout } = await execa('pdftotext', [report?.file ?? '', '-']);
    const rate = ((story.successes / story.attempts) * 100).toFixed(1);
    const target = (story.target * 100).toFixed(1);
    expect(stdout).toContain(
      `CreatePDPContext (GTPv1, outbound): ${rate} % against an agreed ${target} %`,
    );
  });
});

describe('a copied and renamed warehouse', () => {
  const marts = 'SELECT count(*) AS n FROM marts.fct_signalling_success_monthly';
  const martRows = (file: string) =>
    withWarehouse(file, 'query', async (c) =>
      Number((await c.runAndReadAll(marts)).getRowsJson()[0]?.[0]),
    );

  it('builds, reports and answers queries under another name and folder, with or without its state', async () => {
    const expected = await martRows(warehouse);
    const moved = path.join(dir, 'elsewhere', 'w7.duckdb');
    const bare = path.join(dir, 'elsewhere', 'no-state.duckdb');
    await mkdir(path.dirname(moved), { recursive: true });
    await copyFile(warehouse, moved);
    await copyFile(sqlmesh.statePathFor(warehouse), sqlmesh.statePathFor(moved));
    await copyFile(warehouse, bare);
    for (const file of [moved, bare]) {
      await build(file);
      expect(await martRows(file)).toBe(expected);
    }
    const rendered = await generatePartnerReports({
      warehouse: moved,
      month: undefined,
      partners: [pdpStory().partner],
      outDir: path.join(dir, 'elsewhere', 'reports'),
    });
    expect(rendered.map((r) => r.partner.tadig)).toEqual([pdpStory().partner]);
  });
});
