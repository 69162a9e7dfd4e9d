import { createReadStream } from 'node:fs';
import { DecodeError } from '../lib/errors.ts';
import { DecodeState } from './decode-state.ts';
import { asBuffer, Feeder } from './feeder.ts';
import { decodeItems, NEED_INPUT, type Step } from './stream.ts';
import { decodeTlv } from './decode.ts';
import { compiledModule } from './schema.ts';
import type { DecodeItem, ModuleName, Struct, Value } from './types.ts';

export interface DecodeOptions {
  /** The file name shown in errors. */
  file: string;
  /** Keep the hex of the first occurrence of each unknown TLV. */
  keepUnknownHex?: boolean;
}

type Header = Extract<DecodeItem, { type: 'header' }>;
type Trailer = Extract<DecodeItem, { type: 'trailer' }>;
type End = Extract<DecodeItem, { type: 'end' }>;

function iteratorOf(
  source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
): AsyncIterator<Uint8Array> | Iterator<Uint8Array> {
  return Symbol.asyncIterator in source
    ? source[Symbol.asyncIterator]()
    : source[Symbol.iterator]();
}

/**
 * Decodes a TAP, RAP or NRTRDE file from a stream of chunks: the header before the first record,
 * each record as soon as it is complete, then the trailer and the end summary. Buffers at most one
 * record (or header group) plus one chunk; chunks must not be reused by the source afterwards.
 * Malformed or truncated input throws DecodeError.
 */
export function decodeStream(
  source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  options: DecodeOptions,
): AsyncGenerator<DecodeItem, void, undefined> {
  return new ItemStream(() => ({ source }), options);
}

type Result = IteratorResult<DecodeItem, void>;
const DONE: Result = { done: true, value: undefined };

/**
 * The async generator of decodeStream and decodeFile written out by hand: an item decoded from buffered input is
 * handed back in an already resolved promise, without the two extra promise turns per `yield` of
 * an `async function*`. Behaves like that generator: calls are served in order, an error ends the
 * stream (after closing the source), `return` and `throw` close the source when it is not done.
 */
class ItemStream implements AsyncGenerator<DecodeItem, void, undefined> {
  private it: AsyncIterator<Uint8Array> | Iterator<Uint8Array> | undefined;
  private steps: Generator<Step, void, undefined> | undefined;
  private st: DecodeState | undefined;
  private feeder: Feeder | undefined;
  /** The source said it is done: it needs no `return`. */
  private finished = false;
  private closed = false;
  /** The call in progress, when it had to wait: later calls queue behind it. */
  private busy: Promise<unknown> | undefined;

  private cleanup: (() => void) | undefined;

  /** `open` runs on the first call: the source, and what to run once the stream ends. */
  constructor(
    private readonly open: () => {
      source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>;
      cleanup?: () => void;
    },
    private readonly options: DecodeOptions,
  ) {}

  [Symbol.asyncIterator](): this {
    return this;
  }

  next(): Promise<Result> {
    if (this.busy !== undefined) return this.queue(() => this.next());
    if (this.closed) return Promise.resolve(DONE);
    let steps = this.steps;
    if (steps === undefined) {
      const st = new DecodeState(this.options.file, this.options.keepUnknownHex ?? false);
      this.st = st;
      this.feeder = new Feeder(st);
      const { source, cleanup } = this.open();
      this.cleanup = cleanup;
      this.it = iteratorOf(source);
      steps = this.steps = decodeItems(st, this.feeder);
    }
    let r: IteratorResult<Step, void>;
    try {
      r = steps.next();
    } catch (e) {
      return this.fail(e);
    }
    if (r.done === true) {
      this.end();
      return Promise.resolve(DONE);
    }
    if (r.value !== NEED_INPUT) return Promise.resolve({ done: false, value: r.value });
    return this.track(this.feed());
  }

  /** Reads chunks until the decoder yields an item (or the end). */
  private async feed(): Promise<Result> {
    const it = this.it!;
    const st = this.st!;
    const steps = this.steps!;
    try {
      for (;;) {
        const next = await it.next();
        if (next.done === true) {
          st.eof = true;
          this.finished = true;
        } else {
          if (!(next.value instanceof Uint8Array))
            throw new TypeError('decodeStream: chunks must be Uint8Array');
          this.feeder!.append(next.value);
        }
        const r = steps.next();
        if (r.done === true) {
          this.end();
          return DONE;
        }
        if (r.value !== NEED_INPUT) return { done: false, value: r.value };
      }
    } catch (e) {
      return this.fail(e);
    }
  }

