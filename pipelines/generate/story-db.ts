/**
 * Test support: the raw data of a generated world in an in-memory DuckDB, for the story tests —
 * probe exports (CSV and Parquet, with or without partner_tadig) with each row's partner as the
 * attribution rules find it, reference data, IPX and active tests, and TAP rows produced by the
 * project's normaliser, NRTRDE rows and what each RAP file returns.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { decodeFile } from '../asn1/index.ts';
import type { DecodeItem } from '../asn1/types.ts';
import { normaliseNrtrdeFile } from '../sources/nrtrde/normalise.ts';
import { normaliseTapFile } from '../sources/tap/normalise.ts';
import { csvField } from './csv-writer.ts';
import type { Manifest } from './manifest.ts';

type Cell = string | number | bigint | null;

export interface StoryDb {
  rows(sql: string): Promise<Record<string, unknown>[]>;
  close(): void;
}

/**
 * `xdr_attr.partner`: partner_tadig where the export has it, else by the rules the SQL applies —
 * inbound by the IMSI's longest imsi_prefixes match, outbound by the serving node GT (MAP, GTPv1)
 * or the Diameter Origin-Realm; `attributed` is what the rules alone give.
 */
const ATTRIBUTION = `
  CREATE VIEW prefixes AS
    SELECT partner_tadig, 'imsi' AS kind, unnest(string_split(imsi_prefixes, ';')) AS prefix FROM partners
    UNION ALL SELECT partner_tadig, 'gt', unnest(string_split(msc_gt_prefixes, ';')) FROM partners
    UNION ALL SELECT partner_tadig, 'gt', unnest(string_split(sgsn_gt_prefixes, ';')) FROM partners
    UNION ALL SELECT partner_tadig, 'realm', unnest(string_split(diameter_realm, ';')) FROM partners;
  CREATE TABLE xdr_attr AS
    SELECT x.*, (
      SELECT p.partner_tadig FROM prefixes p
      WHERE CASE
        WHEN x.direction = 'inbound' THEN p.kind = 'imsi' AND starts_with(x.imsi, p.prefix)
        WHEN x.interface = 'Diameter' THEN p.kind = 'realm' AND x.origin_realm = p.prefix
        ELSE p.kind = 'gt' AND starts_with(x.serving_node_gt, p.prefix) END
      ORDER BY length(p.prefix) DESC LIMIT 1) AS attributed
    FROM xdr x;
  ALTER TABLE xdr_attr ADD COLUMN partner VARCHAR;
  UPDATE xdr_attr SET partner = coalesce(partner_tadig, attributed);`;

