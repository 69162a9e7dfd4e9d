import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { activeTestsTable } from '../sources/active/raw-schema.ts';
import { ipxMeasurementsTable } from '../sources/ipx/raw-schema.ts';
import { fileColumns } from '../columns/raw-table.ts';
import { probeXdrTable } from '../sources/probes/raw-schema.ts';
import { causeClasses } from './cause-classes.ts';
import { readCatalogue } from './catalogue.ts';
import type { Manifest } from './manifest.ts';
import { PROCEDURES } from './xdr-codes.ts';
import { digests, smallWorld } from './test-world.ts';

let dir = '';
let manifest: Manifest;

beforeAll(async () => {
  ({ dir, manifest } = await smallWorld());
});

const firstLine = (file: string) => readFileSync(path.join(dir, file), 'utf8').split('\n', 1)[0];
const names = (table: typeof probeXdrTable) =>
  fileColumns(table)
    .map((c) => c.name)
    .join(',');

async function count(sql: string): Promise<number> {
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  try {
    const rows = (await c.runAndReadAll(sql)).getRows();
    return Number(rows[0]?.[0]);
  } finally {
    c.closeSync();
    db.closeSync();
  }
}

describe('roam generate: reference data and exports', () => {
  it('is deterministic: the same seed gives the same bytes, another seed other bytes', async () => {
    const again = await smallWorld();
    const other = await smallWorld({ seed: '7' });
    const a = digests(dir);
    expect(a.size).toBeGreaterThan(10);
    expect(digests(again.dir)).toEqual(a);
    const b = digests(other.dir);
    // Our own network and the KPI catalogue do not depend on the seed; everything else does.
    const fixed = new Set(['reference/kpi_catalogue.csv', 'reference/home_network.csv']);
    const same = [...a].filter(([file, hash]) => b.get(file) === hash).map(([file]) => file);
    expect(same.sort()).toEqual([...fixed].sort());
  });

  it('CSV headers are the raw-schema columns, without file_id and serving_plmn (and some probe exports without partner_tadig)', () => {
    const csv = (kind: string) =>
      manifest.files.filter((f) => f.kind === kind && f.path.endsWith('.csv'));
    expect(csv('probe-xdr').length).toBeGreaterThan(0);
    const untagged = manifest.stories.find((x) => x.story === 'probe-exports-without-partner');
    const without = new Set((untagged?.files as { file: string }[]).map((f) => f.file));
    expect(without.size).toBe(manifest.months.length / 2);
    const probe = names(probeXdrTable).replace(',serving_plmn', '');
    expect(probe).not.toContain('serving_plmn');
    const bare = probe.replace('partner_tadig,', '');
    for (const f of csv('probe-xdr'))
      expect(firstLine(f.path)).toBe(without.has(f.path) ? bare : probe);
    for (const f of csv('ipx-measurements'))
      expect(firstLine(f.path)).toBe(names(ipxMeasurementsTable));
    for (const f of csv('active-tests')) expect(firstLine(f.path)).toBe(names(activeTestsTable));
    expect(names(probeXdrTable)).not.toContain('file_id');
  });

  it('writes CSV and Parquet probe files whose row counts match the manifest', async () => {
    const probes = manifest.files.filter((f) => f.kind === 'probe-xdr');
    expect(new Set(probes.map((f) => path.extname(f.path)))).toEqual(new Set(['.csv', '.parquet']));
    for (const f of [
      ...probes,
      ...manifest.files.filter((x) => x.kind !== 'probe-xdr' && x.path.endsWith('.csv')),
    ]) {
      const p = path.join(dir, f.path).replaceAll("'", "''");
      const reader = f.path.endsWith('.parquet')
        ? `read_parquet('${p}')`
        : `read_csv('${p}', header = true, all_varchar = true)`;
      expect(await count(`SELECT count(*) FROM ${reader}`), f.path).toBe(f.rows);
    }
    const kinds = Object.entries(manifest.totals);
    for (const [kind, t] of kinds) {
      const files = manifest.files.filter((f) => f.kind === kind);
      expect(t).toEqual({ files: files.length, rows: files.reduce((s, f) => s + f.rows, 0) });
    }
  });

  it('reference partners are consistent: TADIG, MCC-MNC, IMSI prefixes of their country', () => {
    const [header, ...rows] = readFileSync(path.join(dir, 'reference/partners.csv'), 'utf8')
      .trim()
      .split('\n');
    expect(header).toBe(firstLineOf('data/reference/partners.csv'));
    expect(rows.length).toBe(manifest.partners.length);
    for (const row of rows) {
      const [tadig, , , mccMnc, , imsi] = row.split(',');
      expect(tadig).toMatch(/^[A-Z]{3}[A-Z0-9]{2}$/);
      expect(imsi?.startsWith(mccMnc ?? 'x')).toBe(true);
    }
    for (const name of ['home_network.csv', 'sla_agreements.csv', 'kpi_catalogue.csv'])
      expect(firstLine(`reference/${name}`)).toBe(firstLineOf(`data/reference/${name}`));
    expect(readFileSync(path.join(dir, 'reference/kpi_catalogue.csv'), 'utf8')).toBe(
      readFileSync(new URL('../../data/reference/kpi_catalogue.csv', import.meta.url), 'utf8'),
    );
  });
});

