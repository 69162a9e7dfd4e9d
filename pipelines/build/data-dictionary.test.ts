import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { sqlProjectDir } from '../lib/paths.ts';
import {
  dataDictionaryFile,
  readMarts,
  renderDataDictionary,
  type Mart,
} from './data-dictionary.ts';

let marts: Mart[];

beforeAll(async () => {
  marts = await readMarts();
});

describe('the data dictionary of the marts', () => {
  it('docs/marts.md is what the SQLMesh models generate (npm run docs:marts)', async () => {
    expect(readFileSync(dataDictionaryFile, 'utf8')).toBe(await renderDataDictionary(marts));
  });

  it('has every mart model, every column with a type and description', () => {
    const files = readdirSync(path.join(sqlProjectDir, 'models', 'marts'))
      .filter((f) => f.endsWith('.sql'))
      .map((f) => `marts.${path.basename(f, '.sql')}`);
    expect(marts.map((m) => m.name)).toEqual(files.sort());
    for (const mart of marts) {
      expect(mart.description, mart.name).toBeTruthy();
      expect(mart.columns.length, mart.name).toBeGreaterThan(0);
      for (const column of mart.columns) {
        expect(column.type, `${mart.name}.${column.name}`).toMatch(/^[A-Z]/);
        expect(column.description, `${mart.name}.${column.name}`).toBeTruthy();
      }
    }
  });

  it('changes when a description changes (a stale file is caught)', async () => {
    const [first, ...rest] = marts;
    if (first === undefined) throw new Error('no marts');
    const columns = first.columns.map((c, i) => (i === 0 ? { ...c, description: 'changed' } : c));
    const changed = await renderDataDictionary([{ ...first, columns }, ...rest]);
    expect(changed).not.toBe(await renderDataDictionary(marts));
    expect(changed).toContain('| changed ');
  });
});
