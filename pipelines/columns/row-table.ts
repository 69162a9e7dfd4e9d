/**
 * Raw tables whose rows come from TypeScript objects (the TAP/RAP/NRTRDE normalisers): each column
 * names the row field it comes from, so the table, SQLMesh's external model and the appender all
 * follow one definition.
 */
import { fileIdColumn, type RawColumn, type RawTable } from './raw-table.ts';

export type ColumnType =
  'VARCHAR' | 'INTEGER' | 'BIGINT' | 'TIMESTAMP' | 'BOOLEAN' | 'DOUBLE' | 'INTEGER[]';

export interface RowColumn extends RawColumn {
  readonly type: ColumnType;
  /** The row property the value comes from; undefined for the columns ingest adds. */
  readonly field: string | undefined;
}

export interface RowTable<Row> extends RawTable {
  readonly columns: readonly RowColumn[];
  /** Never read: ties the table to its row type. */
  readonly rowType?: Row;
}

const snake = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** A table with one column per listed row field (snake_case), in order, then `file_id`. */
export function rowTable<Row>(
  name: string,
  description: string,
  columns: { readonly [K in keyof Row & string]?: readonly [ColumnType, string] },
): RowTable<Row> {
  const entries = Object.entries(columns) as Array<[string, readonly [ColumnType, string]]>;
  return {
    name,
    description,
    columns: [
      ...entries.map(([field, [type, text]]) => ({
        name: snake(field),
        type,
        description: text,
        field,
      })),
      { ...fileIdColumn, type: 'VARCHAR', field: undefined },
    ],
  };
}
