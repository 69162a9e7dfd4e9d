/**
 * The fuzz campaign's unit of work: mutation `i` of a run is drawn from its own stream of the
 * run's seed, so any one of them can be replayed alone; a range of them is run and counted into
 * shared counters that the watching thread reads.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { rngFor } from '../../pipelines/generate/prng.ts';
import { mutate } from './mutate.ts';
import { decodeOutcome, type Outcome } from './outcome.ts';

export interface CorpusFile {
  name: string;
  bytes: Uint8Array;
}

/** The files under the given paths (folders read one level deep, sorted: the order is the run's). */
export function loadCorpus(paths: readonly string[]): CorpusFile[] {
  const files = paths.flatMap((p) =>
    statSync(p).isDirectory()
      ? readdirSync(p)
          .sort()
          .map((f) => path.join(p, f))
          .filter((f) => statSync(f).isFile() && !f.endsWith('.md'))
      : [p],
  );
  // Plain Uint8Arrays: Buffer#slice would share the bytes, and a mutation would change the corpus.
  return files.map((f) => ({ name: path.basename(f), bytes: new Uint8Array(readFileSync(f)) }));
}

export interface Mutation {
  index: number;
  file: string;
  steps: string[];
  bytes: Uint8Array;
  /** Fed to the decoder in chunks of this size (0: in one), to cross the streaming layer's refills. */
  chunk: number;
}

export function mutationAt(seed: number, index: number, corpus: readonly CorpusFile[]): Mutation {
  const rng = rngFor(seed, 'fuzz', index);
  const source = rng.pick(corpus);
  const { bytes, steps } = mutate(rng, source.bytes);
  const chunk = rng.chance(0.5) ? 0 : rng.range(1, 256);
  return {
    index,
    file: source.name,
    steps: chunk === 0 ? steps : [...steps, `chunks:${chunk}`],
    bytes,
    chunk,
  };
}

/** Slots of the shared counters. */
export const Slot = {
  /** Mutations finished (the next one to run is `from + done`). */
  done: 0,
  ok: 1,
  other: 2,
  clean: 3,
  crash: 4,
  /** Clean errors whose message names neither the file nor a byte offset. */
  vague: 5,
} as const;
export const slotCount = 6;

/** A known error that says where: the file's name and a byte offset. */
export function saysWhere(file: string, outcome: Extract<Outcome, { type: 'clean' }>): boolean {
  const message = outcome.error.message;
  return message.includes(file) && /\bbyte \d+/.test(message);
}

export interface Finding {
  kind: 'crash' | 'vague';
  index: number;
  file: string;
  steps: string[];
  error: string;
  /** First frames of the stack, to tell crash classes apart. */
  where: string;
}

function describe(error: unknown): { error: string; where: string } {
  if (!(error instanceof Error)) return { error: String(error), where: '' };
  const frames = (error.stack ?? '')
    .split('\n')
    .filter((l) => l.trimStart().startsWith('at '))
    .slice(0, 3)
    .map((l) => l.trim().replace(/^at /, ''));
  return { error: `${error.name}: ${error.message}`, where: frames.join(' < ') };
}

/** Runs mutations [from, to), counting into `counters` and reporting crashes and vague errors. */
export async function runRange(
  seed: number,
  from: number,
  to: number,
  corpus: readonly CorpusFile[],
  counters: Int32Array,
  report: (finding: Finding) => void,
): Promise<void> {
  for (let i = from; i < to; i++) {
    const m = mutationAt(seed, i, corpus);
    const outcome = await decodeOutcome(m.file, m.bytes, m.chunk);
    Atomics.add(counters, Slot[outcome.type], 1);
    if (outcome.type === 'crash')
      report({ kind: 'crash', index: i, file: m.file, steps: m.steps, ...describe(outcome.error) });
    else if (outcome.type === 'clean' && !saysWhere(m.file, outcome)) {
      Atomics.add(counters, Slot.vague, 1);
      report({ kind: 'vague', index: i, file: m.file, steps: m.steps, ...describe(outcome.error) });
    }
    Atomics.add(counters, Slot.done, 1);
  }
}
