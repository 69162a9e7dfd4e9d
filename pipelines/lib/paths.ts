import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project's root folder (where package.json is). */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

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
