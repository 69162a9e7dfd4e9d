/**
 * Typed calls to the SQLMesh CLI of the project's venv, through execa. Non-interactive (no stdin,
 * analytics off). A failure becomes a SqlmeshError with the command, exit code and the last lines
 * it wrote. SQLMesh's state lives in its own DuckDB file beside the warehouse. `roam build` itself
 * goes through one Python process instead (pipelines/build/sqlmesh-build.ts), with the same
 * environment.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';
import { SetupError, SqlmeshError } from './errors.ts';
import { sqlProjectDir, venvDir } from './paths.ts';

export interface SqlmeshTarget {
  /** The warehouse DuckDB file. */
  warehouse: string;
  /** Build on Spark (sql/config.yaml's spark gateway) over this lake, not on the warehouse. */
  spark?: { lake: string };
}

/**
 * Everything of a warehouse's Spark builds, in one folder beside it: the Hive metastore, Spark's
 * warehouse (the models' tables), SQLMesh's state and cache, and the marts copied for DuckDB.
 */
export function sparkHomeFor(warehouse: string): string {
  return `${path.resolve(warehouse)}.spark`;
}

/** The DuckDB file of a Spark build's marts: what reports and `roam sql --engine spark` read. */
export function sparkMartsFor(warehouse: string): string {
  return path.join(sparkHomeFor(warehouse), 'marts.duckdb');
}

/** Where SQLMesh keeps its state for a warehouse. */
export function statePathFor(warehouse: string): string {
  return `${path.resolve(warehouse)}.sqlmesh-state`;
}

/** SQLMesh's cache of one warehouse: it holds table versions decided against that warehouse's state. */
export function cachePathFor(warehouse: string): string {
  return `${path.resolve(warehouse)}.sqlmesh-cache`;
}

export const sqlmeshExecutable = path.join(venvDir, 'bin', 'sqlmesh');

/** The venv's interpreter, which has SQLMesh's Python API. */
export const pythonExecutable = path.join(venvDir, 'bin', 'python');

export function ensureInstalled(): void {
  if (!existsSync(sqlmeshExecutable)) {
    throw new SetupError(
      `SQLMesh is not installed (no ${path.relative(process.cwd(), sqlmeshExecutable)})`,
      {
        fix: 'run `npm run setup` to create the Python venv',
      },
    );
  }
}

/** What went wrong, from SQLMesh's output: the failed model and audit first, else the last lines. */
export function failureSummary(output: string): {
  headline: string;
  audit: boolean;
  tail: string[];
} {
  const lines = output
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !/^[━─╭╰│`]+/.test(l) && !l.includes('FutureWarning'));
  const tail = lines.slice(-12);
  const failedAt = lines.indexOf('**Failed models**');
  const model =
    failedAt < 0 ? undefined : /`"?[^"`]*"?\.?"?([^`]*)`/.exec(lines[failedAt + 1] ?? '')?.[1];
  const modelName = model?.replaceAll('"', '');
  const auditLine = lines.find((l) => /audit error/.test(l));
  if (auditLine !== undefined) {
    return { headline: `${auditLine}${modelName ? ` in ${modelName}` : ''}`, audit: true, tail };
  }
  const errorLine =
    lines.find((l) => /^Error:|Error:/.test(l)) ?? lines.find((l) => /failed/i.test(l));
  const headline = `${errorLine ?? tail.at(-1) ?? 'no output'}${modelName ? ` in ${modelName}` : ''}`;
  return { headline, audit: false, tail };
}

/** What SQLMesh runs with: the warehouse and state files, UTC, no analytics, plain output. */
export function sqlmeshEnv(target: SqlmeshTarget): Record<string, string> {
  const home = sparkHomeFor(target.warehouse);
  const spark: Record<string, string> =
    target.spark === undefined
      ? {}
      : {
          ROAM_ENGINE: 'spark',
          // A folder here, or a URL Spark reads (hdfs://…, s3a://…) as it is.
          ROAM_LAKE: /^[a-z][a-z0-9+.-]*:\/\//i.test(target.spark.lake)
            ? target.spark.lake
            : path.resolve(target.spark.lake),
          ROAM_SPARK_HOME: home,
          ROAM_SQLMESH_STATE: path.join(home, 'sqlmesh-state'),
          ROAM_SQLMESH_CACHE: path.join(home, 'sqlmesh-cache'),
        };
  return {
    ROAM_WAREHOUSE: path.resolve(target.warehouse),
    ROAM_SQLMESH_STATE: statePathFor(target.warehouse),
    ROAM_SQLMESH_CACHE: cachePathFor(target.warehouse),
    ROAM_ENGINE: 'duckdb',
    ...spark,
    SQLMESH__DISABLE_ANONYMIZED_ANALYTICS: '1',
    PYTHONWARNINGS: 'ignore::FutureWarning',
    TZ: 'UTC',
    // Plain output: SQLMesh switches style on a terminal.
    TERM: 'dumb',
    COLUMNS: '200',
  };
}

async function sqlmesh(target: SqlmeshTarget, args: string[]): Promise<string> {
  ensureInstalled();
  const command = `sqlmesh ${args.join(' ')}`;
  const result = await execa(sqlmeshExecutable, args, {
    cwd: sqlProjectDir,
    stdin: 'ignore',
    all: true,
    reject: false,
    env: sqlmeshEnv(target),
  });
  const output = result.all ?? '';
  if (result.exitCode !== 0 || result.failed) {
    const { headline, audit, tail } = failureSummary(output);
    const lock = /Could not set lock on file/.test(output);
    const fix = lock
      ? 'close the other process that holds the warehouse, then run the command again'
      : audit
        ? "find the offending rows with 'roam sql', correct the data or data/reference, then build again"
        : `run 'cd sql && ../.venv/bin/sqlmesh ${args.join(' ')}' to see the whole output`;
    throw new SqlmeshError(
      lock
        ? `sqlmesh could not open the warehouse: it is locked by another process`
        : `sqlmesh ${args[0] ?? ''} failed (exit ${result.exitCode ?? 'none'}): ${headline}`,
      command,
      result.exitCode,
      tail,
      { cause: result, fix },
    );
  }
  return output;
}

/** Processes the cron intervals that are due. */
export function run(target: SqlmeshTarget): Promise<string> {
  return sqlmesh(target, ['run']);
}

/** Runs the models' audits on what is in prod. */
export function audit(target: SqlmeshTarget): Promise<string> {
  return sqlmesh(target, ['audit']);
}

/** Runs the YAML unit tests (they do not open the warehouse). */
export function test(target: SqlmeshTarget): Promise<string> {
  return sqlmesh(target, ['test']);
}

export function lint(target: SqlmeshTarget): Promise<string> {
  return sqlmesh(target, ['lint']);
}

export function formatCheck(target: SqlmeshTarget): Promise<string> {
  return sqlmesh(target, ['format', '--check']);
}

/** The installed SQLMesh version. */
export async function version(target: SqlmeshTarget): Promise<string> {
  return (await sqlmesh(target, ['--version'])).trim();
}
