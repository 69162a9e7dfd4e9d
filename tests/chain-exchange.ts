/**
 * The KPI exchange on the built sample warehouse of tests/chain.test.ts (which calls this, so that
 * no other build of the sample is needed): the partners' files of the sample reconciled with the
 * manifest's planted disagreements, their section in the partner and executive PDFs, and our own
 * export sent back as the partner would send it (on a copy of the warehouse), which reconciles
 * with no disagreement.
 */
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { build } from '../pipelines/build/run.ts';
import type { ExchangeContent } from '../pipelines/exchange/document.ts';
import { readExchangeContent } from '../pipelines/exchange/export.ts';
import { sealed } from '../pipelines/exchange/integrity.ts';
import { ingestFiles } from '../pipelines/ingest/run.ts';
import { quietProgress } from '../pipelines/lib/progress.ts';
import * as sqlmesh from '../pipelines/lib/sqlmesh.ts';
import { asText } from '../pipelines/lib/text.ts';
import { withWarehouse } from '../pipelines/lib/warehouse.ts';
import { generateExecReport } from '../reports/exec-report.ts';
import { count, kpiMargin, kpiValue } from '../reports/format.ts';
import type { RenderedReport } from '../reports/generate.ts';
import { manifest, samplePartners } from './helpers/sample.ts';

interface Planted {
  partner: string;
  month: string;
  direction: string;
  kpi: string;
  service: string;
  rat: string;
  status: string;
  ourValue: number | null;
  theirValue: number;
  ourTarget: number | null;
  theirTarget: number | null;
}

interface ExchangeStory {
  month: string;
  files: { partner: string; file: string; signed: boolean; entries: number }[];
  planted: Planted[];
}

const exchangeStory = (): ExchangeStory => {
  const found = manifest.stories.find((s) => s.story === 'kpi-exchange');
  if (found === undefined) throw new Error('the sample has no kpi-exchange story');
  return found as unknown as ExchangeStory;
};