export async function openStoryDb(dir: string, manifest: Manifest): Promise<StoryDb> {
  const q = (p: string) => `'${path.join(dir, p).replaceAll("'", "''")}'`;
  const db = await DuckDBInstance.create(':memory:');
  const c: DuckDBConnection = await db.connect();
  const csv = (file: string, header: string[], data: Cell[][]): string => {
    const text = [
      header.join(','),
      ...data.map((r) => r.map((v) => csvField(v === null ? null : String(v))).join(',')),
    ];
    writeFileSync(path.join(dir, file), `${text.join('\n')}\n`);
    return q(file);
  };
  await c.run("SET TimeZone = 'UTC'");
  const text = "{'imsi': 'VARCHAR', 'serving_node_gt': 'VARCHAR', 'result_code': 'INTEGER'}";
  await c.run(`CREATE VIEW xdr AS
    SELECT * FROM read_csv(${q('probes/*.csv')}, header = true, union_by_name = true,
                           filename = true, types = ${text})
    UNION ALL BY NAME
    SELECT * FROM read_parquet(${q('probes/*.parquet')}, union_by_name = true, filename = true)`);
  await c.run(`CREATE VIEW sla AS SELECT * FROM read_csv(${q('reference/sla_agreements.csv')})`);
  await c.run(
    `CREATE TABLE partners AS SELECT * FROM read_csv(${q('reference/partners.csv')}, all_varchar = true)`,
  );
  await c.run(`CREATE VIEW ipx AS SELECT * FROM read_csv(${q('ipx/*.csv')})`);
  await c.run(`CREATE VIEW active AS SELECT * FROM read_csv(${q('active-tests/*.csv')})`);
  await c.run(ATTRIBUTION);
  const files: Cell[][] = [];
  const events: Cell[][] = [];
  const audits: Cell[][] = [];
  const nrtrde: Cell[][] = [];
  const rap: Cell[][] = [];
  const decoded = async (file: string) => {
    const items: DecodeItem[] = [];
    for await (const item of decodeFile(path.join(dir, file))) items.push(item);
    return items;
  };
  for (const f of manifest.files.filter((x) => x.path.startsWith('nrtrde/'))) {
    const r = normaliseNrtrdeFile(path.basename(f.path), await decoded(f.path));
    for (const e of r?.events ?? [])
      nrtrde.push([e.file, e.sender, r?.file.fileAvailableUtc ?? null, e.startUtc, e.endUtc]);
  }
  for (const f of manifest.files.filter((x) => x.path.startsWith('rap/'))) {
    const items = await decoded(f.path);
    const header = items[0];
    if (header?.type !== 'header') throw new Error(`${f.path}: no header`);
    const info = Object.values(header.groups)[0] as Record<string, unknown>;
    const kinds = items.flatMap((i) => (i.type === 'record' ? Object.keys(i.value) : []));
    const n = (k: string) => kinds.filter((x) => x === k).length;
    rap.push([
      path.basename(f.path),
      String(info.sender),
      String(info.recipient),
      n('missingReturn'),
      n('fatalReturn'),
      n('severeReturn'),
    ]);
  }
  for (const f of manifest.files.filter((x) => x.path.startsWith('tap/'))) {
    const items = await decoded(f.path);
    const r = normaliseTapFile(path.basename(f.path), items);
    if (r === null) throw new Error(`${f.path}: no header`);
    const { file, sender, recipient, fileSequenceNumber, fileAvailableUtc } = r.file;
    files.push([file, sender, recipient, fileSequenceNumber, fileAvailableUtc, r.file.kind]);
    for (const e of r.events)
      events.push([
        e.file,
        e.sender,
        e.recipient,
        e.imsi,
        e.eventType,
        e.startUtc,
        e.endUtc,
        e.durationSeconds,
        e.totalCharge,
        e.tapDecimalPlaces,
      ]);
    if (r.audit !== null) audits.push([r.audit.file, r.audit.totalCharge]);
  }
  const fileCsv = csv(
    '.tap_files.csv',
    ['file', 'sender', 'recipient', 'seq', 'available_utc', 'kind'],
    files,
  );
  const eventCsv = csv(
    '.tap_events.csv',
    [
      'file',
      'sender',
      'recipient',
      'imsi',
      'event_type',
      'start_utc',
      'end_utc',
      'duration',
      'charge',
      'scale',
    ],
    events,
  );
  const auditCsv = csv('.tap_audit.csv', ['file', 'total_charge'], audits);
  await c.run(
    `CREATE TABLE tap_files AS SELECT * FROM read_csv(${fileCsv}, types = {'seq': 'VARCHAR'})`,
  );
  await c.run(
    `CREATE TABLE tap_events AS SELECT * FROM read_csv(${eventCsv}, types = {'imsi': 'VARCHAR'})`,
  );
  await c.run(`CREATE TABLE tap_audit AS SELECT * FROM read_csv(${auditCsv})`);
  const nrtrdeCsv = csv(
    '.nrtrde.csv',
    ['file', 'sender', 'available_utc', 'start_utc', 'end_utc'],
    nrtrde,
  );
  await c.run(`CREATE TABLE nrtrde AS SELECT * FROM read_csv(${nrtrdeCsv})`);
  const rapCsv = csv(
    '.rap.csv',
    ['file', 'sender', 'recipient', 'missing', 'fatal', 'severe'],
    rap,
  );
  await c.run(`CREATE TABLE rap AS SELECT * FROM read_csv(${rapCsv})`);
  return {
    rows: async (sql) => (await c.runAndReadAll(sql)).getRowObjectsJson(),
    close: () => {
      c.closeSync();
      db.closeSync();
    },
  };
}
