/**
 * The contract between the BER decoder and its consumers (normalisation, validation, `roam decode`,
 * ingest). Values follow the schema in tap-rap-nrtrde.schema.json field by field.
 */

/** The ASN.1 modules the schema describes. */
export type ModuleName = 'TAP-3.10' | 'TAP-3.11' | 'TAP-3.12' | 'RAP-1.05' | 'NRTRDE-2.01';

/** What a file is, detected from its content (never from its name). */
export type FileKind =
  'tap-batch' | 'tap-notification' | 'rap-return-batch' | 'rap-acknowledgement' | 'nrtrde';

/**
 * A decoded value.
 * - sequence: an object keyed by the schema's field names, holding the fields present;
 * - sequence_of: an array;
 * - choice (tagged or not): an object with exactly one key, the chosen alternative's name;
 * - INTEGER: a number when it is a safe integer, else a bigint (never a float);
 * - AsciiString-based: a string with leading and trailing spaces removed;
 *   NumberString, HexString, Currency and other text bases: a string as sent;
 * - BCDString-based (Imsi, Msisdn, Imei, AddressStringDigits…): the digit string, filler dropped;
 * - any other OCTET STRING: a Uint8Array.
 */
export type Value = number | bigint | string | Uint8Array | Value[] | Struct;
export interface Struct {
  [field: string]: Value;
}

/** A TLV the module does not know, skipped and counted. */
export interface UnknownTag {
  /** Schema path of the parent, e.g. `TransferBatch/CallEventDetailList/MobileOriginatedCall`. */
  path: string;
  /** Tag class and number, e.g. `APPLICATION 453`. */
  tag: string;
  count: number;
  /** Hex of the first occurrence's whole TLV, when `keepUnknownHex` was asked for. */
  hex?: string;
}

/** What the streaming decoder yields, in file order. */
export type DecodeItem =
  | {
      type: 'header';
      kind: FileKind;
      module: ModuleName;
      /** For RAP: the TAP module of the release it returns. */
      tapModule?: ModuleName;
      /**
       * The top-level fields that come before the repeated records, by schema field name
       * (batchControlInfo, accountingInfo, networkInfo, messageDescriptionInfo for TAP; the whole
       * content for a notification or an acknowledgement).
       */
      groups: Struct;
    }
  | {
      type: 'record';
      /** 0-based position among the file's records. */
      index: number;
      /** Byte offset of the record's first tag byte in the file. */
      offset: number;
      /** The record: a one-key object naming its kind, e.g. `{ mobileOriginatedCall: {...} }`. */
      value: Struct;
    }
  | {
      type: 'trailer';
      /** The top-level fields after the records (auditControlInfo, rapAuditControlInfo, callEventsCount). */
      groups: Struct;
    }
  | {
      type: 'end';
      /** Bytes read, padding included. */
      bytes: number;
      /** Padding bytes (0x00 / 0xFF) seen between or after top-level units. */
      paddingBytes: number;
      unknownTags: UnknownTag[];
    };
