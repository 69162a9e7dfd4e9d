/**
 * `--out FILE`: a result written to a file in the format its extension names. It is written to a
 * temporary file beside it and renamed once complete, so a failed query leaves no partial file
 * (and an earlier file of that name as it was).
 */
import { existsSync, statSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { DuckDBResult } from '@duckdb/node-api';
import { UsageError } from '../lib/errors.ts';
import { arrowBatch, arrowShape } from './arrow-batch.ts';
import { ArrowFileOut } from './arrow-file.ts';
import { streamText, type TextFormat } from './text-stream.ts';

export type OutFormat = TextFormat | 'parquet' | 'arrow';

const byExtension: Record<string, OutFormat> = {
  '.csv': 'csv',
  '.tsv': 'tsv',
  '.json': 'json',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.md': 'markdown',
  '.parquet': 'parquet',
  '.arrow': 'arrow',
  '.feather': 'arrow',
};

export interface OutFile {
  /** Where the result ends up. */
  file: string;
  format: OutFormat;
  /** Where it is written until complete. */
  temp: string;
}

export function outFileFor(file: string): OutFile {
  const format = byExtension[path.extname(file).toLowerCase()];
  if (format === undefined) {
    throw new UsageError(`--out ${file}: roam sql does not know the format of its extension`, {
      fix: `name it ${Object.keys(byExtension)
        .map((e) => `FILE${e}`)
        .join(', ')}`,
    });
  }
  const resolved = path.resolve(file);
  const folder = path.dirname(resolved);
  if (!existsSync(folder) || !statSync(folder).isDirectory())
    throw new UsageError(`--out ${file}: folder ${folder} does not exist`, {
      fix: 'create it first, or write elsewhere',
    });
  if (existsSync(resolved) && statSync(resolved).isDirectory())
    throw new UsageError(`--out ${file} is a folder`, { fix: 'give a file name' });
  const temp = path.join(folder, `.${path.basename(resolved)}.${process.pid}.tmp`);
  return { file: resolved, format, temp };
}

/** Writes `result` to the temporary file as text or Arrow; resolves to its row count. */
export async function writeOut(result: DuckDBResult, out: OutFile): Promise<number> {
  if (out.format === 'parquet') throw new Error('Parquet is written by DuckDB (parquet.ts)');
  const handle = await open(out.temp, 'w');
  try {
    if (out.format !== 'arrow') {
      return await streamText(result, out.format, {
        write: async (text) => void (await handle.write(text)),
      });
    }
    // One record batch per DuckDB chunk (2,048 rows): its values are dropped as soon as it is
    // written (gathering larger batches kept them long enough to grow the heap with the result).
    const shape = arrowShape(result.columnNames(), result.columnTypes());
    const arrow = new ArrowFileOut(handle, shape.schema);
    let rows = 0;
    for (let chunk = await result.fetchChunk(); chunk !== null; chunk = await result.fetchChunk()) {
      if (chunk.rowCount === 0) break;
      const columns = Array.from({ length: chunk.columnCount }, (_, i) => chunk.getColumnValues(i));
      await arrow.write(arrowBatch(shape, columns));
      rows += chunk.rowCount;
    }
    await arrow.finish();
    return rows;
  } finally {
    await handle.close();
  }
}

/** Puts the complete file in place. */
export async function keepOut(out: OutFile): Promise<void> {
  await rename(out.temp, out.file);
}

/** Removes what a failed run wrote. */
export async function discardOut(out: OutFile): Promise<void> {
  await rm(out.temp, { force: true });
}
