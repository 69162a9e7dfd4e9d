/**
 * What a codec file's own rows say about it, read from its column batches as they are appended
 * (so that it holds whichever thread decoded the file): its fatal validation findings (rows of a
 * table with a `severity` field) and whether it is test data (a `fileTypeIndicator` field present,
 * in TAP's and RAP's file rows), and which kind of RAP file it is (the `kind` of its row in
 * raw.rap_files: a return batch or an acknowledgement, two logical files that may share sender,
 * recipient and sequence number). Findings and file rows are few: a handful of rows per file.
 */
import type { TableColumns } from '../lib/column-batch.ts';
import type { RowTable } from '../lib/row-table.ts';
import { textAt } from '../lib/text-column.ts';

export class FileFacts {
  fatalFindings = 0;
  testData: boolean | null = null;
  /** RAP: rap-return-batch or rap-acknowledgement; null for other kinds. */
  fileKind: string | null = null;

  add(table: RowTable<unknown>, { rows, columns }: TableColumns): void {
    table.columns.forEach((c, i) => {
      const column = columns[i];
      if (column?.kind !== 'text') return;
      if (c.field === 'severity')
        for (let row = 0; row < rows; row++)
          if (textAt(column, row) === 'fatal') this.fatalFindings += 1;
      if (table.name === 'raw.rap_files' && c.field === 'kind' && rows > 0)
        this.fileKind = textAt(column, 0);
      if (c.field === 'fileTypeIndicator')
        for (let row = 0; row < rows; row++)
          this.testData = (this.testData ?? false) || textAt(column, row) !== null;
    });
  }
}
