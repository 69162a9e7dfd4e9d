/**
 * The recipe of docs/architecture.md, "Adding a source", followed once end to end with a format
 * made up for it (TINY, tests/tiny-source/): one folder, one more line in the registry, and the
 * rest of roam takes it as it takes TAP or a probe export: detection, ingest (replacement,
 * quarantine, a large file with decode workers running), the external models, `roam decode`.
 * Nothing else is changed: the registry is the shipped one with the TINY source added.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { renderExternalModels } from '../pipelines/build/external-models.ts';
import { inspectFile } from '../pipelines/commands/decode-inspect.ts';
import { readHead } from '../pipelines/ingest/detect.ts';
import { listInputFiles } from '../pipelines/ingest/files.ts';
import { rawTablesOf } from '../pipelines/ingest/raw-tables.ts';
import { ingestFiles } from '../pipelines/ingest/run.ts';
import { quietProgress } from '../pipelines/lib/progress.ts';
import { withWarehouse } from '../pipelines/lib/warehouse.ts';
import { sources } from '../pipelines/sources/index.ts';
import { sourceByHead } from '../pipelines/sources/recognise.ts';
import { probeRows, writeProbeCsv, writeTap } from './helpers/files.ts';
import { tempDir } from './helpers/temp.ts';
import { tinySource } from './tiny-source/source.ts';

/** The registry with one more line. */
const registry = [...sources, tinySource];

let dir: string;
let warehouse: string;

beforeEach(async () => {
  dir = await tempDir('tiny');
  warehouse = path.join(dir, 'warehouse.duckdb');
});

/** A TINY file of `records` usage records (units 1, 2, …), sequence `sequence`. */
function writeTiny(name: string, records: number, sequence = '00001'): string {
  const lines = Array.from(
    { length: records },
    (_, i) => `2026-10-01T10:${String(i % 60).padStart(2, '0')}:00Z,26201000000${i % 10},${i + 1}`,
  );
  const file = path.join(dir, name);
  writeFileSync(file, `TINY1 DEUD1 GBRCN ${sequence}\n${lines.join('\n')}\n`);
  return file;
}

async function ingest(files: string[], workers = 0) {
  return ingestFiles(warehouse, await listInputFiles(files), {
    force: false,
    kind: undefined,
    quarantineDir: path.join(dir, 'quarantine'),
    progress: quietProgress,
    sources: registry,
    workers,
  });
}

async function query(sql: string): Promise<Record<string, unknown>[]> {
  return withWarehouse(warehouse, 'read', async (c) =>
    (await c.runAndReadAll(sql)).getRowObjectsJson(),
  );
}

describe('adding a source (TINY)', () => {
  it('is recognised from its first bytes, beside the shipped sources', async () => {
    const tiny = writeTiny('usage-1.tiny', 3);
    const tap = writeTap(dir, 'CDDEUD1GBRCN00001').file;
    expect(sourceByHead(await readHead(tiny), registry)?.kind).toBe('tiny');
    expect(sourceByHead(await readHead(tap), registry)?.kind).toBe('tap');
    // The shipped registry does not know it.
    expect(sourceByHead(await readHead(tiny), sources)).toBeUndefined();
  });

  it('is ingested into its raw table, and a new version replaces the old one', async () => {
    const first = writeTiny('usage-1.tiny', 3);
    const probe = writeProbeCsv(dir, 'xdr.csv');
    const outcomes = await ingest([first, probe]);
    expect(outcomes.map((o) => [o.kind, o.format, o.status, o.rows])).toEqual([
      ['tiny', 'tiny', 'loaded', 3],
      ['probe-xdr', 'csv', 'loaded', probeRows.length],
    ]);
    expect(await query('SELECT record_index, used_at, imsi, units FROM raw.tiny_usage')).toEqual([
      { record_index: 0, used_at: '2026-10-01 10:00:00', imsi: '262010000000', units: 1 },
      { record_index: 1, used_at: '2026-10-01 10:01:00', imsi: '262010000001', units: 2 },
      { record_index: 2, used_at: '2026-10-01 10:02:00', imsi: '262010000002', units: 3 },
    ]);
    expect(
      await query(
        `SELECT kind, format, logical_key, first_event_at, last_event_at FROM raw.ingested_files WHERE kind = 'tiny'`,
      ),
    ).toEqual([
      {
        kind: 'tiny',
        format: 'tiny',
        logical_key: 'tiny:DEUD1>GBRCN:00001',
        first_event_at: '2026-10-01 10:00:00',
        last_event_at: '2026-10-01 10:02:00',
      },
    ]);
    // The same header, other content: the same logical file, a new version of it.
    const second = writeTiny('usage-1-resent.tiny', 5);
    const [again] = await ingest([second]);
    expect(again?.replaced.map((r) => [path.basename(r.file), r.rows])).toEqual([
      ['usage-1.tiny', 3],
    ]);
    expect(await query('SELECT count(*)::INT AS n FROM raw.tiny_usage')).toEqual([{ n: 5 }]);
  });

  it('quarantines a bad file with its place, and decodes a large one here with workers running', async () => {
    const bad = path.join(dir, 'bad.tiny');
    writeFileSync(
      bad,
      'TINY1 DEUD1 GBRCN 00002\n2026-10-01T10:00:00Z,262010000000,1\nnot a record\n',
    );
    // More than the 64 KiB from which files are decoded ahead: the workers know only the shipped
    // sources, so this one is decoded in this thread.
    const large = writeTiny('usage-3.tiny', 3000, '00003');
    const outcomes = await ingest([bad, large], 2);
    expect(outcomes.map((o) => [o.status, o.rows])).toEqual([
      ['quarantined', 0],
      ['loaded', 3000],
    ]);
    expect(outcomes[0]?.reason).toBe(
      `${bad}: 'not a record' is not a record at byte 60, record 1 (record)`,
    );
    const reason = readFileSync(path.join(dir, 'quarantine', 'bad.tiny.reason'), 'utf8');
    expect(reason).toContain('is not a record');
  });

  it('is declared to SQLMesh with the others', () => {
    const yaml = renderExternalModels(rawTablesOf(registry));
    expect(yaml).toContain('- name: raw.tiny_usage\n');
    expect(yaml).toContain('    used_at: TIMESTAMP\n');
    expect(renderExternalModels(rawTablesOf(sources))).not.toContain('raw.tiny_usage');
  });

  it('is shown by roam decode', async () => {
    const file = writeTiny('usage-4.tiny', 2, '00004');
    const report = await inspectFile(file, { sources: registry });
    expect(report).toMatchObject({ kind: 'tiny', module: 'TINY-1', eventCount: 2, error: null });
    expect(report.events.map((e) => e.line)).toEqual([
      '#0 2026-10-01T10:00:00Z imsi 262010000000 units 1',
      '#1 2026-10-01T10:01:00Z imsi 262010000001 units 2',
    ]);
    const unknown = await inspectFile(file);
    expect(unknown.error?.message).toBe(`${file}: not a TAP, RAP or NRTRDE file at byte 0`);
  });
});
