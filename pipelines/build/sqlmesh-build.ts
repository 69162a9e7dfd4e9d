/**
 * The SQLMesh half of `roam build`: one Python process (sqlmesh_build.py, through SQLMesh's Python
 * API) that plans and applies the project, restates months and records the build, all in one
 * transaction per file; its one-line JSON result becomes a report or a known error.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { SetupError, SqlmeshError, WarehouseError } from '../lib/errors.ts';
import { sqlProjectDir } from '../lib/paths.ts';
import {
  ensureInstalled,
  pythonExecutable,
  sqlmeshEnv,
  statePathFor,
  type SqlmeshTarget,
} from '../lib/sqlmesh.ts';

export const buildScript = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  'sqlmesh_build.py',
);

/** Inclusive dates, YYYY-MM-DD. */
export interface DateRange {
  start: string;
  end: string;
}

export interface SqlmeshBuildRequest {
  /** On Spark: the DuckDB file the marts are copied into (spark_marts.py). */
  engine?: 'spark';
  marts?: string;
  /** Models restated (with what depends on them) for each range. */
  models: string[];
  restate: DateRange[];
  /** The build's row, written in the same transaction as the models. */
  record: {
    table: string;
    create: string;
    /** restated_from / restated_to are added by the build process: it decides the range. */
    values: { started_at: string };
  };
}

export interface Backfill {
  model: string;
  kind: string | null;
  ranges: DateRange[];
}

export interface SqlmeshBuildReport {
  /** The state knew no prod environment: every model was built from the raw layer. */
  fresh: boolean;
  changes: { added: string[]; modified: string[]; removed: string[] };
  backfilled: Backfill[];
  restated: Array<DateRange & { models: string[] }>;
  warnings: string[];
  seconds: Record<string, number>;
}

interface Failure {
  kind: 'audit' | 'model' | 'lock' | 'plan' | 'mismatch';
  message: string;
  model?: string;
  audit?: string;
  rows?: number;
  query?: string;
}

type Outcome = ({ ok: true } & SqlmeshBuildReport) | { ok: false; error: Failure };

const lastLines = (text: string, n: number) =>
  text
    .split('\n')
    .map((l) => l.trimEnd())
    .filter((l) => l.trim() !== '')
    .slice(-n);

/** The error a failed build reports, with its fix. */
export function buildError(failure: Failure, warehouse: string, tail: string[]): Error {
  const command = `python ${path.relative(sqlProjectDir, buildScript)}`;
  const nothingChanged = 'nothing was changed';
  switch (failure.kind) {
    case 'mismatch': {
      const state = statePathFor(warehouse);
      return new WarehouseError(
        `SQLMesh state ${state} does not belong to warehouse ${warehouse}: ${failure.message} ` +
          '(the warehouse was restored from a copy older than its state, or the state comes from another warehouse)',
        {
          fix: `delete ${state} and build again: every model is then rebuilt from the raw layer`,
        },
      );
    }
    case 'audit':
      return new SqlmeshError(
        `build failed, ${nothingChanged}: ${failure.message}`,
        command,
        1,
        failure.query === undefined ? tail : [...tail, `offending rows: ${failure.query}`],
        {
          fix: "find the offending rows with 'roam sql', correct the data or data/reference, then build again",
        },
      );
    case 'lock':
      return new SqlmeshError(
        'sqlmesh could not open the warehouse: it is locked by another process',
        command,
        1,
        tail,
        { fix: 'close the other process that holds the warehouse, then run the command again' },
      );
    default:
      return new SqlmeshError(
        `build failed, ${nothingChanged}: ${failure.message}`,
        command,
        1,
        tail,
        {
          fix: `correct the model in sql/models (the SQLMesh output: cd sql && ../.venv/bin/sqlmesh plan)`,
        },
      );
  }
}

/**
 * Runs the build process on the SQLMesh project (sql/ unless a test gives its own); resolves to
 * its report, or throws a WarehouseError / SqlmeshError.
 */
export async function runSqlmeshBuild(
  target: SqlmeshTarget,
  request: SqlmeshBuildRequest,
  project = sqlProjectDir,
): Promise<SqlmeshBuildReport> {
  ensureInstalled();
  const result = await execa(
    pythonExecutable,
    [buildScript, JSON.stringify({ project, ...request })],
    {
      cwd: project,
      stdin: 'ignore',
      reject: false,
      env: sqlmeshEnv(target),
    },
  );
  const tail = lastLines(result.stderr, 12);
  if (/No module named 'pyspark'/.test(result.stderr)) {
    throw new SetupError(`pyspark is not installed in the venv (${pythonExecutable})`, {
      fix: 'run `npm run setup -- --spark` (pyspark from sql/requirements-spark.txt; Java 17 on the PATH)',
    });
  }
  let outcome: Outcome | undefined;
  try {
    outcome = JSON.parse(lastLines(result.stdout, 1)[0] ?? '') as Outcome;
  } catch {
    outcome = undefined;
  }
  if (outcome?.ok === true) return outcome;
  if (outcome?.ok === false) throw buildError(outcome.error, target.warehouse, tail);
  throw new SqlmeshError(
    `the SQLMesh build process failed (exit ${result.exitCode ?? 'none'}): ${tail.at(-1) ?? 'no output'}`,
    `python ${buildScript}`,
    result.exitCode,
    tail,
    {
      cause: result,
      fix: "check the set-up with 'roam doctor'; SQLMesh's own output: cd sql && ../.venv/bin/sqlmesh plan",
    },
  );
}
