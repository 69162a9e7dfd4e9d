import { describe, expect, it } from 'vitest';
import * as sqlmesh from './sqlmesh.ts';

const target = { warehouse: '/nonexistent/never-opened.duckdb' };

describe('failureSummary', () => {
  it('names the failed audit and model', () => {
    const output = [
      'Executing model batches ━━━━ 100.0%',
      '**Failed models**',
      '* `"warehouse"."marts"."fct_x"`',
      '  ```',
      "    'not_null' audit error: 3 rows failed",
      'Error: Plan application failed.',
    ].join('\n');
    expect(sqlmesh.failureSummary(output)).toMatchObject({
      headline: "'not_null' audit error: 3 rows failed in marts.fct_x",
      audit: true,
    });
  });

  it('falls back to the error line', () => {
    expect(sqlmesh.failureSummary('a\nError: Cannot restate model\nb').headline).toBe(
      'Error: Cannot restate model',
    );
  });
});

// These SQLMesh commands do not open the warehouse: they check the project itself.
describe('the SQLMesh project', () => {
  it('passes its YAML unit tests', async () => {
    expect(await sqlmesh.test(target)).toMatch(/Successfully Ran `\d+` Tests/);
  });

  it('passes sqlmesh lint and format --check', async () => {
    await expect(sqlmesh.lint(target)).resolves.toBeTypeOf('string');
    await expect(sqlmesh.formatCheck(target)).resolves.toBeTypeOf('string');
  });

  it('reports the pinned version', async () => {
    expect(await sqlmesh.version(target)).toBe('0.236.4');
  });
});
