import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { pointedOffset } from './error-place.ts';
import { lineAndColumn, splitStatements } from './statements.ts';

const texts = [
  'SELECT 1',
  'SELECT 1; SELECT 2;',
  "SELECT ';' AS a; SELECT 'it''s; here'",
  'SELECT 1 AS "a;b"; -- a comment; with a semicolon\nSELECT 2',
  '/* a; /* nested; */ still; */ SELECT 1; SELECT $$dollar; quoted$$; SELECT $tag$x;y$tag$',
  "SELECT E'escaped \\' quote; still' AS e; SELECT 2",
  'SELECT 1;;\n  ;  -- only a comment\n',
  'SELECT $month AS m; SELECT $month AS n',
];

describe('splitStatements', () => {
  it('finds the statements DuckDB finds, where DuckDB starts them', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    for (const text of texts) {
      const extracted = await connection.extractStatements(text);
      const segments = splitStatements(text);
      expect(segments.length, text).toBe(extracted.count);
      for (const [i, s] of segments.entries()) {
        expect(text[s.end] === ';' || s.end === text.length, text).toBe(true);
        if (i > 0) expect(text[s.start - 1], text).toBe(';');
      }
    }
    connection.closeSync();
    instance.closeSync();
  });

  it('gives lines and columns from 1', () => {
    expect(lineAndColumn('SELECT\n  x', 9)).toEqual({ line: 2, column: 3 });
  });
});

describe('pointedOffset', () => {
  it("reads DuckDB's LINE and caret, a long line's cut too", () => {
    const text = `SELECT 1,\n  ${'x'.repeat(200)} AS a, nope`;
    const drawn = '...xxxxxxxxxx AS a, nope';
    const caret = ' '.repeat('LINE 2: '.length + drawn.indexOf('nope'));
    const message = `Binder Error: no\n\nLINE 2: ${drawn}\n${caret}^`;
    expect(pointedOffset(message, text)).toBe(text.indexOf('nope'));
    expect(pointedOffset('Binder Error: no place', text)).toBeUndefined();
  });
});
