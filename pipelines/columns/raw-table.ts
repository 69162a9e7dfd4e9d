/** How a raw table is described once, in TypeScript: DDL and SQLMesh's external model come from it. */
export interface RawColumn {
  readonly name: string;
  /** DuckDB type, e.g. `VARCHAR`, `TIMESTAMP`, `DECIMAL(18,6)`. */
  readonly type: string;
  readonly description: string;
  /** The column may be absent from a delivered file (then NULL). */
  readonly optional?: boolean;
  /** Filled in by ingest (file id…), never read from a file. */
  readonly addedByIngest?: boolean;
}

export interface RawTable {
  /** Qualified name, e.g. `raw.probe_xdr`. */
  readonly name: string;
  readonly description: string;
  readonly columns: readonly RawColumn[];
}

export function createTableSql(table: RawTable): string {
  const columns = table.columns.map((c) => `  ${c.name} ${c.type}`).join(',\n');
  return `CREATE TABLE IF NOT EXISTS ${table.name} (\n${columns}\n)`;
}

/** The columns a delivered file carries (all but the ones ingest adds). */
export function fileColumns(table: RawTable): readonly RawColumn[] {
  return table.columns.filter((c) => c.addedByIngest !== true);
}

/** The column ingest adds to every table that holds a file's rows. */
export const fileIdColumn: RawColumn = {
  name: 'file_id',
  type: 'VARCHAR',
  description: 'sha256 of the source file (raw.ingested_files.file_id)',
  addedByIngest: true,
};

/** `[name, DuckDB type, description, optional?]`: one column, compactly. */
export type ColumnSpec = readonly [string, string, string, 'optional'?];

/** A raw table from compact column specs; `fileId` appends the file_id column ingest fills. */
export function rawTable(
  name: string,
  description: string,
  columns: readonly ColumnSpec[],
  options: { fileId: boolean },
): RawTable {
  return {
    name,
    description,
    columns: [
      ...columns.map(([column, type, text, optional]) => ({
        name: column,
        type,
        description: text,
        ...(optional === undefined ? {} : { optional: true }),
      })),
      ...(options.fileId ? [fileIdColumn] : []),
    ],
  };
}
