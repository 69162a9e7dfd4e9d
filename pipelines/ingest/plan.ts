/**
 * How a file is read, decided before its group's transaction from its content (or --kind): every
 * source of the registry is asked, by the file's first bytes, then (CSV, Parquet, JSON lines) by
 * its columns; the source's `read` makes the loader.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { defaultBatchSize } from '../columns/batch-builder.ts';
import { DecodeError, LoadError } from '../lib/errors.ts';
import { sources as registry } from '../sources/index.ts';
import { sourceByColumns, sourceByHead, whyNoSource } from '../sources/recognise.ts';
import type { ColumnBatchSource, Source } from '../sources/source.ts';
import { appendBatches } from './append-batches.ts';
import type { DecodePool } from './decode-pool.ts';
import { readHead, tabularFormatOf } from './detect.ts';
import type { Plan } from './land-group.ts';
import type { Loader } from './load-result.ts';
import { columnNames, tabularLoader, type TabularFormat } from './tabular.ts';

/**
 * Decoded files at least this large are decoded ahead in worker threads while this one appends;
 * smaller ones (most NRTRDE and RAP files) are decoded here, when they are landed.
 */
const workerThreshold = 64 * 1024;

/** The pool that decodes a file of this size, if any. */
export const poolFor = (pool: DecodePool | undefined, size: number) =>
  size >= workerThreshold ? pool : undefined;

/** A source's files decoded into column batches (by the pool's workers when large) and appended. */
function decodedLoader(
  source: Source,
  decode: (file: string, batchSize: number) => ColumnBatchSource,
  size: number,
  pool: DecodePool | undefined,
): Loader {
  return (_connection, file, fileId, writers) => {
    const batches = poolFor(pool, size)?.batches(source, file) ?? decode(file, defaultBatchSize);
    return appendBatches(writers, source.tables, batches, fileId);
  };
}

const unknownKind = (file: string, why: string) =>
  new LoadError(`${file}: ${why} at byte 0`, file, {
    fix: 'pass --kind if the file is one roam knows (roam ingest --help)',
  });

/** The column names of a tabular file, read by DuckDB; a file it cannot read is bad input. */
async function namesOf(connection: DuckDBConnection, file: string, format: TabularFormat) {
  return columnNames(connection, file, format).catch((error: unknown) => {
    if (error instanceof LoadError) throw error;
    throw new LoadError(
      `${file}: not a readable ${format} file at byte 0: ${(error as Error).message.split('\n')[0]}`,
      file,
    );
  });
}

/** How `source` reads a file: decoded in TypeScript, or by DuckDB's reader of its format. */
async function planOf(
  connection: DuckDBConnection,
  file: string,
  size: number,
  source: Source,
  head: Uint8Array,
  pool: DecodePool | undefined,
  known: { format: TabularFormat; names: readonly string[] } | undefined,
): Promise<Plan> {
  const { read } = source;
  if ('decode' in read)
    return { source, format: read.format, loader: decodedLoader(source, read.decode, size, pool) };
  const format = known?.format ?? tabularFormatOf(head);
  if (format === undefined) throw unknownKind(file, 'not a CSV, Parquet or JSON lines file');
  const names = known?.names ?? (await namesOf(connection, file, format));
  return { source, format, loader: tabularLoader(read, format, names) };
}

/**
 * Decides source, format and loader from the file's content (or --kind), asking every source
 * of the registry: by its first bytes, then (CSV, Parquet, JSON lines) by its columns.
 */
export async function planFor(
  connection: DuckDBConnection,
  file: string,
  size: number,
  options: { kind: string | undefined; sources?: readonly Source[] | undefined },
  pool: DecodePool | undefined,
): Promise<Plan> {
  const sources = options.sources ?? registry;
  const forced = options.kind;
  const head = await readHead(file);
  const byHead = sourceByHead(head, sources);
  if (byHead !== undefined) {
    if (forced !== undefined && forced !== byHead.kind)
      throw unknownKind(file, `a ${byHead.title} file, not ${forced}`);
    return planOf(connection, file, size, byHead, head, pool, undefined);
  }
  const format = tabularFormatOf(head);
  if (format === undefined) {
    if (head.length === 0) throw unknownKind(file, 'empty file');
    const why = whyNoSource(head, size, sources);
    if (why === undefined) throw unknownKind(file, 'unknown file kind');
    throw new DecodeError(why.message, file, why.offset, why.tagPath);
  }
  const names = await namesOf(connection, file, format);
  const source =
    forced === undefined
      ? sourceByColumns(names, sources)
      : sources.find((s) => s.kind === forced && 'columns' in s.recognise);
  if (source === undefined) {
    throw unknownKind(file, `no source has the columns ${names.slice(0, 8).join(', ')}`);
  }
  return planOf(connection, file, size, source, head, pool, { format, names });
}
