/**
 * Chunked encoding of very large files: the unit and its records list use indefinite lengths, so
 * records are written as they come and memory holds one chunk.
 */
import { TlvWriter } from '../ber/writer.ts';
import { EncodeError, encodeInto, moduleFor, type EncodeOptions } from './encode.ts';
import { CHOICE, recordsRoute, type TypeDesc } from './schema.ts';
import type { ModuleName, Struct } from './types.ts';

export interface StreamEncodeOptions extends EncodeOptions {
  /** Bytes per yielded chunk (default 1 MiB). */
  chunkSize?: number;
}

/** Writes one unit piece by piece: `begin` (header groups), `record`…, `end` (trailer groups). */
export class UnitEncoder {
  readonly w = new TlvWriter(1024 * 1024);
  private readonly type: TypeDesc;
  private readonly list: TypeDesc;
  private readonly element: TypeDesc;
  private readonly recordsField: string;
  private readonly indefinite: boolean;

  constructor(module: ModuleName, top: string, options?: EncodeOptions) {
    const root = moduleFor(module, options).root;
    const type =
      root.kind === CHOICE && root.tag < 0 ? root.fields.find((f) => f.name === top)?.type : root;
    if (type === undefined)
      throw new EncodeError(`${top} is not a top-level alternative of ${module}`, root.name);
    const route = recordsRoute(type);
    if (route?.type.of === undefined)
      throw new EncodeError(`${type.name} has no records list`, type.name);
    this.type = type;
    this.list = route.type;
    this.element = route.type.of;
    this.recordsField = route.name;
    this.indefinite = options?.indefinite === true;
  }

  private groups(groups: Struct, before: boolean): void {
    const idx = this.type.fields.findIndex((f) => f.name === this.recordsField);
    const allowed = before ? this.type.fields.slice(0, idx) : this.type.fields.slice(idx + 1);
    for (const k of Object.keys(groups)) {
      if (!allowed.some((f) => f.name === k)) {
        throw new EncodeError(
          `${k} is not a ${before ? 'header' : 'trailer'} field of ${this.type.name}`,
          this.type.name,
        );
      }
    }
    for (const f of allowed) {
      const v = groups[f.name];
      if (v !== undefined) encodeInto(this.w, f.type, v, this.indefinite, [this.type.name]);
    }
  }

  begin(header: Struct): void {
    this.w.open(this.type.tag, true);
    this.groups(header, true);
    this.w.open(this.list.tag, true);
  }

  record(value: Struct): void {
    encodeInto(this.w, this.element, value, this.indefinite, [this.type.name, this.list.name]);
  }

  end(trailer: Struct): void {
    this.w.close(-1);
    this.groups(trailer, false);
    this.w.close(-1);
  }
}

/**
 * Streams one file: `top` names the unit (`transferBatch`, `returnBatch`, `nrtrde`), `header` and
 * `trailer` hold the fields before and after the records list, by schema field name.
 */
export async function* encodeFileStream(
  module: ModuleName,
  top: string,
  header: Struct,
  records: AsyncIterable<Struct> | Iterable<Struct>,
  trailer: Struct,
  options?: StreamEncodeOptions,
): AsyncGenerator<Uint8Array> {
  const enc = new UnitEncoder(module, top, options);
  const chunk = options?.chunkSize ?? 1024 * 1024;
  enc.begin(header);
  for await (const r of records) {
    enc.record(r);
    if (enc.w.pos >= chunk) yield enc.w.take();
  }
  enc.end(trailer);
  yield enc.w.take();
}

/** `encodeFileStream` for a TAP transfer batch. */
export function encodeTransferBatchStream(
  module: ModuleName,
  header: Struct,
  records: AsyncIterable<Struct> | Iterable<Struct>,
  trailer: Struct,
  options?: StreamEncodeOptions,
): AsyncGenerator<Uint8Array> {
  return encodeFileStream(module, 'transferBatch', header, records, trailer, options);
}

/** The synchronous twin of `encodeFileStream`, for generators writing millions of records. */
export function* encodeFileChunks(
  module: ModuleName,
  top: string,
  header: Struct,
  records: Iterable<Struct>,
  trailer: Struct,
  options?: StreamEncodeOptions,
): Generator<Uint8Array> {
  const enc = new UnitEncoder(module, top, options);
  const chunk = options?.chunkSize ?? 1024 * 1024;
  enc.begin(header);
  for (const r of records) {
    enc.record(r);
    if (enc.w.pos >= chunk) yield enc.w.take();
  }
  enc.end(trailer);
  yield enc.w.take();
}
