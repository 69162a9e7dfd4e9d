/**
 * `roam report exec`: the executive KPI report of a month, every partner on a few pages. Reads
 * the marts read-only, closes the warehouse, then renders one PDF (or HTML file).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { withWarehouse } from '../pipelines/lib/warehouse.ts';
import { drawAll } from './charts.ts';
import { readExecData, type ExecData } from './exec-data.ts';
import { execCharts, execKpiModel, type ExecKpiModel } from './exec-kpi.ts';
import { reportMonth, type ReportFormat } from './generate.ts';
import { ensureChromium, renderPdfs } from './render.ts';
import { reportTemplate } from './templates.ts';

export interface ExecRequest {
  warehouse: string;
  /** YYYY-MM; the latest month with data when absent. */
  month: string | undefined;
  outDir: string;
  format?: ReportFormat;
}

export interface RenderedExecReport {
  month: string;
  file: string;
}

export function execFileName(month: string, format: ReportFormat = 'pdf'): string {
  return `executive-kpi-${month}.${format}`;
}

/** The month's rows, read in one read-only session. */
export async function readExecReportData(
  request: Pick<ExecRequest, 'warehouse' | 'month'>,
): Promise<ExecData> {
  return withWarehouse(request.warehouse, 'read', async (connection) =>
    readExecData(connection, await reportMonth(connection, request.month)),
  );
}

/** Renders a built model to outDir/YYYY-MM/executive-kpi-YYYY-MM.pdf (or .html). */
export async function renderExecReport(
  model: ExecKpiModel,
  outDir: string,
  format: ReportFormat = 'pdf',
): Promise<RenderedExecReport> {
  if (format === 'pdf') ensureChromium();
  const template = await reportTemplate<ExecKpiModel>('exec-kpi');
  await drawAll(execCharts(model));
  const file = path.join(outDir, model.month, execFileName(model.month, format));
  await mkdir(path.dirname(file), { recursive: true });
  const html = template(model);
  if (format === 'html') await writeFile(file, html);
  else {
    await renderPdfs([
      {
        html,
        file,
        headerText: `${model.homeNetwork} · ${model.monthTitle}`,
        kicker: 'roam · executive KPI report',
      },
    ]);
  }
  return { month: model.month, file };
}

export async function generateExecReport(request: ExecRequest): Promise<RenderedExecReport> {
  const data = await readExecReportData(request);
  return renderExecReport(execKpiModel(data, new Date()), request.outDir, request.format);
}
