import { describe, expect, it } from 'vitest';
import { detectKind } from './detect.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('detectKind', () => {
  it('recognises a probe CSV by its header, in any column order', () => {
    expect(
      detectKind(
        bytes(
          'event_time,partner_tadig,direction,interface,procedure,imsi,result_code,latency_ms\n1',
        ),
      ),
    ).toBe('probe-xdr-csv');
    expect(
      detectKind(
        bytes(
          '"imsi","latency_ms","event_time","partner_tadig","direction","interface","procedure","result_code"\r\n',
        ),
      ),
    ).toBe('probe-xdr-csv');
  });

  it('rejects anything else', () => {
    expect(detectKind(bytes('event_time,partner_tadig\n'))).toBeUndefined();
    expect(detectKind(new Uint8Array([0x61, 0x80, 0x64]))).toBeUndefined();
    expect(detectKind(new Uint8Array())).toBeUndefined();
  });
});
