/**
 * What a decoded file's own rows say about it, read from its column batches as they are appended
 * (so that it holds whichever thread decoded the file): its fatal validation findings (rows of a
 * table with a `severity` column) and whether it is test data (a `file_type_indicator` column
 * set, in TAP's and RAP's file rows). Findings and file rows are few: a handful of rows per file.
 */
import type { TableColumns } from '../columns/column-batch.ts';
import type { RawTable } from '../columns/raw-table.ts';
import { textAt } from '../columns/text-column.ts';

export class FileFacts {
  fatalFindings = 0;
  testData: boolean | null = null;

  add(table: RawTable, { rows, columns }: TableColumns): void {
    table.columns.forEach((c, i) => {
      const column = columns[i];
      if (column?.kind !== 'text') return;
      if (c.name === 'severity')
        for (let row = 0; row < rows; row++)
          if (textAt(column, row) === 'fatal') this.fatalFindings += 1;
      if (c.name === 'file_type_indicator')
        for (let row = 0; row < rows; row++)
          this.testData = (this.testData ?? false) || textAt(column, row) !== null;
    });
  }
}
