/**
 * TAP 3.10/3.11/3.12, RAP 1.05 and NRTRDE 2.01 BER: streaming schema-driven decoder, encoder and
 * content-based detection. Everything is driven by tap-rap-nrtrde.schema.json.
 */
export { decodeBytes, decodeFile, decodeStream, decodeValue } from './decode-api.ts';
export type { DecodedFile, DecodeOptions } from './decode-api.ts';
export { detectKind } from './detect.ts';
export { whyNotDetected } from './detect-why.ts';
export type { Undetected } from './detect-why.ts';
export { EncodeError, encodeFile, encodeValue } from './encode.ts';
export type { EncodeOptions } from './encode.ts';
export { encodeFileChunks, encodeFileStream, encodeTransferBatchStream } from './encode-stream.ts';
export type { StreamEncodeOptions } from './encode-stream.ts';
export { moduleNames } from './schema-json.ts';
export { recordKind } from './record-kind.ts';
export type { DecodeItem, FileKind, ModuleName, Struct, UnknownTag, Value } from './types.ts';
