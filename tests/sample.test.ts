/** The shipped sample is exactly what the generator makes from seed 42 (see data/samples/README.md). */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { referenceDir, samplesDir } from '../pipelines/lib/paths.ts';
import { roam, tempDir } from './helpers/temp.ts';

const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();

describe('shipped sample', () => {
  it('equals a fresh generation with seed 42, byte for byte', async () => {
    const out = await tempDir('sample');
    const result = await roam(['generate', '--out', out, '--seed', '42', '--scale', 'small']);
    expect(result.code, result.stderr).toBe(0);
    const generated = filesUnder(out);
    const shipped = [
      ...filesUnder(samplesDir).filter((f) => f !== 'README.md'),
      ...filesUnder(referenceDir)
        .filter((f) => generated.includes(path.join('reference', f)))
        .map((f) => path.join('reference', f)),
    ].sort();
    expect(shipped).toEqual(generated);
    for (const file of generated) {
      const from = file.startsWith('reference')
        ? path.join(referenceDir, path.basename(file))
        : path.join(samplesDir, file);
      expect(readFileSync(from).equals(readFileSync(path.join(out, file))), file).toBe(true);
    }
  });
});