describe('roam generate: contracts with the reference data', () => {
  it('draws result codes in the class cause_codes.csv gives them', () => {
    const classOf = causeClasses();
    for (const proc of PROCEDURES) {
      for (const [code] of proc.technical)
        expect(classOf(proc.interface, code), `${proc.name} ${code}`).toBe('technical');
      for (const [code] of proc.policy)
        expect(['user', 'policy'], `${proc.name} ${code}`).toContain(classOf(proc.interface, code));
      expect(classOf(proc.interface, proc.success)).toBe('success');
    }
  });

  it('agrees a target for every KPI per partner and direction, bar a few documented gaps', () => {
    const kpis = readCatalogue();
    const [, ...lines] = readFileSync(path.join(dir, 'reference/sla_agreements.csv'), 'utf8')
      .trim()
      .split('\n');
    const rows = lines.map((l) => l.split(','));
    const has = (p: string, d: string, k: string) =>
      rows.some(([tadig, direction, kpi]) => tadig === p && direction === d && kpi === k);
    const missing: string[] = [];
    for (const p of manifest.partners)
      for (const d of ['outbound', 'inbound'])
        for (const k of kpis) if (!has(p, d, k.kpi)) missing.push(`${p} ${d} ${k.kpi}`);
    // No target: some families for some partners, inbound active tests, NRTRDE except from senders.
    expect(missing.length).toBeGreaterThan(0);
    expect(missing.length).toBeLessThan(kpis.length * manifest.partners.length * 0.5);
    for (const k of kpis)
      expect(
        has(manifest.partners[0]!, 'outbound', k.kpi) || missing.some((m) => m.endsWith(k.kpi)),
      ).toBe(true);
    const target = (p: string, d: string, k: string) =>
      Number(
        rows.find(([tadig, direction, kpi]) => tadig === p && direction === d && kpi === k)?.[3],
      );
    for (const k of kpis.filter((x) => x.measure === 'technical_success_rate'))
      for (const p of manifest.partners)
        for (const d of ['outbound', 'inbound'])
          if (has(p, d, k.kpi))
            expect(target(p, d, k.kpi), `${p} ${d} ${k.kpi}`).toBeGreaterThanOrEqual(
              target(p, d, k.kpi.replace(/_tech$/, '')),
            );
    const thresholds = rows.filter((r) => r[6] !== undefined && r[6] !== '');
    expect(thresholds.map((r) => `${r[2]}=${r[6]}`)).toEqual(['tap_timeliness=36']);
  });
});

function firstLineOf(repoPath: string): string | undefined {
  return readFileSync(new URL(`../../${repoPath}`, import.meta.url), 'utf8').split('\n', 1)[0];
}
