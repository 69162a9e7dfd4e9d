/** Small input files of every kind, built with the project's own encoder and DuckDB. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { encodeFile } from '../../pipelines/asn1/index.ts';
import type { Struct } from '../../pipelines/asn1/types.ts';
import { moc, validBatch } from '../../pipelines/sources/tap/test-fixtures.ts';
import { sqlString } from '../../pipelines/lib/warehouse.ts';

/** What a test TAP file's header says differently from the fixture's, or a wrong audit count. */
interface TapVariant {
  sender?: string;
  recipient?: string;
  /** `T`: test data. */
  fileTypeIndicator?: string;
  /** Added to the audit's event count (a fatal finding when not 0). */
  countOff?: number;
  /** Fields of the extra MOCs' mobileOriginatedCall that differ from the fixture's. */
  extraMoc?: Struct;
}

/**
 * A valid TAP 3.12 batch of the fixture's four records plus `extraMocs` more, its sequence number
 * taken from the name; returns its event count.
 */
export function writeTap(
  dir: string,
  name: string,
  extraMocs = 0,
  variant: TapVariant = {},
): { file: string; events: number } {
  const s = validBatch();
  const records = [
    ...s.records,
    ...Array.from({ length: extraMocs }, () => moc(100, variant.extraMoc)),
  ];
  const audit = {
    ...s.audit,
    totalCharge: (s.audit.totalCharge as bigint) + BigInt(extraMocs * 100),
    callEventDetailsCount: records.length + (variant.countOff ?? 0),
  };
  const file = path.join(dir, name);
  // The sequence number comes from the name (CD…00042), so that two files never share content.
  const sequence = /(\d{5})$/.exec(name)?.[1] ?? '00001';
  const batchControlInfo = {
    ...(s.groups.batchControlInfo as Struct),
    fileSequenceNumber: sequence,
    ...(variant.sender === undefined ? {} : { sender: variant.sender }),
    ...(variant.recipient === undefined ? {} : { recipient: variant.recipient }),
    ...(variant.fileTypeIndicator === undefined
      ? {}
      : { fileTypeIndicator: variant.fileTypeIndicator }),
  };
  const value = {
    transferBatch: {
      ...s.groups,
      batchControlInfo,
      callEventDetails: records,
      auditControlInfo: audit,
    },
  };
  writeFileSync(file, encodeFile('TAP-3.12', value, { indefinite: true }));
  return { file, events: records.length };
}

export const dtl = (local: string) => ({ localTimeStamp: local, utcTimeOffset: '+0000' });

export function writeRapAck(dir: string, name: string, keys: Struct = {}): string {
  const file = path.join(dir, name);
  const ack: Struct = {
    sender: 'GBRHM',
    recipient: 'DEUNW',
    rapFileSequenceNumber: '00001',
    ackFileCreationTimeStamp: dtl('20261101120000'),
    ackFileAvailableTimeStamp: dtl('20261101120500'),
    ...keys,
  };
  writeFileSync(file, encodeFile('RAP-1.05', { acknowledgement: ack }));
  return file;
}

export function writeNrtrde(dir: string, name: string, events: number): string {
  const file = path.join(dir, name);
  const callEvents: Struct[] = Array.from({ length: events }, (_, i) => ({
    moc: {
      imsi: `23499000000${String(i).padStart(4, '0')}`,
      callEventStartTimeStamp: '20261015101500',
      utcTimeOffset: '+0200',
      callEventDuration: 60 + i,
      chargeAmount: 100 * i,
      servingNetwork: 'DEUNW',
    },
  }));
  const content: Struct = {
    specificationVersionNumber: 2,
    releaseVersionNumber: 1,
    sender: 'DEUNW',
    recipient: 'GBRHM',
    sequenceNumber: '0000001',
    fileAvailableTimeStamp: '20261015120000',
    utcTimeOffset: '+0200',
    callEvents,
    callEventsCount: events,
  };
  writeFileSync(file, encodeFile('NRTRDE-2.01', content));
  return file;
}

export const probeRows = [
  [
    '2026-10-01 10:00:00',
    'DEUNW',
    'outbound',
    'MAP',
    'UpdateLocation',
    '234990000000001',
    '',
    '120.5',
  ],
  [
    '2026-10-02 11:00:00',
    'DEUNW',
    'outbound',
    'GTPv2',
    'CreateSession',
    '234990000000002',
    '16',
    '250',
  ],
  ['2026-10-03 12:00:00', 'FRAAZ', 'outbound', 'Diameter', 'ULR', '234990000000003', '5004', '80'],
];
const probeHeader = [
  'event_time',
  'partner_tadig',
  'direction',
  'interface',
  'procedure',
  'imsi',
  'result_code',
  'latency_ms',
];

export function writeProbeCsv(dir: string, name: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, [probeHeader, ...probeRows].map((r) => r.join(',')).join('\n') + '\n');
  return file;
}

/** The same rows as JSON lines, columns in another order and with an optional column. */
export function writeProbeJsonl(dir: string, name: string): string {
  const file = path.join(dir, name);
  const lines = probeRows.map((r) =>
    JSON.stringify({
      imsi: r[5],
      rat_type: 'EUTRAN',
      ...Object.fromEntries(probeHeader.map((h, i) => [h, r[i] === '' ? null : r[i]])),
    }),
  );
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

/** The same rows as Parquet, written by DuckDB. */
export async function writeProbeParquet(dir: string, name: string): Promise<string> {
  const csv = writeProbeCsv(dir, `${name}.source.csv`);
  const file = path.join(dir, name);
  const instance = await DuckDBInstance.create(':memory:');
  try {
    const connection = await instance.connect();
    await connection.run(
      `COPY (SELECT * FROM read_csv(${sqlString(csv)}, header = true)) TO ${sqlString(file)} (FORMAT parquet)`,
    );
    connection.closeSync();
  } finally {
    instance.closeSync();
  }
  const { rmSync } = await import('node:fs');
  rmSync(csv);
  return file;
}

export function writeIpxCsv(dir: string, name: string): string {
  const file = path.join(dir, name);
  writeFileSync(
    file,
    [
      'interval_start,interval_minutes,ipx_provider,partner_tadig,traffic_class,probes_sent,probes_answered,rtd_avg_ms,rtd_p95_ms,jitter_ms,packet_loss_pct',
      '2026-10-01 00:00:00,60,Kestrel IPX,DEUNW,conversational,3600,3598,41.2,55.0,2.1,0.05',
      '2026-10-01 01:00:00,60,Kestrel IPX,DEUNW,conversational,3600,3600,40.8,54.1,1.9,0.00',
    ].join('\n') + '\n',
  );
  return file;
}

export function writeActiveCsv(dir: string, name: string): string {
  const file = path.join(dir, name);
  writeFileSync(
    file,
    [
      'test_time,partner_tadig,direction,service,test_type,success,failure_cause,setup_time_ms,mos,cli_delivered,delivery_time_ms',
      '2026-10-05 09:00:00,FRAAZ,outbound,voice,voice-mo,true,,3200,4.1,true,',
      '2026-10-05 09:05:00,FRAAZ,outbound,sms,sms-mo,false,timeout,,,,',
    ].join('\n') + '\n',
  );
  return file;
}
