/**
 * `roam report`: the monthly partner SLA PDFs. Reads the marts read-only, closes the warehouse,
 * then renders one PDF per partner with only that partner's rows.
 */
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { ReportError } from '../pipelines/lib/errors.ts';
import { asText } from '../pipelines/lib/text.ts';
import { withWarehouse } from '../pipelines/lib/warehouse.ts';
import { renderSvg, successRateSpec } from './charts.ts';
import { partnerSlaModel, type Partner } from './partner-sla.ts';
import { renderPdfs, type PdfPage } from './render.ts';
import { runQuery } from './queries.ts';

const templatesDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'templates');

export interface ReportRequest {
  warehouse: string;
  /** YYYY-MM; the latest month with data when absent. */
  month: string | undefined;
  /** TADIG codes; every partner with data in the month when empty. */
  partners: readonly string[];
  outDir: string;
}

export interface RenderedReport {
  partner: Partner;
  month: string;
  file: string;
}

async function readData(request: ReportRequest) {
  return withWarehouse(request.warehouse, 'read', async (connection) => {
    const months = (await runQuery(connection, 'report-months')).map((r) => asText(r.month));
    const month = request.month ?? months[0];
    if (month === undefined || !months.includes(month)) {
      throw new ReportError(
        month === undefined ? 'no KPIs in the warehouse yet' : `no KPIs for ${month}`,
        {
          fix:
            months.length === 0 ? "run 'roam build' first" : `choose one of: ${months.join(', ')}`,
        },
      );
    }
    const available = (await runQuery(connection, 'partners-in-month', { month })).map((r) => ({
      tadig: asText(r.partner_tadig),
      name: asText(r.partner_name),
    }));
    const unknown = request.partners.filter((t) => !available.some((p) => p.tadig === t));
    if (unknown.length > 0) {
      throw new ReportError(`no KPIs for ${unknown.join(', ')} in ${month}`, {
        fix: `choose among: ${available.map((p) => p.tadig).join(', ')}`,
      });
    }
    const partners =
      request.partners.length === 0
        ? available
        : available.filter((p) => request.partners.includes(p.tadig));
    const perPartner = [];
    for (const partner of partners) {
      const rows = await runQuery(connection, 'partner-signalling', {
        partner: partner.tadig,
        month,
      });
      perPartner.push(partnerSlaModel(partner, month, rows));
    }
    return { month, perPartner };
  });
}

export function reportFileName(tadig: string, month: string): string {
  return `sla-${tadig}-${month}.pdf`;
}

export async function generatePartnerReports(request: ReportRequest): Promise<RenderedReport[]> {
  const { month, perPartner } = await readData(request);
  const template = Handlebars.compile(
    await readFile(path.join(templatesDir, 'partner-sla.hbs'), 'utf8'),
    {
      strict: true,
    },
  );
  const styles = await readFile(path.join(templatesDir, 'styles.css'), 'utf8');
  const outDir = path.join(request.outDir, month);
  await mkdir(outDir, { recursive: true });
  const pages: PdfPage[] = [];
  const rendered: RenderedReport[] = [];
  for (const model of perPartner) {
    for (const [i, section] of model.sections.entries()) {
      section.chart = await renderSvg(successRateSpec(section.bars), `chart${i}`);
    }
    const file = path.join(outDir, reportFileName(model.partner.tadig, month));
    pages.push({
      html: template({ ...model, styles }),
      file,
      headerText: `${model.partner.name} (${model.partner.tadig}) · ${model.monthTitle}`,
    });
    rendered.push({ partner: model.partner, month, file });
  }
  await renderPdfs(pages);
  return rendered;
}