export function describeExchange(
  warehouse: () => string,
  dir: () => string,
  reports: () => RenderedReport[],
): void {
  const query = (sql: string, params: Record<string, string> = {}, file = warehouse()) =>
    withWarehouse(file, 'read', async (c) =>
      (await c.runAndReadAll(sql, params)).getRowObjectsJson(),
    );
  const reconciled = (file?: string) =>
    query(
      `SELECT partner_tadig, direction, kpi, service, rat, our_value::DOUBLE AS our_value,
              their_value::DOUBLE AS their_value, difference::DOUBLE AS difference,
              our_target::DOUBLE AS our_target, their_target::DOUBLE AS their_target,
              status, their_file, unit, kpi_name
       FROM marts.fct_kpi_reconciliation WHERE strftime(event_month, '%Y-%m') = $month`,
      { month: exchangeStory().month },
      file,
    );

  describe("the partners' KPI exchange files", () => {
    it('are reconciled with ours: each planted disagreement with its numbers, every other row agreeing', async () => {
      const story = exchangeStory();
      const rows = await reconciled();
      const keyOf = (r: object) => {
        const k = r as Record<string, unknown>;
        return [k.partner_tadig ?? k.partner, k.direction, k.kpi, k.service, k.rat]
          .map(String)
          .join('|');
      };
      expect(story.planted.map((p) => p.status).sort()).toEqual([
        'disagree',
        'only-theirs',
        'target-differs',
      ]);
      for (const p of story.planted) {
        const row = rows.find((r) => keyOf(r) === keyOf(p));
        expect(row, keyOf(p)).toBeDefined();
        expect(row?.status, keyOf(p)).toBe(p.status);
        expect(row?.their_value, keyOf(p)).toBe(p.theirValue);
        expect(row?.their_target ?? null, keyOf(p)).toBe(p.theirTarget);
        if (p.ourValue === null) expect(row?.our_value, keyOf(p)).toBeNull();
        else expect(Math.abs(Number(row?.our_value) - p.ourValue), keyOf(p)).toBeLessThan(0.001);
        expect(row?.our_target ?? null, keyOf(p)).toBe(p.ourTarget);
      }
      // Every other row of their files agrees; the rest of ours is only ours.
      const planted = new Set(story.planted.map(keyOf));
      for (const f of story.files) {
        const theirs = rows.filter((r) => r.partner_tadig === f.partner && r.their_file !== null);
        expect(theirs, f.partner).toHaveLength(f.entries);
        for (const r of theirs.filter((x) => !planted.has(keyOf(x))))
          expect(r.status, keyOf(r)).toBe('agree');
        const ours = rows.filter((r) => r.partner_tadig === f.partner && r.their_file === null);
        expect(ours.length, f.partner).toBeGreaterThan(0);
        for (const r of ours) expect(r.status).toBe('only-ours');
      }
      // Partners that sent no file are not reconciled.
      const senders = new Set(story.files.map((f) => f.partner));
      expect(rows.filter((r) => !senders.has(asText(r.partner_tadig)))).toEqual([]);
    });

    it("set their measurement beside ours in the senders' PDFs, disagreements first, and a one-line notice in the others", async () => {
      const story = exchangeStory();
      const rows = await reconciled();
      const flat = async (tadig: string) => {
        const report = reports().find((r) => r.partner.tadig === tadig);
        expect(report, tadig).toBeDefined();
        const { stdout } = await execa('pdftotext', ['-layout', report?.file ?? '', '-']);
        return stdout.replace(/\s+/g, ' ');
      };
      const disagree = story.planted.find((p) => p.status === 'disagree') as Planted;
      const row = rows.find(
        (r) =>
          r.partner_tadig === disagree.partner && r.kpi === disagree.kpi && r.status === 'disagree',
      );
      const text = await flat(disagree.partner);
      const section = text.slice(text.indexOf('Their measurement and ours'));
      expect(section).toContain(asText(row?.their_file));
      // Cells wrap in the table: the numbers of a row stay on its first line.
      const numbers = `${kpiValue(row?.our_value, row?.unit)} ${kpiValue(row?.their_value, row?.unit)} ${kpiMargin(row?.difference, row?.unit)}`;
      expect(section).toContain(numbers);
      const agreeing = rows.find(
        (r) => r.partner_tadig === disagree.partner && r.status === 'agree',
      );
      expect(agreeing).toBeDefined();
      const agreed = `${kpiValue(agreeing?.our_value, agreeing?.unit)} ${kpiValue(agreeing?.their_value, agreeing?.unit)} ${kpiMargin(agreeing?.difference, agreeing?.unit)}`;
      expect(section.indexOf(agreed)).toBeGreaterThan(section.indexOf(numbers));
      const senders = new Set(story.files.map((f) => f.partner));
      const silent = [...samplePartners().keys()].find((t) => !senders.has(t)) as string;
      expect(await flat(silent)).toContain('The partner sent no KPI exchange file for this month.');
    });

    it('are counted per partner in the executive PDF', async () => {
      const report = await generateExecReport({
        warehouse: warehouse(),
        month: exchangeStory().month,
        outDir: path.join(dir(), 'reports-exchange'),
      });
      const { stdout } = await execa('pdftotext', ['-layout', report.file, '-']);
      const text = stdout.replace(/\s+/g, ' ');
      const section = text.slice(text.indexOf('Their measurement and ours'));
      const rows = await reconciled();
      const names = samplePartners();
      for (const f of exchangeStory().files) {
        const mine = rows.filter((r) => r.partner_tadig === f.partner);
        const n = (s: string) => count(mine.filter((r) => r.status === s).length);
        expect(section).toContain(
          `${names.get(f.partner)} (${f.partner}) ${n('agree')} ${n('disagree')} ${n('target-differs')} ${n('only-theirs')} ${n('only-ours')}`,
        );
      }
    });

    it('our own export, sent back as the partner would send it, reconciles with no disagreement', async () => {
      const story = exchangeStory();
      const senders = new Set(story.files.map((f) => f.partner));
      const partner = [...samplePartners().keys()].find((t) => !senders.has(t)) as string;
      const copy = path.join(dir(), 'mirror', 'warehouse.duckdb');
      await mkdir(path.dirname(copy), { recursive: true });
      await copyFile(warehouse(), copy);
      await copyFile(sqlmesh.statePathFor(warehouse()), sqlmesh.statePathFor(copy));
      const ours = await withWarehouse(copy, 'read', (c) =>
        readExchangeContent(c, partner, story.month, new Date()),
      );
      const mirrored: ExchangeContent = {
        ...ours,
        sender: ours.recipient,
        recipient: ours.sender,
        entries: ours.entries.map((e) => ({
          ...e,
          direction: e.direction === 'outbound' ? 'inbound' : 'outbound',
        })),
      };
      const file = path.join(dir(), 'mirror', `kpi-${partner}-mirrored.json`);
      await writeFile(file, JSON.stringify(sealed(mirrored)));
      const [outcome] = await ingestFiles(copy, [file], {
        force: false,
        kind: undefined,
        quarantineDir: path.join(dir(), 'mirror', 'quarantine'),
        progress: quietProgress,
      });
      expect(outcome?.status, outcome?.reason ?? '').toBe('loaded');
      await build(copy);
      const rows = (await reconciled(copy)).filter((r) => r.partner_tadig === partner);
      expect(rows).toHaveLength(ours.entries.length);
      expect(new Set(rows.map((r) => r.status))).toEqual(new Set(['agree']));
      expect(rows.every((r) => r.difference === 0 || r.difference === null)).toBe(true);
    });
  });
}
