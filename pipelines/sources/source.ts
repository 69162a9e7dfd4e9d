/**
 * The one shape of a source: a kind of input file, how it is recognised, the raw tables it fills,
 * how a file of it becomes rows of those tables, and how `roam decode` shows it. Every source is
 * one such object in its own folder (sources/<name>/source.ts); sources/index.ts lists them all,
 * and detection, ingest, `roam decode` and the external-model generator iterate that list.
 * See docs/architecture.md, "Adding a source".
 */
import type { ColumnBatch } from '../columns/column-batch.ts';
import type { RawTable } from '../columns/raw-table.ts';

export interface Source {
  /** Its kind: `roam ingest --kind`, raw.ingested_files.kind. Unique in the registry. */
  readonly kind: string;
  /** Its name in messages ("a TAP file", "not a TAP, RAP or NRTRDE file"). */
  readonly title: string;
  /** The raw tables its files fill (its raw-schema.ts): ingest creates them, SQLMesh declares them. */
  readonly tables: readonly RawTable[];
  /** How a file of it is told from the others: by its content, never its name. */
  readonly recognise: Recognise;
  /** How a file of it becomes rows of `tables`. */
  readonly read: Read;
  /**
   * Reference data: the latest file of the kind replaces every earlier one, whatever its name.
   * Otherwise a file replaces only an earlier version of the same logical file.
   */
  readonly snapshot?: boolean;
  /** How `roam decode` shows a file of it; a source without it is not shown. */
  readonly show?: (file: string, options: ShowOptions) => AsyncIterable<ShownItem>;
  /**
   * What a file must agree with in the reference data (our network, a partner's key on file),
   * checked by ingest once the file's rows are written, inside its transaction; such files land
   * after the run's other files, so that the run's reference files count. The one way a source
   * reads the warehouse.
   * Throwing a DecodeError or LoadError refuses the file: it is quarantined and nothing of it kept.
   */
  readonly admit?: (file: string, summary: FileSummary, reference: ReferenceData) => Promise<void>;
}

/**
 * Reference data as ingest sees it when a file lands: the rows of a reference table (the raw
 * table of a snapshot source, e.g. `raw.reference_home_network`), every value as text.
 */
export interface ReferenceData {
  rows(table: string): Promise<Record<string, string | null>[]>;
}

export type Recognise =
  | {
      /** From the file's first bytes (up to 4 KiB): a file of this source or not. */
      readonly head: (bytes: Uint8Array) => boolean;
      /**
       * When no source took a file: why it looks like one of this source's all the same (a
       * release roam does not read, a file cut short), if it does; `size` is the whole file's.
       */
      readonly why?: (bytes: Uint8Array, size: number) => Unrecognised | undefined;
    }
  | {
      /**
       * A CSV, Parquet or JSON lines file (DuckDB reads its column names) that has these columns,
       * in any order; the first such source in the registry takes it.
       */
      readonly columns: readonly string[];
    };

export interface Unrecognised {
  message: string;
  /** Where it is said to be, in bytes. */
  offset: number;
  /** Where in the file's structure ('' when nowhere in particular). */
  tagPath: string;
}

export type Read =
  | {
      /**
       * Decoded in TypeScript: column batches of `tables` (columns/batch-builder.ts), then what
       * the file says about itself. Pure of DuckDB, so that it can run in a decode worker. The
       * file is a version of the logical file its summary names (its kind, sender, recipient,
       * sequence number and test data, see ingest/logical-key.ts).
       */
      readonly decode: (file: string, batchSize: number) => ColumnBatchSource;
      /** What raw.ingested_files.format says, e.g. `ber`. */
      readonly format: string;
    }
  | {
      /**
       * Read by DuckDB's own reader (CSV, Parquet, JSON lines) into `table`, columns matched by
       * name; the file is a version of the one at its path (ingest/logical-key.ts).
       */
      readonly table: RawTable;
      /** The column that places a row in time (for restating months); none for reference data. */
      readonly timeColumn: string | undefined;
    };

/**
 * What a decoded file says about itself once read (ingest counts its rows and fatal findings: rows
 * of a table with a `severity` column; a `fileTypeIndicator` column set on a row marks test data).
 */
export interface FileSummary {
  /** Earliest and latest event time, UTC `YYYY-MM-DD hh:mm:ss`, when it has events. */
  firstEventAt: string | null;
  lastEventAt: string | null;
  release: string | null;
  sender: string | null;
  recipient: string | null;
  sequence: string | null;
  /** Parts of the file its decoder did not know and skipped. */
  unknownTags: number;
  /** The variant of its kind, when the kind has two logical files (RAP: return batch or acknowledgement). */
  fileKind?: string | null;
}

/** Column batches of a file, then its summary: what a source's `decode` yields. */
export type ColumnBatchSource = AsyncGenerator<ColumnBatch, FileSummary>;

export type Severity = 'fatal' | 'severe' | 'warning';

/** A validation finding: one row of the source's validation table, and one line of `roam decode`. */
export interface Finding {
  file: string;
  /** The record's index, or null for a file-level finding. */
  recordIndex: number | null;
  itemPath: string;
  rule: string;
  severity: Severity;
  message: string;
}

export interface ShowOptions {
  /** Keep the bytes of the first occurrence of each part the decoder does not know. */
  keepUnknownHex?: boolean;
}

/** A part of a file its decoder did not know, skipped and counted. */
export interface UnknownPart {
  path: string;
  tag: string;
  count: number;
  hex?: string;
}

/** What `roam decode` shows of a file, in file order, findings beside what they were found in. */
export type ShownItem =
  | {
      type: 'header';
      /** The kind of file, as precise as the source can tell (e.g. `tap-notification`). */
      kind: string;
      module: string | null;
      tapModule: string | null;
      /** The header as decoded. */
      groups: Record<string, unknown>;
      /** Its normalised row. */
      summary: unknown;
      /** Whether files of this kind hold records (a TAP notification does not). */
      records: boolean;
      findings: readonly Finding[];
    }
  | {
      type: 'record';
      index: number;
      offset: number;
      value: Record<string, unknown>;
      /** Its normalised rows. */
      rows: unknown;
      /** The record in one line. */
      line: string;
      findings: readonly Finding[];
    }
  | {
      type: 'trailer';
      groups: Record<string, unknown>;
      audit: unknown;
      findings: readonly Finding[];
    }
  /** Findings about the whole file that come after everything else (a file without a trailer). */
  | { type: 'findings'; findings: readonly Finding[] }
  | { type: 'end'; bytes: number; paddingBytes: number; unknownTags: readonly UnknownPart[] };
