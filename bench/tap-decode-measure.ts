/** The measured runs of bench/tap-decode.ts, each executed in a fresh child process. */
import {
  closeSync,
  existsSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  writeSync,
} from 'node:fs';
import { decodeFile, decodeStream, encodeFileChunks } from '../pipelines/asn1/index.ts';
import {
  accountingInfo,
  auditControlInfo,
  batchControlInfo,
  mixedRecord,
  networkInfo,
} from '../pipelines/asn1/fixtures/samples.ts';
import { walkTlvs } from '../pipelines/ber/walk.ts';

export interface Measurement {
  name: string;
  seconds: number;
  events: number;
  bytes: number;
  peakRssMb: number;
}

/** Writes (once) a TAP 3.12 file of `events` records, streaming: outer containers indefinite. */
export function ensureTapFile(file: string, events: number): { path: string; bytes: number } {
  if (!existsSync(file)) {
    function* records(): Generator<ReturnType<typeof mixedRecord>> {
      for (let i = 0; i < events; i++) yield mixedRecord(i);
    }
    const fd = openSync(`${file}.tmp`, 'w');
    try {
      const header = {
        batchControlInfo: batchControlInfo(12),
        accountingInfo: accountingInfo(),
        networkInfo: networkInfo(),
      };
      const trailer = { auditControlInfo: auditControlInfo(events, 0) };
      for (const chunk of encodeFileChunks('TAP-3.12', 'transferBatch', header, records(), trailer))
        writeSync(fd, chunk);
    } finally {
      closeSync(fd);
    }
    renameSync(`${file}.tmp`, file);
  }
  return { path: file, bytes: statSync(file).size };
}

const peakRssMb = (): number => process.resourceUsage().maxRSS / 1024;

async function best(
  runs: number,
  fn: () => Promise<number> | number,
): Promise<{ seconds: number; events: number }> {
  let seconds = Infinity;
  let events = 0;
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    events = await fn();
    seconds = Math.min(seconds, Number(process.hrtime.bigint() - t) / 1e9);
  }
  return { seconds, events };
}

export async function measure(mode: string, file: string): Promise<Measurement> {
  const bytes = statSync(file).size;
  if (mode === 'walk') {
    const data = readFileSync(file);
    const r = await best(5, () => walkTlvs(data).tlvs);
    return {
      name: 'raw TLV walk (JS floor)',
      seconds: r.seconds,
      events: eventsInName(file),
      bytes,
      peakRssMb: peakRssMb(),
    };
  }
  if (mode === 'decode-memory') {
    const data = readFileSync(file);
    const chunks: Uint8Array[] = [];
    for (let i = 0; i < data.length; i += 1 << 20) chunks.push(data.subarray(i, i + (1 << 20)));
    const r = await best(5, async () => {
      let n = 0;
      for await (const item of decodeStream(chunks, { file })) if (item.type === 'record') n++;
      return n;
    });
    return { name: 'roam decodeStream (in memory)', ...r, bytes, peakRssMb: peakRssMb() };
  }
  const r = await best(bytes > 100e6 ? 1 : 3, async () => {
    let n = 0;
    for await (const item of decodeFile(file)) if (item.type === 'record') n++;
    return n;
  });
  return { name: 'roam decodeFile (fs stream, 1 MiB)', ...r, bytes, peakRssMb: peakRssMb() };
}

/** The walk does not know records: it reports the count the file was generated with. */
function eventsInName(file: string): number {
  const m = /-(\d+)\.tap$/.exec(file);
  return m === null ? 0 : Number(m[1]);
}
