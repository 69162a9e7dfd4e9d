/**
 * A partner's KPI exchange file through ingest: recognised by content, loaded into its raw tables,
 * replaced by the partner's next file for the month, and refused (quarantined, nothing kept) when
 * invalid against the schema (with the JSON path), changed since it was written, for another
 * operator, from no partner of ours, unsigned or wrongly signed while the partner has a key on file.
 */
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../tests/helpers/temp.ts';
import type { ExchangeContent, ExchangeEntry } from '../../exchange/document.ts';
import { sealed } from '../../exchange/integrity.ts';
import { readHead } from '../../ingest/detect.ts';
import { listInputFiles } from '../../ingest/files.ts';
import { ingestFiles } from '../../ingest/run.ts';
import { quietProgress } from '../../lib/progress.ts';
import { withWarehouse } from '../../lib/warehouse.ts';
import { sources } from '../index.ts';
import { sourceByHead } from '../recognise.ts';

let dir: string;
let warehouse: string;

const keys = () => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    /** As partner_keys.csv holds it: base64 SPKI DER. */
    publicKey: publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
  };
};
const fratw = keys();

beforeEach(async () => {
  dir = await tempDir('kpi-exchange');
  warehouse = path.join(dir, 'warehouse.duckdb');
});

const content = (over: Partial<ExchangeContent> = {}): ExchangeContent => ({
  format: 'roam-kpi-exchange',
  version: 1,
  sender: { tadig: 'DEUHW', name: 'Helix Wireless' },
  recipient: { tadig: 'GBRHM', name: 'Harbour Mobile' },
  period: '2026-10',
  generated_at: '2026-11-02T08:00:00Z',
  generator: { name: 'roam', version: '0.1.0' },
  entries: [
    {
      kpi: 'gtpv1_pdp_success',
      ir42_parameter: 'PDP Context Activation Success Ratio',
      direction: 'outbound',
      service: 'all',
      rat: 'all',
      unit: 'ratio',
      numerator: '35.000000',
      denominator: '45.000000',
      excluded: '0.000000',
      value: '0.777778',
      p50: null,
      p95: null,
      sample_size: 45,
      source: 'probe',
      target: '0.9210',
    },
    {
      kpi: 'sms_mo_delivery_time_p95',
      ir42_parameter: 'SMS End-to-End Delivery Time',
      direction: 'inbound',
      service: 'sms',
      rat: 'all',
      unit: 'ms',
      numerator: null,
      denominator: null,
      excluded: null,
      value: '5120.5',
      p50: '2100',
      p95: '5120.5',
      sample_size: 12,
      source: 'active-test',
      target: null,
    },
  ],
  ...over,
});

function write(name: string, document: unknown): string {
  const file = path.join(dir, name);
  writeFileSync(file, `${JSON.stringify(document, null, 2)}\n`);
  return file;
}

