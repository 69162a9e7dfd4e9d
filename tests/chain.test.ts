/**
 * The whole chain for real, in one process: DuckDB file → SQLMesh plan → Chromium PDF.
 * Running build right after ingest in the same process proves the warehouse is closed in between.
 */
import path from 'node:path';
import { execa } from 'execa';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../pipelines/build/run.ts';
import { listInputFiles } from '../pipelines/ingest/files.ts';
import { ingestFiles } from '../pipelines/ingest/run.ts';
import { referenceDir, samplesDir } from '../pipelines/lib/paths.ts';
import * as sqlmesh from '../pipelines/lib/sqlmesh.ts';
import { asText } from '../pipelines/lib/text.ts';
import { withWarehouse } from '../pipelines/lib/warehouse.ts';
import { generatePartnerReports, type RenderedReport } from '../reports/generate.ts';
import { readSampleCsv, tempDir } from './helpers/temp.ts';

const quietProgress = { fileDone: () => {}, finish: () => {} };
const successCode: Record<string, (code: string) => boolean> = {
  MAP: (c) => c === '',
  Diameter: (c) => c === '2001',
  GTPv1: (c) => c === '128',
  GTPv2: (c) => c === '16' || c === '17',
};

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
  it('equal success counts computed independently from the sample CSVs', async () => {
    const csvRows = (await listInputFiles([samplesDir]))
      .filter((f) => f.endsWith('.csv'))
      .flatMap(readSampleCsv);
    const expected = new Map<string, { attempts: number; successes: number }>();
    for (const r of csvRows) {
      const key = `${r.event_time?.slice(0, 7)}|${r.partner_tadig}|${r.procedure}`;
      const entry = expected.get(key) ?? { attempts: 0, successes: 0 };
      entry.attempts += 1;
      if (successCode[r.interface ?? '']?.(r.result_code ?? '')) entry.successes += 1;
      expected.set(key, entry);
    }
    const rows = await withWarehouse(warehouse, 'read', async (c) =>
      (
        await c.runAndReadAll(
          `SELECT strftime(event_month, '%Y-%m') AS m, partner_tadig, procedure, attempts, successes, success_rate
           FROM marts.fct_signalling_success_monthly`,
        )
      ).getRowObjectsJson(),
    );
    expect(rows.length).toBe(expected.size);
    for (const row of rows) {
      const want = expected.get(
        `${asText(row.m)}|${asText(row.partner_tadig)}|${asText(row.procedure)}`,
      );
      expect(want, JSON.stringify(row)).toBeDefined();
      expect(Number(row.attempts)).toBe(want?.attempts);
      expect(Number(row.successes)).toBe(want?.successes);
      expect(row.success_rate).toBe(((want?.successes ?? 0) / (want?.attempts ?? 1)).toFixed(4));
    }
  });

  it('flags exactly the procedures below their agreed target', async () => {
    const missed = await withWarehouse(warehouse, 'read', async (c) =>
      (
        await c.runAndReadAll(
          `SELECT partner_tadig || ' ' || procedure AS k FROM marts.fct_signalling_success_monthly
           WHERE NOT meets_target AND event_month = DATE '2026-10-01' ORDER BY k`,
        )
      ).getRowsJson(),
    );
    expect(missed.flat()).toEqual(['FRAAZ CreatePDPContext', 'FRAAZ CreateSession']);
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
  const partners = { DEUNW: 'Nordwind Mobil', ESPSL: 'Sol Móvil', FRAAZ: 'Azur Télécom' };

  it('renders one PDF per partner for the latest month', () => {
    expect(reports.map((r) => r.partner.tadig).sort()).toEqual(Object.keys(partners));
    expect(new Set(reports.map((r) => r.month))).toEqual(new Set(['2026-10']));
  });

  it("shows the partner and the month on every page and no other partner's data", async () => {
    for (const report of reports) {
      const { stdout } = await execa('pdftotext', ['-layout', report.file, '-']);
      const pages = stdout.split('\f').filter((p) => p.trim() !== '');
      expect(pages.length).toBeGreaterThan(0);
      for (const page of pages) {
        expect(page).toContain(`${report.partner.name} (${report.partner.tadig})`);
        expect(page).toContain('October 2026');
      }
      for (const [tadig, name] of Object.entries(partners)) {
        if (tadig === report.partner.tadig) continue;
        expect(stdout).not.toContain(tadig);
        expect(stdout).not.toContain(name);
      }
    }
  });

  it('names the procedures that missed their target', async () => {
    const fraaz = reports.find((r) => r.partner.tadig === 'FRAAZ');
    const { stdout } = await execa('pdftotext', [fraaz?.file ?? '', '-']);
    expect(stdout).toContain('CreatePDPContext (GTPv1): 50.0 % against an agreed 95.0 %');
    expect(stdout).toMatch(/4 ?\/ ?6/);
  });
});
