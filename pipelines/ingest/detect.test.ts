import { describe, expect, it } from 'vitest';
import { encodeFile } from '../asn1/index.ts';
import { sources } from '../sources/index.ts';
import { sourceByColumns, sourceByHead } from '../sources/recognise.ts';
import { tabularFormatOf } from './detect.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('tabularFormatOf', () => {
  it('tells CSV, JSON lines and Parquet apart from their first bytes', () => {
    expect(tabularFormatOf(bytes('event_time,partner_tadig\n1,2'))).toBe('csv');
    expect(tabularFormatOf(bytes('  {"event_time": "2026-10-01"}\n'))).toBe('jsonl');
    expect(tabularFormatOf(bytes('PAR1\u0015\u0004'))).toBe('parquet');
    expect(tabularFormatOf(bytes('partner,name\nFRAAZ,Azur Télécom\n'))).toBe('csv');
  });

  it('rejects empty and binary junk', () => {
    expect(tabularFormatOf(new Uint8Array())).toBeUndefined();
    expect(tabularFormatOf(bytes('   \n'))).toBeUndefined();
    expect(tabularFormatOf(new Uint8Array([0x00, 0x01, 0x02, 0x00]))).toBeUndefined();
  });
});

describe('the registry recognises files', () => {
  it('by content: BER files of each kind', () => {
    const rap = encodeFile('RAP-1.05', {
      acknowledgement: { sender: 'GBRHM', recipient: 'DEUNW', rapFileSequenceNumber: '00001' },
    });
    expect(sourceByHead(rap, sources)?.kind).toBe('rap');
  });

  it('never takes text for BER', () => {
    // 'a' is 0x61, the first byte of a TAP batch: text is left to the tabular sources.
    expect(sourceByHead(bytes('a,b\n1,2\n'), sources)).toBeUndefined();
    expect(tabularFormatOf(bytes('a,b\n1,2\n'))).toBe('csv');
  });

  it('by columns: the source whose required columns are present, in any order', () => {
    const probe = [
      'imsi',
      'latency_ms',
      'event_time',
      'partner_tadig',
      'direction',
      'interface',
      'procedure',
      'result_code',
    ];
    expect(sourceByColumns(probe, sources)?.kind).toBe('probe-xdr');
    expect(sourceByColumns([...probe, 'rat_type', 'extra'], sources)?.kind).toBe('probe-xdr');
  });

  it('finds nothing when a required column is missing', () => {
    expect(sourceByColumns(['event_time', 'partner_tadig'], sources)).toBeUndefined();
  });
});
