import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { activeTestsTable } from '../active/raw-schema.ts';
import { ipxMeasurementsTable } from '../ipx/raw-schema.ts';
import { fileColumns } from '../lib/raw-table.ts';
import { probeXdrTable } from '../probes/raw-schema.ts';
import type { Manifest } from './manifest.ts';
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

  it('CSV headers are the raw-schema columns, without file_id', () => {
    const csv = (kind: string) =>
      manifest.files.filter((f) => f.kind === kind && f.path.endsWith('.csv'));
    expect(csv('probe-xdr').length).toBeGreaterThan(0);
    for (const f of csv('probe-xdr')) expect(firstLine(f.path)).toBe(names(probeXdrTable));
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

function firstLineOf(repoPath: string): string | undefined {
  return readFileSync(new URL(`../../${repoPath}`, import.meta.url), 'utf8').split('\n', 1)[0];
}
