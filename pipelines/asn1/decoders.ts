/**
 * The signatures of the generated decoders (decode-gen.ts), which the type descriptors keep once
 * compiled (schema.ts): here, so that neither of those two imports the other.
 */
import type { DecodeState } from './decode-state.ts';
import type { Value } from './types.ts';

/** Decodes the contents [c, ce) (or up to `00 00` when indefinite) of a constructed type. */
export type BodyDecoder = (
  st: DecodeState,
  c: number,
  ce: number,
  indefinite: boolean,
) => Value | undefined;
/** Decodes the child at p (header in st.h, contents at cc) of a SEQUENCE OF or CHOICE: its value, or undefined when skipped. */
export type ElementDecoder = (
  st: DecodeState,
  p: number,
  cc: number,
  ce: number,
) => Value | undefined;
