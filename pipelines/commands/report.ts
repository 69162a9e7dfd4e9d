import path from 'node:path';
import { stringOption, type Command } from '../lib/command.ts';
import { UsageError } from '../lib/errors.ts';
import { projectRoot } from '../lib/paths.ts';
import { generatePartnerReports } from '../../reports/generate.ts';

export const defaultReportsDir = path.join(projectRoot, 'data', 'reports');

export const reportCommand: Command = {
  name: 'report',
  summary: 'render the monthly partner SLA PDFs from the marts',
  help: `Usage: roam report [--month YYYY-MM] [--partner TADIG]… [--out DIR]

Renders one PDF per partner for the month (the latest month with data by default), each with
only that partner's KPIs, into DIR/YYYY-MM/sla-TADIG-YYYY-MM.pdf.

Options:
  --month YYYY-MM   the month to report
  --partner TADIG   only this partner (repeatable)
  --out DIR         output folder (default data/reports)`,
  options: {
    month: { type: 'string' },
    partner: { type: 'string', multiple: true },
    out: { type: 'string' },
  },
  async run({ values }, { warehouse, output }) {
    const month = stringOption(values, 'month');
    if (month !== undefined && !/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) {
      throw new UsageError(`--month '${month}' is not a month`, {
        fix: 'use YYYY-MM, e.g. 2026-10',
      });
    }
    const partners = ((values.partner as string[] | undefined) ?? []).map((p) => p.toUpperCase());
    output.info('report: rendering partner SLA PDFs with Chromium…');
    const reports = await generatePartnerReports({
      warehouse,
      month,
      partners,
      outDir: stringOption(values, 'out') ?? defaultReportsDir,
    });
    if (output.format === 'json') output.json({ reports });
    else for (const r of reports) output.result(`${r.partner.tadig}  ${r.month}  ${r.file}`);
    return 0;
  },
};
