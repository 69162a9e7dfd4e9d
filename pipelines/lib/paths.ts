import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The nearest folder above `dir` that holds a package.json. */
function packageRoot(dir: string): string {
  for (let at = dir; ; at = path.dirname(at)) {
    if (existsSync(path.join(at, 'package.json'))) return at;
    if (path.dirname(at) === at) throw new Error(`no package.json above ${dir}`);
  }
}

/**
 * The project's root folder (where package.json is), whether this runs from the TypeScript
 * sources or from their compiled copy in dist/ (which has no package.json of its own).
 */
export const projectRoot = packageRoot(path.dirname(fileURLToPath(import.meta.url)));

/** The SQLMesh project. */
export const sqlProjectDir = path.join(projectRoot, 'sql');

/** The Python virtual environment that setup creates for SQLMesh ($ROAM_VENV overrides it). */
export const venvDir = process.env.ROAM_VENV ?? path.join(projectRoot, '.venv');

/** The shipped reference data (partners, agreements, code tables). */
export const referenceDir = path.join(projectRoot, 'data', 'reference');

/** The shipped sample data. */
export const samplesDir = path.join(projectRoot, 'data', 'samples');

/** The warehouse used when neither --warehouse nor ROAM_WAREHOUSE is given. */
export function defaultWarehousePath(): string {
  return process.env.ROAM_WAREHOUSE ?? path.join(projectRoot, 'data', 'warehouse.duckdb');
}
