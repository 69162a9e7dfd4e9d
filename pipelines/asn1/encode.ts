/** The schema-driven BER encoder: values shaped as the decoder returns them, to bytes. */
import { bcdBytes } from '../ber/strings.ts';
import { TlvWriter } from '../ber/writer.ts';
import { RoamError } from '../lib/errors.ts';
import {
  ASCII,
  BCD,
  BYTES,
  CHOICE,
  INT,
  SEQ,
  SEQ_OF,
  TEXT,
  compiledModule,
  type CompiledModule,
  type TypeDesc,
} from './schema.ts';
import { tapModuleFor } from './schema-json.ts';
import type { ModuleName, Struct, Value } from './types.ts';

/** A value does not fit its schema type. */
export class EncodeError extends RoamError {
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(`${message} (${path})`);
  }
}

export interface EncodeOptions {
  /** Indefinite lengths for every constructed TLV (default: definite). */
  indefinite?: boolean;
  /** RAP: the TAP module its imported types come from (default: from the value, else the newest). */
  tapModule?: ModuleName;
}

function isStruct(v: Value | undefined): v is Struct {
  return typeof v === 'object' && !Array.isArray(v) && !(v instanceof Uint8Array);
}

function fail(path: string[], message: string): never {
  throw new EncodeError(message, path.join('/'));
}

/** The single alternative of a CHOICE value. */
function alternative(t: TypeDesc, v: Value, path: string[]): [TypeDesc, Value] {
  if (!isStruct(v)) fail(path, `${t.name} expects a one-key object`);
  const keys = Object.keys(v);
  const key = keys[0];
  if (keys.length !== 1 || key === undefined)
    fail(path, `${t.name} expects exactly one alternative, got ${keys.length}`);
  const alt = t.fields.find((f) => f.name === key);
  if (alt === undefined) fail(path, `${key} is not an alternative of ${t.name}`);
  return [alt.type, v[key]!];
}

export function encodeInto(
  w: TlvWriter,
  t: TypeDesc,
  v: Value,
  indefinite: boolean,
  path: string[],
): void {
  switch (t.kind) {
    case INT:
      if (typeof v === 'bigint' || (typeof v === 'number' && Number.isInteger(v)))
        w.integer(t.tag, v);
      else fail(path, `${t.name} expects an integer`);
      return;
    case ASCII:
    case TEXT:
      if (typeof v !== 'string') fail(path, `${t.name} expects a string`);
      try {
        w.latin1(t.tag, v);
      } catch (e) {
        fail(path, `${t.name}: ${(e as Error).message}`);
      }
      return;
    case BCD:
      if (typeof v !== 'string') fail(path, `${t.name} expects a digit string`);
      try {
        w.primitive(t.tag, bcdBytes(v));
      } catch (e) {
        fail(path, `${t.name}: ${(e as Error).message}`);
      }
      return;
    case BYTES:
      if (!(v instanceof Uint8Array)) fail(path, `${t.name} expects a Uint8Array`);
      w.primitive(t.tag, v);
      return;
    case CHOICE: {
      const [alt, av] = alternative(t, v, path);
      if (t.tag < 0) {
        encodeInto(w, alt, av, indefinite, path);
        return;
      }
      path.push(t.name);
      const mark = w.open(t.tag, indefinite);
      encodeInto(w, alt, av, indefinite, path);
      w.close(mark);
      path.pop();
      return;
    }
    case SEQ: {
      if (!isStruct(v)) fail(path, `${t.name} expects an object`);
      for (const k in v) if (!t.fieldNames.has(k)) fail(path, `${k} is not a field of ${t.name}`);
      path.push(t.name);
      const mark = w.open(t.tag, indefinite);
      for (const f of t.fields) {
        const fv = v[f.name];
        if (fv !== undefined) encodeInto(w, f.type, fv, indefinite, path);
      }
      w.close(mark);
      path.pop();
      return;
    }
    case SEQ_OF: {
      if (!Array.isArray(v)) fail(path, `${t.name} expects an array`);
      const of = t.of;
      if (of === undefined) fail(path, `${t.name} has no element type`);
      path.push(t.name);
      const mark = w.open(t.tag, indefinite);
      for (const e of v) encodeInto(w, of, e, indefinite, path);
      w.close(mark);
      path.pop();
      return;
    }
    default:
      fail(path, `${t.name}: unknown kind`);
  }
}

/** The RAP TAP module named by a return batch's control info, if any. */
export function tapModuleOfRap(value: Value): ModuleName | undefined {
  if (!isStruct(value)) return undefined;
  const batch = value.returnBatch;
  const info = isStruct(batch) ? batch.rapBatchControlInfoRap : undefined;
  if (!isStruct(info)) return undefined;
  const spec = info.specificationVersionNumber;
  const release = info.releaseVersionNumber;
  return typeof spec === 'number' && typeof release === 'number'
    ? tapModuleFor(spec, release)
    : undefined;
}

export function moduleFor(
  module: ModuleName,
  options: EncodeOptions | undefined,
  value?: Value,
): CompiledModule {
  return compiledModule(
    module,
    options?.tapModule ?? (value === undefined ? undefined : tapModuleOfRap(value)),
  );
}

/** BER of one value of a schema type. */
export function encodeValue(
  module: ModuleName,
  typeName: string,
  value: Value,
  options?: EncodeOptions,
): Uint8Array {
  const mod = moduleFor(module, options);
  const w = new TlvWriter();
  encodeInto(w, mod.type(typeName), value, options?.indefinite === true, []);
  return w.take();
}

/**
 * BER of a whole file: `value` is the top-level CHOICE (`{ transferBatch: {...} }`,
 * `{ returnBatch: {...} }`); for NRTRDE, the Nrtrde sequence itself (or `{ nrtrde: {...} }`).
 */
export function encodeFile(module: ModuleName, value: Struct, options?: EncodeOptions): Uint8Array {
  const mod = moduleFor(module, options, value);
  const root = mod.root;
  let v: Value = value;
  const keys = Object.keys(value);
  if (
    root.kind !== CHOICE &&
    keys.length === 1 &&
    keys[0] === 'nrtrde' &&
    !root.fieldNames.has('nrtrde')
  ) {
    v = value.nrtrde!;
  }
  const w = new TlvWriter(64 * 1024);
  encodeInto(w, root, v, options?.indefinite === true, []);
  return w.take();
}
