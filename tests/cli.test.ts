import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeTap } from './helpers/files.ts';
import { roam, tempDir } from './helpers/temp.ts';

describe('roam CLI', () => {
  it('lists every command in --help', async () => {
    const result = await roam(['--help']);
    expect(result.code).toBe(0);
    for (const name of ['demo', 'ingest', 'build', 'report', 'sql', 'doctor']) {
      expect(result.stdout).toMatch(new RegExp(`^  ${name} `, 'm'));
    }
  });

  it("prints a command's own help", async () => {
    const result = await roam(['report', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('--month YYYY-MM');
    expect(result.stdout).toContain('--warehouse PATH');
  });

  it('exits 1 with one line for an unknown command or option', async () => {
    for (const args of [
      ['nope'],
      ['sql', '--nope'],
      ['report', '--month', '2026-13'],
      ['report', 'exec', '--partner', 'FRATW'],
      ['report', 'nope'],
    ]) {
      const result = await roam(args);
      expect(result.code, args.join(' ')).toBe(1);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toMatch(/^roam: .*fix: /);
    }
  });

  it('offers --format jsonl where a command streams items, and refuses it elsewhere', async () => {
    const dir = await tempDir('cli');
    const { file } = writeTap(dir, 'CDDEUNWGBRHM00001');
    const decoded = await roam(['decode', file, '--format', 'jsonl']);
    expect(decoded.code, decoded.stderr).toBe(0);
    const types = decoded.stdout.split('\n').map((l) => (JSON.parse(l) as { type: string }).type);
    expect(types[0]).toBe('header');
    expect(types.filter((t) => t === 'record')).toHaveLength(4);
    const refused = await roam(['build', '--format', 'jsonl']);
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim()).toBe(
      'roam: roam build has no --format "jsonl" — fix: use --format text or --format json',
    );
  });

  it('takes the global options before the command name too', async () => {
    const dir = await tempDir('cli');
    const { file } = writeTap(dir, 'CDDEUNWGBRHM00001');
    const decoded = await roam(['--format', 'json', 'decode', file]);
    expect(decoded.code, decoded.stderr).toBe(0);
    expect((JSON.parse(decoded.stdout) as { kind: string }).kind).toBe('tap-batch');
    const missing = path.join(dir, 'none.duckdb');
    const sql = await roam([`--warehouse=${missing}`, '--format', 'json', 'sql', 'SELECT 1']);
    expect(sql.stderr.trim()).toMatch(new RegExp(`^roam: warehouse ${missing} does not exist`));
    const help = await roam(['--help', 'sql']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: roam sql/);
    const refused = await roam(['--max-rows', '3', 'sql', 'SELECT 1']);
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim()).toBe(
      "roam: unknown global option '--max-rows' before the command — fix: put a command's own options after its name (roam --help)",
    );
  });

  it('says in one line what a numeric option takes, negative numbers included', async () => {
    const cases: Array<[string[], string]> = [
      [
        ['generate', '--months', '-1', '--out', 'x'],
        "--months takes a whole number from 1 to 24, not '-1'",
      ],
      [
        ['generate', '--events', '-5', '--out', 'x'],
        "--events takes a whole number from 1 to 1,000,000,000, not '-5'",
      ],
      [
        ['generate', '--seed', '1e3', '--out', 'x'],
        "--seed takes a whole number from 1 to 2,147,483,647, not '1e3'",
      ],
      [['decode', '--events', '-1', 'x'], "--events takes a whole number of at least 0, not '-1'"],
      [
        ['sql', '--max-rows', '-2', 'SELECT 1'],
        "--max-rows takes a whole number of at least 1, not '-2'",
      ],
      [['ingest', '--workers', '-1', 'x'], "--workers takes a whole number from 0 to 64, not '-1'"],
      [['generate', '--months'], '--months needs a value'],
    ];
    for (const [args, message] of cases) {
      const result = await roam(args);
      expect(result.code, args.join(' ')).toBe(1);
      expect(result.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(result.stderr, args.join(' ')).toMatch(
        new RegExp(`^roam: ${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} — fix: `),
      );
    }
  });

  it('decode names the TAP release it does not read, and where a cut file ends', async () => {
    const dir = await tempDir('cli');
    const { file } = writeTap(dir, 'CDDEUNWGBRHM00001');
    const bytes = readFileSync(file);
    // ReleaseVersionNumber (APPLICATION 189) 12 → 9: a TAP 3.09 batch.
    const old = Buffer.from(bytes);
    old[old.indexOf(Buffer.from([0x5f, 0x81, 0x3d, 0x01, 0x0c])) + 4] = 9;
    const release = path.join(dir, 'CDDEUNWGBRHM00002');
    const cut = path.join(dir, 'CDDEUNWGBRHM00003');
    writeFileSync(release, old);
    writeFileSync(cut, bytes.subarray(0, 50));
    const result = await roam(['decode', release, cut]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `error: ${release}: a TAP 3.09 file: release not supported (roam reads TAP 3.10–3.12, RAP 1.05, NRTRDE 2.01) at byte 0\n`,
    );
    expect(result.stderr).toMatch(
      new RegExp(
        `error: ${cut}: a TAP file cut short: it ends inside \\w+ at byte 50 \\(TransferBatch/`,
      ),
    );
  });

  it('doctor reports versions as JSON and passes on a set-up machine', async () => {
    const result = await roam(['doctor', '--format', 'json']);
    const report = JSON.parse(result.stdout) as {
      ok: boolean;
      checks: Array<{ name: string; ok: boolean; detail: string }>;
    };
    expect(report.checks.map((c) => c.name)).toEqual([
      'node',
      'duckdb (node)',
      'python venv',
      'sqlmesh',
      'duckdb (python)',
      'chromium',
      'warehouse',
    ]);
    expect(report.checks.find((c) => c.name === 'sqlmesh')?.detail).toBe('0.236.4');
    expect(result.code).toBe(report.ok ? 0 : 1);
    expect(report.ok).toBe(true);
  });

  it('doctor exits 1 and names the fix when the venv is missing', async () => {
    const result = await roam(['doctor'], { ROAM_VENV: '/nonexistent/venv' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('sqlmesh: not installed — fix: run `npm run setup`');
  });
});
