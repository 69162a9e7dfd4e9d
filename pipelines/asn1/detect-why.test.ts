import { describe, expect, it } from 'vitest';
import { validBatch } from '../sources/tap/test-fixtures.ts';
import { whyNotDetected } from './detect-why.ts';
import { decodeBytes, detectKind, encodeFile } from './index.ts';
import type { Struct } from './types.ts';

function tap(batchControlInfo: Struct = {}, indefinite = false): Uint8Array {
  const s = validBatch();
  const groups = {
    ...s.groups,
    batchControlInfo: { ...(s.groups.batchControlInfo as Struct), ...batchControlInfo },
  };
  return encodeFile(
    'TAP-3.12',
    { transferBatch: { ...groups, callEventDetails: s.records, auditControlInfo: s.audit } },
    { indefinite },
  );
}

const supported = '(roam reads TAP 3.10–3.12, RAP 1.05, NRTRDE 2.01)';

function decodeMessage(bytes: Uint8Array): string {
  try {
    decodeBytes(bytes, { file: 'f' });
  } catch (error) {
    return (error as Error).message;
  }
  return 'decoded';
}

describe('why a file is none roam decodes', () => {
  it('names a TAP release roam does not read, and the ones it does', () => {
    for (const [spec, release, found] of [
      [3, 9, '3.09'],
      [3, 13, '3.13'],
      [2, 10, '2.10'],
    ] as const) {
      const bytes = tap({ specificationVersionNumber: spec, releaseVersionNumber: release });
      expect(detectKind(bytes)).toBeUndefined();
      const why = whyNotDetected(bytes, bytes.length);
      expect(why).toEqual({
        message: `a TAP ${found} file: release not supported ${supported}`,
        offset: 0,
        tagPath: '',
      });
      // Cut or not, over the head of a larger file too: the release is what is said.
      expect(whyNotDetected(bytes.subarray(0, 200), bytes.length)?.message).toBe(why?.message);
      expect(decodeMessage(bytes)).toBe(
        `f: a TAP ${found} file: release not supported ${supported} at byte 0`,
      );
    }
  });

  it('says where a file cut short ends, and inside what', () => {
    for (const indefinite of [false, true]) {
      const bytes = tap({}, indefinite).subarray(0, 50);
      expect(detectKind(bytes)).toBeUndefined();
      const why = whyNotDetected(bytes, 50);
      expect(why?.message).toMatch(/^a TAP file cut short: it ends inside \w+$/);
      expect(why?.offset).toBe(50);
      expect(why?.tagPath).toMatch(/^TransferBatch\/BatchControlInfo(\/\w+)+$/);
      expect(decodeMessage(bytes)).toMatch(
        /^f: a TAP file cut short: it ends inside \w+ at byte 50 \(TransferBatch\/BatchControlInfo(\/\w+)+\)$/,
      );
    }
    // The head of a larger file is no cut: nothing to say about it yet.
    const bytes = tap().subarray(0, 50);
    expect(whyNotDetected(bytes, 5000)).toBeUndefined();
    expect(whyNotDetected(tap({}, true).subarray(0, 2), 2)?.message).toBe(
      'a TAP or NRTRDE file cut short: it ends after its first header',
    );
    expect(whyNotDetected(bytes.subarray(0, 1), 1)?.message).toBe(
      'a file cut short: it ends inside its first header',
    );
  });

  it('says nothing of bytes that are no TAP, RAP or NRTRDE at all', () => {
    const junk = Uint8Array.from([0x13, 0x37, 0x00, 0x42]);
    expect(whyNotDetected(junk, junk.length)).toBeUndefined();
    expect(decodeMessage(junk)).toBe('f: not a TAP, RAP or NRTRDE file at byte 0');
  });
});
