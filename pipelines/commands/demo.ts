import path from 'node:path';
import type { Command } from '../lib/command.ts';
import { referenceDir, samplesDir } from '../lib/paths.ts';
import { createProgress } from '../lib/progress.ts';
import { build } from '../build/run.ts';
import { listInputFiles, totalBytes } from '../ingest/files.ts';
import { ingestFiles } from '../ingest/run.ts';
import { generateExecReport } from '../../reports/exec-report.ts';
import { generatePartnerReports } from '../../reports/generate.ts';
import { defaultReportsDir } from './report.ts';

export const demoCommand: Command = {
  name: 'demo',
  summary: 'run the whole chain on the shipped sample: ingest → build → PDFs',
  help: `Usage: roam demo [--out DIR]

Ingests data/reference and data/samples into the warehouse, builds the SQLMesh models and renders the partner
SLA PDFs and the executive KPI PDF of the latest month, then prints where they are.

Options:
  --out DIR   output folder for the PDFs (default data/reports)`,
  options: { out: { type: 'string' } },
  async run({ values }, { warehouse, output }) {
    const files = await listInputFiles([referenceDir, samplesDir]);
    output.info(`demo: 1/3 ingesting ${files.length} sample files into ${warehouse}`);
    const outcomes = await ingestFiles(warehouse, files, {
      force: false,
      kind: undefined,
      quarantineDir: path.join(path.dirname(warehouse), 'quarantine'),
      progress: createProgress(output, 'ingest', files.length, await totalBytes(files)),
    });
    const quarantined = outcomes.filter((o) => o.status === 'quarantined');
    for (const o of quarantined) output.warn(`quarantined ${o.file}: ${o.reason ?? ''}`);
    output.info('demo: 2/3 building the SQLMesh models');
    const built = await build(warehouse);
    output.info('demo: 3/3 rendering the partner SLA PDFs and the executive KPI PDF');
    const outDir = typeof values.out === 'string' ? values.out : defaultReportsDir;
    const reports = await generatePartnerReports({
      warehouse,
      month: undefined,
      partners: [],
      outDir,
    });
    const exec = await generateExecReport({ warehouse, month: undefined, outDir });
    if (output.format === 'json')
      output.json({ warehouse, ingest: outcomes, build: built, reports, exec });
    else {
      output.result(`PDFs for ${reports[0]?.month ?? '–'}:`);
      for (const r of reports) output.result(`  ${path.relative(process.cwd(), r.file)}`);
      output.result(`  ${path.relative(process.cwd(), exec.file)}  (executive KPI report)`);
      output.result(
        `Query the marts (node bin/roam.js sql --tables lists them): node bin/roam.js sql "SELECT partner_name, kpi, value, target FROM marts.fct_partner_kpi_monthly WHERE status = 'breached' LIMIT 10"`,
      );
    }
    return quarantined.length > 0 ? 1 : 0;
  },
};