function reference(withKey: boolean): void {
  const files: Record<string, string> = {
    'home_network.csv':
      'home_tadig,home_name,country,mcc_mnc\nGBRHM,Harbour Mobile,United Kingdom,23499\n',
    'partners.csv':
      'partner_tadig,partner_name,country,mcc_mnc\nDEUHW,Helix Wireless,Germany,26295\nFRATW,Terra Wireless,France,20893\n',
    'partner_keys.csv': `partner_tadig,public_key\n${withKey ? `FRATW,${fratw.publicKey}\n` : ''}`,
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
}

async function ingest(files: string[]) {
  const inputs = await listInputFiles(files);
  return ingestFiles(warehouse, inputs, {
    force: false,
    kind: undefined,
    quarantineDir: path.join(dir, 'quarantine'),
    progress: quietProgress,
    workers: 0,
  });
}

async function query(sql: string): Promise<Record<string, unknown>[]> {
  return withWarehouse(warehouse, 'read', async (c) =>
    (await c.runAndReadAll(sql)).getRowObjectsJson(),
  );
}

const referenceFiles = (withKey = true) => {
  reference(withKey);
  return ['home_network.csv', 'partners.csv', 'partner_keys.csv'].map((n) => path.join(dir, n));
};

const outcomeOf = async (file: string, withKey = true) => {
  // The file first: files checked against the reference data land after the others.
  const outcomes = await ingest([file, ...referenceFiles(withKey)]);
  expect(outcomes.map((o) => o.status).slice(0, -1)).toEqual(['loaded', 'loaded', 'loaded']);
  return outcomes.find((o) => o.file === file);
};

describe('a partner KPI exchange file', () => {
  it('is recognised from its content, whatever its name', async () => {
    const file = write('helix-october.txt', sealed(content()));
    expect(sourceByHead(await readHead(file), sources)?.kind).toBe('kpi-exchange');
    const jsonl = path.join(dir, 'x.jsonl');
    writeFileSync(jsonl, '{"format":"something else"}\n');
    expect(sourceByHead(await readHead(jsonl), sources)).toBeUndefined();
  });

  it('is loaded into its raw tables, and the next file for the month replaces it', async () => {
    const file = write('kpi-DEUHW-GBRHM-2026-10.json', sealed(content()));
    const outcome = await outcomeOf(file);
    expect([outcome?.kind, outcome?.status, outcome?.rows, outcome?.logicalKey]).toEqual([
      'kpi-exchange',
      'loaded',
      3,
      'kpi-exchange:DEUHW>GBRHM:2026-10',
    ]);
    expect(
      await query(
        'SELECT sender_tadig, recipient_tadig, period, generated_at, signed, entry_count FROM raw.kpi_exchange_files',
      ),
    ).toEqual([
      {
        sender_tadig: 'DEUHW',
        recipient_tadig: 'GBRHM',
        period: '2026-10',
        generated_at: '2026-11-02 08:00:00',
        signed: false,
        entry_count: 2,
      },
    ]);
    expect(
      await query(
        'SELECT entry_index, kpi, direction, value, p95, sample_size::INT AS n, target FROM raw.kpi_exchange_entries ORDER BY entry_index',
      ),
    ).toEqual([
      {
        entry_index: 0,
        kpi: 'gtpv1_pdp_success',
        direction: 'outbound',
        value: '0.777778',
        p95: null,
        n: 45,
        target: '0.9210',
      },
      {
        entry_index: 1,
        kpi: 'sms_mo_delivery_time_p95',
        direction: 'inbound',
        value: '5120.5',
        p95: '5120.5',
        n: 12,
        target: null,
      },
    ]);
    const again = sealed(
      content({ generated_at: '2026-11-03T08:00:00Z', entries: content().entries.slice(0, 1) }),
    );
    const [resent] = await ingest([write('kpi-DEUHW-GBRHM-2026-10-v2.json', again)]);
    expect(resent?.replaced.map((r) => [path.basename(r.file), r.rows])).toEqual([
      ['kpi-DEUHW-GBRHM-2026-10.json', 3],
    ]);
    expect(await query('SELECT count(*)::INT AS n FROM raw.kpi_exchange_entries')).toEqual([
      { n: 1 },
    ]);
  });

  it('is quarantined with the JSON path of its first error when invalid against the schema', async () => {
    const broken = structuredClone(sealed(content()));
    (broken.entries[1] as unknown as { value: string }).value = 'fast';
    const file = write('broken.json', broken);
    const outcome = await outcomeOf(file);
    expect(outcome?.status).toBe('quarantined');
    expect(outcome?.reason).toBe(
      `${file}: not a valid roam-kpi-exchange version 1 file: $.entries[1].value must match pattern "^-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?$"`,
    );
    expect(readFileSync(path.join(dir, 'quarantine', 'broken.json.reason'), 'utf8')).toContain(
      '$.entries[1].value',
    );
    expect(await query('SELECT count(*)::INT AS n FROM raw.kpi_exchange_entries')).toEqual([
      { n: 0 },
    ]);
    const twice = content();
    twice.entries.push({ ...(twice.entries[0] as ExchangeEntry), value: '0.5' });
    const [repeated] = await ingest([write('twice.json', sealed(twice))]);
    expect(repeated?.reason).toContain(
      '$.entries[2] measures gtpv1_pdp_success outbound (all, all) a second time',
    );
  });

  it('is refused when its content no longer matches its checksum', async () => {
    const tampered = sealed(content());
    (tampered.entries[0] as { value: string }).value = '0.977778';
    const outcome = await outcomeOf(write('tampered.json', tampered));
    expect(outcome?.status).toBe('quarantined');
    expect(outcome?.reason).toContain('its content does not match its checksum');
    expect(await query('SELECT count(*)::INT AS n FROM raw.kpi_exchange_files')).toEqual([
      { n: 0 },
    ]);
  });

  it('is refused when it is for another operator, or from no partner of ours', async () => {
    const other = sealed(content({ recipient: { tadig: 'ESPMV', name: 'Movil Sol' } }));
    const outcome = await outcomeOf(write('other.json', other));
    expect(outcome?.status).toBe('quarantined');
    expect(outcome?.reason).toContain(
      'refused: the file is for ESPMV, not for our network (GBRHM)',
    );
    const stranger = sealed(content({ sender: { tadig: 'ITAXX', name: 'Stranger' } }));
    const [refused] = await ingest([write('stranger.json', stranger)]);
    expect(refused?.reason).toContain('refused: the sender ITAXX is not one of our partners');
    expect(await query('SELECT count(*)::INT AS n FROM raw.kpi_exchange_files')).toEqual([
      { n: 0 },
    ]);
  });

  it("is verified with the partner's key on file: a wrong signature or none is refused", async () => {
    const from = { sender: { tadig: 'FRATW', name: 'Terra Wireless' } };
    const signed = write('signed.json', sealed(content(from), fratw.privateKey));
    expect((await outcomeOf(signed))?.status).toBe('loaded');
    const wrong = write(
      'wrong.json',
      sealed(content({ ...from, period: '2026-09' }), keys().privateKey),
    );
    const [refused] = await ingest([wrong]);
    expect(refused?.status).toBe('quarantined');
    expect(refused?.reason).toContain(
      'refused: its signature does not verify with the key on file for FRATW',
    );
    const unsigned = write('unsigned.json', sealed(content({ ...from, period: '2026-08' })));
    const [bare] = await ingest([unsigned]);
    expect(bare?.reason).toContain('refused: the file is not signed, and FRATW has a key on file');
    expect(await query('SELECT period, signed FROM raw.kpi_exchange_files')).toEqual([
      { period: '2026-10', signed: true },
    ]);
  });

  it('from a partner without a key on file is accepted signed or not', async () => {
    const from = { sender: { tadig: 'FRATW', name: 'Terra Wireless' } };
    const signed = write('signed.json', sealed(content(from), keys().privateKey));
    expect((await outcomeOf(signed, false))?.status).toBe('loaded');
  });
});
