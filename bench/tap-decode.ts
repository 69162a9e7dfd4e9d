/**
 * TAP decode benchmark (not a test): `npx tsx bench/tap-decode.ts [--events N] [--no-peer] [--no-large]`.
 * Generates a TAP 3.12 file of N realistic MOC/MTC/GPRS records with the encoder, then measures,
 * each in its own process: our decoder (from memory and from disk), a raw TLV walk over the same
 * bytes (the JavaScript floor) and Python's asn1tools decoding an ASN.1 module emitted from the
 * same schema. Prints events/s, MB/s, peak RSS and ratios; then decodes a 10x larger file to show
 * memory stays flat.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ensureTapFile, measure, type Measurement } from './tap-decode-measure.ts';
import { asn1Module } from './peers/asn1-module.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const work = path.join(here, '.work');
const HEAP_LIMIT_MB = 48;

function runChild(mode: string, file: string, nodeArgs: string[] = []): Measurement {
  const r = spawnSync(
    process.execPath,
    [...nodeArgs, ...process.execArgv, fileURLToPath(import.meta.url), '--child', mode, file],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    },
  );
  if (r.status !== 0) throw new Error(`${mode} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as Measurement;
}

function runPeer(file: string): Measurement | string {
  const venv = path.join(work, 'venv');
  const python = path.join(venv, 'bin', 'python');
  if (!existsSync(python)) {
    const made = spawnSync('python3', ['-m', 'venv', venv], { stdio: 'inherit' });
    if (made.status !== 0) return 'python3 -m venv failed';
  }
  const pip = spawnSync(python, ['-m', 'pip', 'install', '-q', 'asn1tools'], { stdio: 'inherit' });
  if (pip.status !== 0) return 'pip install asn1tools failed';
  const spec = path.join(work, 'tap-3.12.asn');
  writeFileSync(spec, asn1Module('TAP-3.12'));
  const r = spawnSync(python, [path.join(here, 'peers', 'asn1tools_decode.py'), spec, file], {
    encoding: 'utf8',
  });
  if (r.status !== 0) return `asn1tools failed: ${r.stderr.slice(-500)}`;
  const o = JSON.parse(r.stdout.trim()) as {
    seconds: number;
    events: number;
    bytes: number;
    maxrss_kb: number;
  };
  return {
    name: 'asn1tools (Python, BER)',
    seconds: o.seconds,
    events: o.events,
    bytes: o.bytes,
    peakRssMb: o.maxrss_kb / 1024,
  };
}

function row(m: Measurement, floor: Measurement | undefined): string {
  const eps = m.events / m.seconds;
  const mbs = m.bytes / 1e6 / m.seconds;
  const ratio = floor === undefined ? '' : `${(m.seconds / floor.seconds).toFixed(2)}x`;
  return [
    m.name.padEnd(36),
    `${m.seconds.toFixed(3)} s`.padStart(10),
    `${Math.round(eps).toLocaleString('en-US')} ev/s`.padStart(18),
    `${mbs.toFixed(1)} MB/s`.padStart(12),
    `${m.peakRssMb.toFixed(0)} MB`.padStart(9),
    ratio.padStart(9),
  ].join('  ');
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    options: {
      events: { type: 'string', default: '100000' },
      child: { type: 'string' },
      'no-peer': { type: 'boolean', default: false },
      'no-large': { type: 'boolean', default: false },
    },
    allowPositionals: true,
  });
  if (values.child !== undefined) {
    process.stdout.write(`${JSON.stringify(await measure(values.child, positionals[0]!))}\n`);
    return;
  }
  const events = Number(values.events);
  mkdirSync(work, { recursive: true });
  const file = ensureTapFile(path.join(work, `tap-3.12-${events}.tap`), events);
  console.error(`file: ${file.path} (${(file.bytes / 1e6).toFixed(1)} MB, ${events} events)`);
  const walk = runChild('walk', file.path);
  const results: Measurement[] = [
    runChild('decode-memory', file.path),
    runChild('decode-file', file.path),
    walk,
  ];
  const peer = values['no-peer'] ? 'skipped (--no-peer)' : runPeer(file.path);
  if (typeof peer === 'string') console.error(`peer: ${peer}`);
  else results.push(peer);
  console.log(
    `## TAP 3.12, ${events.toLocaleString('en-US')} events, ${(file.bytes / 1e6).toFixed(1)} MB`,
  );
  console.log(
    `${'decoder'.padEnd(36)}  ${'time'.padStart(10)}  ${'events/s'.padStart(18)}  ${'MB/s'.padStart(12)}  ${'peak RSS'.padStart(9)}  ${'vs walk'.padStart(9)}`,
  );
  for (const m of results) console.log(row(m, walk));
  if (typeof peer !== 'string') {
    const ours = results[0]!;
    console.log(`asn1tools / ours: ${(peer.seconds / ours.seconds).toFixed(1)}x slower`);
  }
  if (!values['no-large']) {
    const big = ensureTapFile(path.join(work, `tap-3.12-${events * 10}.tap`), events * 10);
    // A small V8 heap limit proves the decoder does not accumulate: it would die otherwise.
    const large = runChild('decode-file', big.path, [`--max-old-space-size=${HEAP_LIMIT_MB}`]);
    const small = results[1]!;
    console.log(
      `## memory: ${(big.bytes / 1e6).toFixed(0)} MB file (${(events * 10).toLocaleString('en-US')} events)`,
    );
    console.log(row(large, undefined));
    console.log(
      `peak RSS ${small.peakRssMb.toFixed(0)} MB → ${large.peakRssMb.toFixed(0)} MB for a 10x larger file ` +
        `(decoded with --max-old-space-size=${HEAP_LIMIT_MB})`,
    );
  }
}

await main();
