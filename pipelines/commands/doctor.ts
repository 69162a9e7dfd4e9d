import { existsSync } from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';
import type { Command } from '../lib/command.ts';
import { sqlmeshExecutable } from '../lib/sqlmesh.ts';
import { venvDir } from '../lib/paths.ts';
import { asText } from '../lib/text.ts';
import { chromiumPath } from '../../reports/render.ts';

interface Check {
  name: string;
  ok: boolean;
  detail: string;
  fix?: string;
}

async function versionOf(file: string, args: string[]): Promise<string | undefined> {
  const result = await execa(file, args, { reject: false, stdin: 'ignore' });
  return result.exitCode === 0 ? result.stdout.trim().split('\n')[0] : undefined;
}

async function duckdbVersion(): Promise<string> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(':memory:');
  try {
    const connection = await instance.connect();
    const reader = await connection.runAndReadAll('SELECT version() AS v');
    connection.closeSync();
    return asText(reader.getRowObjectsJson()[0]?.v);
  } finally {
    instance.closeSync();
  }
}

async function checks(warehouse: string): Promise<Check[]> {
  const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
  const python = path.join(venvDir, 'bin', 'python');
  const sqlmesh = existsSync(sqlmeshExecutable)
    ? await versionOf(sqlmeshExecutable, ['--version'])
    : undefined;
  const pyDuckdb = existsSync(python)
    ? await versionOf(python, ['-c', 'import duckdb; print(duckdb.__version__)'])
    : undefined;
  const nodeDuckdb = await duckdbVersion();
  const chromium = chromiumPath();
  const chromiumVersion = existsSync(chromium)
    ? await versionOf(chromium, ['--version'])
    : undefined;
  const setupFix = 'run `npm run setup`';
  return [
    {
      name: 'node',
      ok: major > 20 || (major === 20 && minor >= 19),
      detail: process.version,
      fix: 'install Node.js 20.19 or newer',
    },
    { name: 'duckdb (node)', ok: true, detail: nodeDuckdb },
    {
      name: 'python venv',
      ok: existsSync(python),
      detail: existsSync(python) ? venvDir : `missing: ${venvDir}`,
      fix: setupFix,
    },
    {
      name: 'sqlmesh',
      ok: sqlmesh !== undefined,
      detail: sqlmesh ?? 'not installed',
      fix: setupFix,
    },
    {
      name: 'duckdb (python)',
      ok: pyDuckdb !== undefined && `v${pyDuckdb}` === nodeDuckdb,
      detail: pyDuckdb === undefined ? 'not installed' : `v${pyDuckdb}`,
      fix: `${setupFix}: the venv's duckdb must match ${nodeDuckdb}`,
    },
    {
      name: 'chromium',
      ok: chromiumVersion !== undefined,
      detail:
        chromiumVersion === undefined
          ? `not found at ${chromium}`
          : `${chromium} (${chromiumVersion})`,
      fix: `${setupFix} as root (installs Debian's chromium), or set ROAM_CHROMIUM`,
    },
    {
      name: 'warehouse',
      ok: true,
      detail: existsSync(warehouse) ? warehouse : `${warehouse} (not created yet)`,
    },
  ];
}

export const doctorCommand: Command = {
  name: 'doctor',
  summary: 'check that Node, DuckDB, the SQLMesh venv and Chromium are ready',
  help: `Usage: roam doctor

Reports the versions and paths roam depends on; exits 1 with the fix when something is missing.`,
  options: {},
  async run(_args, { warehouse, output }) {
    const results = await checks(warehouse);
    const failed = results.filter((c) => !c.ok);
    if (output.format === 'json') output.json({ ok: failed.length === 0, checks: results });
    else {
      const width = Math.max(...results.map((c) => c.name.length));
      for (const c of results) {
        output.result(`${c.ok ? 'ok  ' : 'FAIL'}  ${c.name.padEnd(width)}  ${c.detail}`);
      }
      for (const c of failed) output.warn(`${c.name}: ${c.detail} — fix: ${c.fix ?? 'see above'}`);
    }
    return failed.length === 0 ? 0 : 1;
  },
};
