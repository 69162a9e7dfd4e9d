/**
 * The batch builder of the TAP, RAP and NRTRDE producers: a decoded value its raw column cannot
 * hold (an INTEGER wider than 32 or a BIGINT wider than 64 bits: a corrupt length or value, which
 * the column builders refuse with a ColumnValueError) fails the file with a DecodeError naming the
 * file, the record's byte offset and index, and the column.
 */
import type { DecodeItem } from '../../asn1/types.ts';
import { BatchBuilder } from '../../columns/batch-builder.ts';
import { DecodeError } from '../../lib/errors.ts';
import type { RowTable } from '../../columns/row-table.ts';
import { ColumnValueError } from '../../columns/value-builders.ts';

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
      if (!(error instanceof ColumnValueError)) throw error;
      throw new DecodeError(error.message, this.file, this.offset, this.part, this.recordIndex, {
        cause: error,
      });
    }
  }
}
