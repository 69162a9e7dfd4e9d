import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { rawTable } from '../columns/raw-table.ts';
import { addMissingColumns } from './raw-columns-migration.ts';

describe('addMissingColumns', () => {
  it('adds the columns a raw table gained, NULL for the rows already there', async () => {
    const db = await DuckDBInstance.create(':memory:');
    const c = await db.connect();
    await c.run('CREATE SCHEMA raw; CREATE TABLE raw.t (a INTEGER); INSERT INTO raw.t VALUES (1)');
    const table = rawTable(
      'raw.t',
      'test',
      [
        ['a', 'INTEGER', 'kept'],
        ['b', 'VARCHAR', 'new', 'optional'],
      ],
      { fileId: false },
    );
    await addMissingColumns(c, [table]);
    await addMissingColumns(c, [table]);
    const rows = (await c.runAndReadAll('SELECT a, b FROM raw.t')).getRowObjectsJson();
    expect(rows).toEqual([{ a: 1, b: null }]);
    c.closeSync();
    db.closeSync();
  });
});