  /** Ends the stream after an error: the source is closed, then the call rejects. */
  private async fail(e: unknown): Promise<never> {
    await this.close();
    throw e;
  }

  /** The decode finished: the source is done. */
  private end(): void {
    this.closed = true;
    this.cleanup?.();
  }

  private async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.steps?.return();
    try {
      if (this.it !== undefined && !this.finished) await this.it.return?.();
    } finally {
      this.cleanup?.();
    }
  }

  return(): Promise<Result> {
    if (this.busy !== undefined) return this.queue(() => this.return());
    return this.track(this.close().then(() => DONE));
  }

  throw(e: unknown): Promise<Result> {
    if (this.busy !== undefined) return this.queue(() => this.throw(e));
    if (this.steps === undefined) this.closed = true;
    return this.track(this.fail(e));
  }

  private track(p: Promise<Result>): Promise<Result> {
    const busy = p.then(
      () => undefined,
      () => undefined,
    );
    this.busy = busy;
    void busy.then(() => {
      if (this.busy === busy) this.busy = undefined;
    });
    return p;
  }

  private queue(call: () => Promise<Result>): Promise<Result> {
    return this.busy!.then(() => (this.busy === undefined ? call() : this.queue(call)));
  }
}

/** Decodes a file read with fs streams in chunks (default 1 MiB). */
export function decodeFile(
  path: string,
  options: { keepUnknownHex?: boolean; chunkSize?: number } = {},
): AsyncGenerator<DecodeItem, void, undefined> {
  const decodeOptions: DecodeOptions = {
    file: path,
    ...(options.keepUnknownHex === undefined ? {} : { keepUnknownHex: options.keepUnknownHex }),
  };
  return new ItemStream(() => {
    const stream = createReadStream(path, { highWaterMark: options.chunkSize ?? 1024 * 1024 });
    return { source: stream as AsyncIterable<Uint8Array>, cleanup: () => stream.destroy() };
  }, decodeOptions);
}

export interface DecodedFile {
  header: Header;
  records: Struct[];
  trailer: Trailer;
  end: End;
}

/**
 * Synchronous whole-buffer decode, for tests and small files. With several units in one file, the
 * header and trailer are the first unit's and the records are all units' records.
 */
export function decodeBytes(bytes: Uint8Array, options: DecodeOptions): DecodedFile {
  const st = new DecodeState(options.file, options.keepUnknownHex ?? false);
  const feeder = new Feeder(st);
  feeder.append(bytes);
  st.eof = true;
  let header: Header | undefined;
  let trailer: Trailer | undefined;
  let end: End | undefined;
  const records: Struct[] = [];
  for (const step of decodeItems(st, feeder)) {
    if (step === NEED_INPUT) continue;
    if (step.type === 'record') records.push(step.value);
    else if (step.type === 'header') header ??= step;
    else if (step.type === 'trailer') trailer ??= step;
    else end = step;
  }
  if (header === undefined || trailer === undefined || end === undefined) {
    throw new DecodeError('incomplete decode', options.file, bytes.length, '');
  }
  return { header, records, trailer, end };
}

/**
 * Decodes one whole TLV of a schema type (the inverse of encodeValue). RAP types decode against
 * `tapModule` (default: the newest TAP module).
 */
export function decodeValue(
  module: ModuleName,
  typeName: string,
  bytes: Uint8Array,
  options: { file?: string; keepUnknownHex?: boolean; tapModule?: ModuleName } = {},
): Value | undefined {
  const st = new DecodeState(options.file ?? '<bytes>', options.keepUnknownHex ?? false);
  st.buf = asBuffer(bytes);
  st.avail = bytes.length;
  st.eof = true;
  const v = decodeTlv(
    st,
    compiledModule(module, options.tapModule).type(typeName),
    0,
    bytes.length,
  );
  if (st.pos !== bytes.length) throw st.error(st.pos, 'trailing bytes after the value');
  st.commit();
  return v;
}
