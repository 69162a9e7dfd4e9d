/**
 * TAP normalise / validate benchmark (not a test):
 * `npx tsx bench/tap-normalise.ts [--events 20000 | --file F] [--runs 5] [--mode decode,normalise,validate,both,columns]`.
 * Generates a varied TAP 3.12 file (every call event kind, pipelines/sources/tap/test-varied.ts), or takes
 * `--file`, reads it into memory, then times, best of `runs`: decoding alone, decoding +
 * `createTapNormaliser().record`, decoding + `createValidator().record` / `finish`, all three as
 * ingest runs them (`readTapFile`: each record read once for both), and the whole decode worker's
 * path from the file (`columns`: the same plus the column batches). Prints
 * events/s, µs per event and the time ratio to decoding alone.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { decodeStream, encodeFileChunks } from '../pipelines/asn1/index.ts';
import { tapBatches } from '../pipelines/sources/tap/batches.ts';
import { createTapNormaliser } from '../pipelines/sources/tap/normalise.ts';
import { readTapFile, type TapReader } from '../pipelines/sources/tap/read.ts';
import { dtl, tapHeader } from '../pipelines/sources/tap/test-fixtures.ts';
import { variedRecord } from '../pipelines/sources/tap/test-varied.ts';
import { createValidator } from '../pipelines/sources/tap/validate.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const work = path.join(here, '.work');

function ensureFile(events: number): string {
  const file = path.join(work, `tap-varied-3.12-${events}.tap`);
  if (existsSync(file)) return file;
  mkdirSync(work, { recursive: true });
  /** batchControlInfo, accountingInfo and networkInfo of the test fixture. */
  const header = tapHeader().groups;
  function* records(): Generator<ReturnType<typeof variedRecord>> {
    for (let i = 0; i < events; i++) yield variedRecord(i);
  }
  const trailer = {
    auditControlInfo: {
      earliestCallTimeStamp: dtl('20240301000000'),
      latestCallTimeStamp: dtl('20240328235959'),
      totalCharge: 0,
      totalTaxValue: 0,
      totalDiscountValue: 0,
      callEventDetailsCount: events,
    },
  };
  const parts: Uint8Array[] = [];
  for (const chunk of encodeFileChunks('TAP-3.12', 'transferBatch', header, records(), trailer))
    parts.push(chunk);
  writeFileSync(`${file}.tmp`, Buffer.concat(parts));
  renameSync(`${file}.tmp`, file);
  return file;
}

type Mode = 'decode' | 'normalise' | 'validate' | 'both' | 'columns';

/** One pass over the file; returns the number of call events. */
async function pass(chunks: readonly Uint8Array[], mode: Mode): Promise<number> {
  let n = 0;
  let normaliser: ReturnType<typeof createTapNormaliser> | undefined;
  let validator: ReturnType<typeof createValidator> | undefined;
  let reader: TapReader | undefined;
  for await (const item of decodeStream(chunks, { file: 'bench.tap' })) {
    if (item.type === 'header') {
      if (mode === 'normalise') normaliser = createTapNormaliser('bench.tap', item);
      if (mode === 'validate') validator = createValidator('bench.tap', item);
      if (mode === 'both') reader = readTapFile('bench.tap', item);
    } else if (item.type === 'record') {
      n++;
      normaliser?.record(item);
      validator?.record(item);
      reader?.record(item);
    } else if (item.type === 'trailer') {
      normaliser?.audit(item);
      validator?.finish(item);
      reader?.audit(item);
      reader?.finish(item);
    }
  }
  return n;
}

/** The decode worker's whole path for one file: batches of columns; returns the call events. */
async function columns(file: string): Promise<number> {
  const batches = tapBatches(file, 2048);
  let events = 0;
  for (let step = await batches.next(); step.done !== true; step = await batches.next())
    events += step.value['raw.tap_events']?.rows ?? 0;
  return events;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      events: { type: 'string', default: '20000' },
      runs: { type: 'string', default: '5' },
      mode: { type: 'string', default: 'decode,normalise,validate,both,columns' },
      file: { type: 'string' },
    },
  });
  const file = values.file ?? ensureFile(Number(values.events));
  const data = readFileSync(file);
  const chunks: Uint8Array[] = [];
  for (let i = 0; i < data.length; i += 1 << 20) chunks.push(data.subarray(i, i + (1 << 20)));
  const modes = values.mode.split(',') as Mode[];
  console.log(`## ${path.basename(file)}, ${(data.length / 1e6).toFixed(1)} MB`);
  let decodeSeconds: number | undefined;
  for (const mode of modes) {
    let seconds = Infinity;
    let events = 0;
    for (let run = 0; run < Number(values.runs); run++) {
      const t = process.hrtime.bigint();
      events = mode === 'columns' ? await columns(file) : await pass(chunks, mode);
      seconds = Math.min(seconds, Number(process.hrtime.bigint() - t) / 1e9);
    }
    if (mode === 'decode') decodeSeconds = seconds;
    const ratio = decodeSeconds === undefined ? '' : `${(seconds / decodeSeconds).toFixed(2)}x`;
    console.log(
      [
        mode === 'decode' ? 'decode' : mode === 'columns' ? 'worker path' : `decode + ${mode}`,
        `${seconds.toFixed(3)} s`,
        `${Math.round(events / seconds).toLocaleString('en-US')} ev/s`,
        `${((seconds * 1e6) / events).toFixed(2)} µs/ev`,
        ratio,
      ]
        .map((s, i) => (i === 0 ? s.padEnd(24) : s.padStart(16)))
        .join(''),
    );
  }
}

await main();
