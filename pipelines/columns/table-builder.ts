/**
 * A raw table's rows turned into columns as they are made: each row's fields are copied into the
 * column builders at once, so no row object outlives its record (rows kept for a whole batch
 * survived young-generation collections and cost more in GC than in copying).
 */
import { compileFunction } from '../lib/generated-code.ts';
import type { Column, TableColumns } from './column-batch.ts';
import type { ColumnType, RowTable } from './row-table.ts';
import { TextColumnBuilder } from './text-column.ts';
import {
  converters,
  Float64Builder,
  Int32Builder,
  Int64Builder,
  ValuesBuilder,
  type Convert,
} from './value-builders.ts';

type Builder = TextColumnBuilder | Int32Builder | Float64Builder | Int64Builder | ValuesBuilder;

/** `column`: the column's name, `raw.table.column`, for errors. */
function builderFor(type: ColumnType, capacity: number, column: string): Builder {
  if (type === 'VARCHAR') return new TextColumnBuilder(capacity);
  if (type === 'INTEGER') return new Int32Builder(capacity, column);
  if (type === 'DOUBLE') return new Float64Builder(capacity, column);
  if (type === 'BIGINT' || type === 'TIMESTAMP')
    return new Int64Builder(capacity, type === 'TIMESTAMP', column);
  return new ValuesBuilder(converters[type] as Convert);
}

type Adder = (row: unknown) => void;
type AdderFactory = (builders: ReadonlyArray<Builder | undefined>) => Adder;

/** Compiled once per table and thread: adders made by one factory share V8's optimised code. */
const factories = new WeakMap<RowTable<unknown>, AdderFactory>();

/**
 * A function that copies one row's fields into the builders, written out for the table: each field
 * read by its name (a monomorphic property load on the row's shape) and each builder called at its
 * own site. A loop over the columns reading `row[field]` made every load and call megamorphic and
 * cost about twice as much (bench/README.md, ingest). The source embeds only the table's own
 * field names, as JSON strings.
 */
function adderFactory(table: RowTable<unknown>): AdderFactory {
  const cached = factories.get(table);
  if (cached !== undefined) return cached;
  const lines = table.columns.map(({ field, type }, c) => {
    if (field === undefined) return '';
    const read = `r[${JSON.stringify(field)}]`;
    return type === 'VARCHAR'
      ? `v = ${read}; b${c}.push(v === null || v === undefined ? null : typeof v === 'string' ? v : JSON.stringify(v));`
      : `b${c}.push(${read});`;
  });
  const factory = compileFunction(
    `columns/add-${table.name}`,
    ['b'],
    `${table.columns.map((_, c) => `const b${c} = b[${c}];`).join('\n')}
    return function add(r) { let v; ${lines.join('\n')} };`,
  ) as AdderFactory;
  factories.set(table, factory);
  return factory;
}

/** Rows per batch seen for each table in this thread: the first allocation of the next file's. */
const usualRows = new WeakMap<RowTable<unknown>, number>();

/** One raw table's rows turned into columns as they are added. */
export class TableBuilder {
  /** Per column: its builder, or undefined for `file_id` (the writer fills it). */
  private readonly builders: ReadonlyArray<Builder | undefined>;
  private readonly adder: Adder;
  rows = 0;

  /** `capacity`: rows before the first growth; by default, the most a batch of the table had. */
  constructor(
    private readonly table: RowTable<unknown>,
    capacity = usualRows.get(table) ?? 64,
  ) {
    const { columns } = table;
    this.builders = columns.map((c) =>
      c.field === undefined ? undefined : builderFor(c.type, capacity, `${table.name}.${c.name}`),
    );
    this.adder = adderFactory(table)(this.builders);
  }

  add(row: unknown): void {
    this.adder(row);
    this.rows += 1;
  }

  /** The rows added since the last take, as columns in the table's column order. */
  take(): TableColumns {
    const columns = this.builders.map((b): Column => b?.take() ?? { kind: 'file-id' });
    const rows = this.rows;
    this.rows = 0;
    usualRows.set(this.table, Math.max(usualRows.get(this.table) ?? 1, rows));
    return { rows, columns };
  }
}
