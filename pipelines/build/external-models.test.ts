import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rawTablesOf } from '../ingest/raw-tables.ts';
import { sqlProjectDir } from '../lib/paths.ts';
import { renderExternalModels } from './external-models.ts';

describe('SQLMesh external models', () => {
  it('the committed external_models.yaml equals what the raw table definitions generate', () => {
    const committed = readFileSync(path.join(sqlProjectDir, 'external_models.yaml'), 'utf8');
    expect(committed).toBe(renderExternalModels(rawTablesOf()));
  });

  it('lists every column of every raw table with its type', () => {
    const yaml = renderExternalModels(rawTablesOf());
    for (const table of rawTablesOf()) {
      expect(yaml).toContain(`- name: ${table.name}\n`);
      for (const column of table.columns)
        expect(yaml).toContain(`    ${column.name}: ${column.type}\n`);
    }
  });

  it('changes when a definition changes (drift is caught)', () => {
    const [first, ...rest] = rawTablesOf();
    if (first === undefined) throw new Error('no raw tables');
    const drifted = {
      ...first,
      columns: [...first.columns, { name: 'extra', type: 'INTEGER', description: 'x' }],
    };
    expect(renderExternalModels([drifted, ...rest])).not.toBe(renderExternalModels(rawTablesOf()));
  });
});
