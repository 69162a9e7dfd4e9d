import { createReadStream } from 'node:fs';
import { DecodeError } from '../lib/errors.ts';
import { DecodeState } from './decode-state.ts';
import { asBuffer, Feeder } from './feeder.ts';
import { decodeItems, NEED_INPUT } from './stream.ts';
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
export async function* decodeStream(
  source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  options: DecodeOptions,
): AsyncGenerator<DecodeItem> {
  const st = new DecodeState(options.file, options.keepUnknownHex ?? false);
  const feeder = new Feeder(st);
  const it = iteratorOf(source);
  let finished = false;
  try {
    for (const step of decodeItems(st, feeder)) {
      if (step !== NEED_INPUT) {
        yield step;
        continue;
      }
      const next = await it.next();
      if (next.done === true) {
        st.eof = true;
        finished = true;
      } else {
        if (!(next.value instanceof Uint8Array))
          throw new TypeError('decodeStream: chunks must be Uint8Array');
        feeder.append(next.value);
      }
    }
  } finally {
    if (!finished) await it.return?.();
  }
}

/** Decodes a file read with fs streams in chunks (default 1 MiB). */
export async function* decodeFile(
  path: string,
  options: { keepUnknownHex?: boolean; chunkSize?: number } = {},
): AsyncGenerator<DecodeItem> {
  const stream = createReadStream(path, { highWaterMark: options.chunkSize ?? 1024 * 1024 });
  try {
    yield* decodeStream(stream as AsyncIterable<Uint8Array>, {
      file: path,
      ...(options.keepUnknownHex === undefined ? {} : { keepUnknownHex: options.keepUnknownHex }),
    });
  } finally {
    stream.destroy();
  }
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
