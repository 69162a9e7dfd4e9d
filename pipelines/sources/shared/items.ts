/** The decoder's items (asn1/types.ts) one by one, as the TAP, RAP and NRTRDE sources take them. */
import type { DecodeItem } from '../../asn1/types.ts';

export type HeaderItem = Extract<DecodeItem, { type: 'header' }>;
export type RecordItem = Extract<DecodeItem, { type: 'record' }>;
export type TrailerItem = Extract<DecodeItem, { type: 'trailer' }>;
