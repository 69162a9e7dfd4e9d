import path from 'node:path';
import { stringOption, type Command } from '../lib/command.ts';
import { UsageError } from '../lib/errors.ts';
import { projectRoot } from '../lib/paths.ts';
import { generateExecReport } from '../../reports/exec-report.ts';
import { generatePartnerReports } from '../../reports/generate.ts';

export const defaultReportsDir = path.join(projectRoot, 'data', 'reports');

export const reportCommand: Command = {
  name: 'report',
  readsMarts: true,
  summary: 'render the monthly partner SLA PDFs, or the executive KPI PDF, from the marts',
  help: `Usage: roam report [partner] [--month YYYY-MM] [--partner TADIG]… [--out DIR] [--format html]
       roam report exec [--month YYYY-MM] [--out DIR] [--format html]

Renders one partner SLA report per partner for the month (the latest month with data by default),
each with only that partner's data: cover and data coverage, scorecard of every KPI, breaches
explained, 12-month trends, latency, IPX, IoT and routing, billing quality and usage, silent
roamers and signalling anomalies, KPI definitions. Written to DIR/YYYY-MM/sla-TADIG-YYYY-MM.pdf
(.html with --format html); the paths on stdout (with --format json: {"reports": [{partner,
month, file}, …]}).
'roam report' alone is 'roam report partner'.

'roam report exec' renders the executive KPI report of the month, every partner on a few pages:
a partners × KPI-family heatmap of status, the breaches and how long each has lasted, partners
improving and worsening against their trend bands, usage and charges by region and partner with
the change on the month before, billing quality, IPX providers compared, signalling anomalies,
IoT and routing. Written to DIR/YYYY-MM/executive-kpi-YYYY-MM.pdf (with --format json:
{"reports": [{month, file}]}).

Options:
  --month YYYY-MM   the month to report
  --partner TADIG   only this partner (repeatable; partner reports only)
  --out DIR         output folder (default data/reports)
  --format html     a self-contained HTML file per partner instead of a PDF`,
  formats: ['text', 'json', 'html'],
  options: {
    month: { type: 'string' },
    partner: { type: 'string', multiple: true },
    out: { type: 'string' },
  },
  async run({ values, positionals }, { warehouse, output }) {
    const [kind = 'partner', ...rest] = positionals;
    if ((kind !== 'partner' && kind !== 'exec') || rest.length > 0) {
      throw new UsageError(`roam report has no report '${[kind, ...rest].join(' ')}'`, {
        fix: "use 'roam report partner' or 'roam report exec'",
      });
    }
    const month = stringOption(values, 'month');
    if (month !== undefined && !/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) {
      throw new UsageError(`--month '${month}' is not a month`, {
        fix: 'use YYYY-MM, e.g. 2026-10',
      });
    }
    const format = output.format === 'html' ? 'html' : 'pdf';
    const outDir = stringOption(values, 'out') ?? defaultReportsDir;
    if (kind === 'exec') {
      if (values.partner !== undefined) {
        throw new UsageError('--partner is for partner reports', {
          fix: "the executive report covers every partner: drop --partner, or use 'roam report partner'",
        });
      }
      output.info(
        `report: rendering the executive KPI report${format === 'pdf' ? ' with Chromium' : ' as HTML'}…`,
      );
      const report = await generateExecReport({ warehouse, month, outDir, format });
      if (output.format === 'json') output.json({ reports: [report] });
      else output.result(`${report.month}  ${report.file}`);
      return 0;
    }
    const partners = ((values.partner as string[] | undefined) ?? []).map((p) => p.toUpperCase());
    output.info(
      format === 'pdf'
        ? 'report: rendering partner SLA PDFs with Chromium…'
        : 'report: writing partner SLA reports as HTML…',
    );
    const showProgress = output.interactive && output.format !== 'json';
    const reports = await generatePartnerReports({
      warehouse,
      month,
      partners,
      outDir,
      format,
      onProgress: showProgress
        ? (done, total) =>
            process.stderr.write(
              `\r\x1b[Kreport: ${done}/${total} partners${done === total ? '\n' : ''}`,
            )
        : undefined,
    });
    if (output.format === 'json') output.json({ reports });
    else for (const r of reports) output.result(`${r.partner.tadig}  ${r.month}  ${r.file}`);
    return 0;
  },
};
