/**
 * The batch builder of the TAP, RAP and NRTRDE producers: a decoded INTEGER its raw column cannot
 * hold (wider than INTEGER's 32 or BIGINT's 64 bits: a corrupt length or value) fails the file with
 * a DecodeError naming the file, the record's byte offset and index, and the column, instead of the
 * column builder's plain range error.
 */
import type { DecodeItem } from '../asn1/types.ts';
import { BatchBuilder } from '../ingest/row-batches.ts';
import { DecodeError } from '../lib/errors.ts';
import type { RowColumn, RowTable } from '../lib/row-table.ts';

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

function fits(type: RowColumn['type'], v: unknown): boolean {
  if (v === null || v === undefined) return true;
  if (type === 'INTEGER') {
    const n = Number(v);
    return Number.isInteger(n) && n >= INT32_MIN && n <= INT32_MAX;
  }
  if (type === 'BIGINT') return typeof v !== 'bigint' || BigInt.asIntN(64, v) === v;
  return true;
}

/** The first column of `table` whose value in `row` its type cannot hold. */
export function unfitColumn(
  table: RowTable<unknown>,
  row: unknown,
): { column: RowColumn; value: unknown } | undefined {
  const fields = row as Record<string, unknown>;
  for (const column of table.columns) {
    if (column.field === undefined) continue;
    const value = fields[column.field];
    if (!fits(column.type, value)) return { column, value };
  }
  return undefined;
}

export class CheckedBatchBuilder extends BatchBuilder {
  /** Where the rows added next come from: a record's offset and index; the header or trailer otherwise. */
  private offset = 0;
  private recordIndex: number | undefined;
  private part = 'header';

  constructor(
    size: number,
    private readonly file: string,
  ) {
    super(size);
  }

  /** The rows added next come from this item. */
  from(item: DecodeItem): void {
    if (item.type === 'record') {
      this.offset = item.offset;
      this.recordIndex = item.index;
      this.part = '';
    } else {
      // Header and trailer items carry no offset: the unit's start stands for them. Rows added
      // after the end (NRTRDE's file row) come from both.
      this.offset = 0;
      this.recordIndex = undefined;
      this.part = item.type === 'end' ? 'header or trailer' : item.type;
    }
  }

  override add<Row>(table: RowTable<Row>, row: Row): void {
    try {
      super.add(table, row);
    } catch (error) {
      const unfit = unfitColumn(table, row);
      if (unfit === undefined) throw error;
      const { column, value } = unfit;
      throw new DecodeError(
        `${String(value)} does not fit ${table.name}.${column.name} (${column.type})`,
        this.file,
        this.offset,
        this.part,
        this.recordIndex,
        { cause: error },
      );
    }
  }
}
