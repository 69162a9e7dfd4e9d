/**
 * `roam report partner`: the monthly partner SLA reports. Reads the marts read-only, closes the
 * warehouse, then renders one PDF (or HTML file) per partner with only that partner's rows, all
 * in one Chromium.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { ReportError } from '../pipelines/lib/errors.ts';
import { asText } from '../pipelines/lib/text.ts';
import { withWarehouse } from '../pipelines/lib/warehouse.ts';
import { drawAll } from './charts.ts';
import { readPartnerData, type PartnerData } from './partner-data.ts';
import {
  chartsOf,
  partnerOf,
  partnerSlaModel,
  type Partner,
  type PartnerSlaModel,
} from './partner-sla.ts';
import { ensureChromium, renderPdfs } from './render.ts';
import { runQuery } from './queries.ts';
import { reportTemplate } from './templates.ts';

export type ReportFormat = 'pdf' | 'html';

export interface ReportRequest {
  warehouse: string;
  /** YYYY-MM; the latest month with data when absent. */
  month: string | undefined;
  /** TADIG codes; every partner with data in the month when empty. */
  partners: readonly string[];
  outDir: string;
  /** pdf (default) or a self-contained html file. */
  format?: ReportFormat;
  /** Called after each report is written. */
  onProgress?: (done: number, total: number) => void;
}

export interface RenderedReport {
  partner: Partner;
  month: string;
  file: string;
}

/** The month asked for, or the latest with KPIs; a ReportError naming the months there are. */
export async function reportMonth(
  connection: DuckDBConnection,
  asked: string | undefined,
): Promise<string> {
  const months = (await runQuery(connection, 'report-months')).map((r) => asText(r.month));
  const month = asked ?? months[0];
  if (month === undefined || !months.includes(month)) {
    throw new ReportError(
      month === undefined ? 'no KPIs in the warehouse yet' : `no KPIs for ${month}`,
      {
        fix: months.length === 0 ? "run 'roam build' first" : `choose one of: ${months.join(', ')}`,
      },
    );
  }
  return month;
}

/** Every partner's rows for the month, read in one read-only session. */
export async function readReportData(
  request: Pick<ReportRequest, 'warehouse' | 'month' | 'partners'>,
): Promise<{ month: string; perPartner: PartnerData[] }> {
  return withWarehouse(request.warehouse, 'read', async (connection) => {
    const month = await reportMonth(connection, request.month);
    const available = (await runQuery(connection, 'partners-in-month', { month })).map((r) =>
      asText(r.partner_tadig),
    );
    const unknown = request.partners.filter((t) => !available.includes(t));
    if (unknown.length > 0) {
      throw new ReportError(`no KPIs for ${unknown.join(', ')} in ${month}`, {
        fix: `choose among: ${available.join(', ')}`,
      });
    }
    const partners =
      request.partners.length === 0
        ? available
        : available.filter((t) => request.partners.includes(t));
    const definitions = await runQuery(connection, 'kpi-definitions');
    const perPartner: PartnerData[] = [];
    for (const tadig of partners) {
      perPartner.push(await readPartnerData(connection, tadig, month, definitions));
    }
    return { month, perPartner };
  });
}

export function reportFileName(tadig: string, month: string, format: ReportFormat = 'pdf'): string {
  return `sla-${tadig}-${month}.${format}`;
}

/** Draws every chart of the model to SVG, in place. */
async function drawCharts(model: PartnerSlaModel): Promise<void> {
  await drawAll(chartsOf(model));
}

function headerText(model: PartnerSlaModel): string {
  return `${model.partner.name} (${model.partner.tadig}) · ${model.monthTitle}`;
}

/** A report to render: whose and which month, and its model, made only when its turn comes. */
export interface PartnerReportJob {
  partner: Partner;
  month: string;
  model: () => PartnerSlaModel;
}

/** A job for a model already built. */
const jobOf = (model: PartnerSlaModel): PartnerReportJob => ({
  partner: model.partner,
  month: model.month,
  model: () => model,
});

/**
 * Renders reports to files under outDir/YYYY-MM/. Each model is made, drawn and filled when a
 * tab is free for it and dropped once written: memory holds a few reports, not the run's.
 */
export async function renderPartnerReports(
  items: ReadonlyArray<PartnerSlaModel | PartnerReportJob>,
  outDir: string,
  format: ReportFormat = 'pdf',
  onProgress?: (done: number, total: number) => void,
): Promise<RenderedReport[]> {
  if (format === 'pdf') ensureChromium();
  const template = await reportTemplate<PartnerSlaModel>('partner-sla');
  const jobs = items.map((item) => ('model' in item ? item : jobOf(item)));
  const reports = jobs.map((job) => ({
    partner: { tadig: job.partner.tadig, name: job.partner.name },
    month: job.month,
    file: path.join(outDir, job.month, reportFileName(job.partner.tadig, job.month, format)),
  }));
  for (const month of new Set(jobs.map((j) => j.month))) {
    await mkdir(path.join(outDir, month), { recursive: true });
  }
  /** The report's HTML, its charts drawn. */
  const html = async (model: PartnerSlaModel) => {
    await drawCharts(model);
    return template(model);
  };
  if (format === 'html') {
    for (const [i, job] of jobs.entries()) {
      await writeFile(reports[i]?.file ?? '', await html(job.model()));
      onProgress?.(i + 1, jobs.length);
    }
  } else {
    await renderPdfs(
      jobs.map((job, i) => async () => {
        const model = job.model();
        return {
          html: await html(model),
          file: reports[i]?.file ?? '',
          headerText: headerText(model),
          kicker: 'roam · roaming SLA review',
        };
      }),
      { onProgress },
    );
  }
  return reports;
}

export async function generatePartnerReports(request: ReportRequest): Promise<RenderedReport[]> {
  const { perPartner } = await readReportData(request);
  const generatedAt = new Date();
  const jobs = perPartner.map((data): PartnerReportJob => ({
    partner: partnerOf(data),
    month: data.month,
    model: () => partnerSlaModel(data, generatedAt),
  }));
  return renderPartnerReports(jobs, request.outDir, request.format, request.onProgress);
}
