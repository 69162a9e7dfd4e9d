import { describe, expect, it } from 'vitest';
import { encodeFile } from '../asn1/index.ts';
import { berKindOf, formatOf } from './detect.ts';
import { sourceForColumns } from './sources.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('formatOf', () => {
  it('tells CSV, JSON lines and Parquet apart from their first bytes', () => {
    expect(formatOf(bytes('event_time,partner_tadig\n1,2'))).toBe('csv');
    expect(formatOf(bytes('  {"event_time": "2026-10-01"}\n'))).toBe('jsonl');
    expect(formatOf(bytes('PAR1\u0015\u0004'))).toBe('parquet');
    // 'a' is 0x61, the first byte of a TAP batch: text still wins.
    expect(formatOf(bytes('a,b\n1,2\n'))).toBe('csv');
    expect(formatOf(bytes('partner,name\nFRAAZ,Azur Télécom\n'))).toBe('csv');
  });

  it('recognises BER files of each kind by content', () => {
    const rap = encodeFile('RAP-1.05', {
      acknowledgement: { sender: 'GBRHM', recipient: 'DEUNW', rapFileSequenceNumber: '00001' },
    });
    expect(formatOf(rap)).toBe('ber');
    expect(berKindOf(rap)).toBe('rap');
  });

  it('rejects empty and binary junk', () => {
    expect(formatOf(new Uint8Array())).toBeUndefined();
    expect(formatOf(bytes('   \n'))).toBeUndefined();
    expect(formatOf(new Uint8Array([0x00, 0x01, 0x02, 0x00]))).toBeUndefined();
  });
});

describe('sourceForColumns', () => {
  it('finds the source whose required columns are present, in any order', () => {
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
    expect(sourceForColumns(probe)?.kind).toBe('probe-xdr');
    expect(sourceForColumns([...probe, 'rat_type', 'extra'])?.kind).toBe('probe-xdr');
  });

  it('finds nothing when a required column is missing', () => {
    expect(sourceForColumns(['event_time', 'partner_tadig'])).toBeUndefined();
  });
});
