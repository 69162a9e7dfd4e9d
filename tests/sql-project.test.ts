/** House rules of the SQLMesh project that SQLMesh itself does not check. */
import path from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { sqlProjectDir, venvDir } from '../pipelines/lib/paths.ts';

describe('the SQLMesh project', () => {
  it('documents every model: owner, grain, description and every output column', async () => {
    const result = await execa(
      path.join(venvDir, 'bin', 'python'),
      [path.join('checks', 'model_docs.py')],
      {
        cwd: sqlProjectDir,
        reject: false,
        env: { SQLMESH__DISABLE_ANONYMIZED_ANALYTICS: '1', PYTHONWARNINGS: 'ignore' },
      },
    );
    expect(result.stdout.trim(), result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
  });
});
