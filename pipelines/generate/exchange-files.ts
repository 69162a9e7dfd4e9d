/**
 * The KPI exchange files some partners send us (roam-kpi-exchange, docs/kpi-exchange.md) for the
 * last month: their measurement of the KPIs whose values the stories know (the `expected` rows of
 * the manifest), directions from their side, with planted disagreements — a KPI off by more than
 * its tolerance, a KPI only they measure, a target they hold differently — and the partners' public
 * keys (reference/partner_keys.csv). Keys come from the seed, so files and signatures are the same
 * each run (Ed25519 signatures are deterministic).
 */
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ExchangeContent, ExchangeEntry } from '../exchange/document.ts';
import { sealed } from '../exchange/integrity.ts';
import type { Kpi } from './catalogue.ts';
import { CsvSink } from './csv-writer.ts';
import type { ExpectedKpi } from './expect.ts';
import type { FileEntry, Story } from './manifest.ts';
import { hash32, Rng } from './prng.ts';
import { HOME, type Partner } from './world.ts';

/** The KPI only the partner measures: not in our catalogue. */
const theirOwnKpi = 'volte_ims_registration_success';

/** PKCS#8 DER of an Ed25519 private key is this prefix and the 32-byte seed. */
const pkcs8Prefix = Buffer.from('302e020100300506032b657004220420', 'hex');

function keyPair(seed: number, partner: string) {
  const rng = new Rng(seed ^ hash32(`exchange-key:${partner}`));
  const bytes = Buffer.from(Array.from({ length: 32 }, () => rng.int(256)));
  const key = createPrivateKey({
    key: Buffer.concat([pkcs8Prefix, bytes]),
    format: 'der',
    type: 'pkcs8',
  });
  return {
    privateKey: key.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKey: createPublicKey(key).export({ type: 'spki', format: 'der' }).toString('base64'),
  };
}

const mirror = (d: string): 'outbound' | 'inbound' => (d === 'outbound' ? 'inbound' : 'outbound');

/** How a KPI of the catalogue is measured, in the words of the exchange file. */
function sourceOf(k: Kpi): string {
  if (k.source.includes('xDR')) return 'probe';
  if (k.source === 'active tests') return 'active-test';
  if (k.source === 'IPX measurements') return 'ipx';
  return k.source.toLowerCase();
}

const text = (n: number | null, digits: number) => (n === null ? null : n.toFixed(digits));

/** Their entry for one of our expected rows, as they would measure it (the same numbers). */
function entryFor(e: ExpectedKpi, k: Kpi): ExchangeEntry {
  const latency = k.measure === 'latency_p95';
  return {
    kpi: e.kpi,
    ir42_parameter: k.ir42Parameter,
    direction: mirror(e.direction),
    service: e.service,
    rat: e.rat,
    unit: k.unit,
    numerator: text(e.numerator, 6),
    denominator: text(e.denominator, 6),
    excluded: text(e.excluded, 6),
    value: text(e.value, 6),
    p50: null,
    p95: latency ? text(e.value, 6) : null,
    sample_size: e.sampleSize,
    source: sourceOf(k),
    target: text(e.target, 4),
  };
}

export interface Planted {
  partner: string;
  month: string;
  /** Our direction (theirs is its mirror). */
  direction: string;
  kpi: string;
  service: string;
  rat: string;
  status: 'disagree' | 'only-theirs' | 'target-differs';
  ourValue: number | null;
  theirValue: number;
  ourTarget: number | null;
  theirTarget: number | null;
}

export function writeExchangeFiles(
  out: string,
  seed: number,
  partners: readonly Partner[],
  month: string,
  stories: readonly Story[],
  kpis: readonly Kpi[],
): { files: FileEntry[]; story: Story } {
  const known = stories
    .flatMap((s) => (s.expected as ExpectedKpi[] | undefined) ?? [])
    .filter((e) => e.month === month && e.value !== null && kpis.some((k) => k.kpi === e.kpi));
  const byPartner = new Map<string, ExpectedKpi[]>();
  for (const e of known) byPartner.set(e.partner, [...(byPartner.get(e.partner) ?? []), e]);
  // The three partners whose month the stories know best; the first sends an unsigned file.
  const senders = [...byPartner]
    .sort(([a, x], [b, y]) => y.length - x.length || (a < b ? -1 : 1))
    .slice(0, 3)
    .map(([tadig, rows]) => ({
      partner: partners.find((p) => p.tadig === tadig) as Partner,
      rows: rows.sort((a, b) => (a.kpi + a.direction < b.kpi + b.direction ? -1 : 1)),
    }));
  const planted: Planted[] = [];
  const files: FileEntry[] = [];
  const sent: { partner: string; file: string; signed: boolean; entries: number }[] = [];
  const keys: string[][] = [];
  const next = nextMonth(month);
  mkdirSync(path.join(out, 'exchange'), { recursive: true });
  senders.forEach(({ partner, rows }, index) => {
    const kpi = (id: string) => kpis.find((k) => k.kpi === id) as Kpi;
    const entries = rows.map((e) => entryFor(e, kpi(e.kpi)));
    const plant = (
      e: ExpectedKpi,
      status: Planted['status'],
      value: number,
      target: number | null,
    ) =>
      planted.push({
        partner: partner.tadig,
        month,
        direction: e.direction,
        kpi: e.kpi,
        service: e.service,
        rat: e.rat,
        status,
        ourValue: status === 'only-theirs' ? null : e.value,
        theirValue: value,
        ourTarget: status === 'only-theirs' ? null : e.target,
        theirTarget: target,
      });
    const withTarget = rows.findIndex((e) => e.target !== null);
    if (index === 0 && withTarget >= 0) {
      // A target they hold differently (a tenth lower), the value the same.
      const i = withTarget;
      const e = rows[i] as ExpectedKpi;
      const theirs = Math.round((e.target as number) * 0.9 * 10_000) / 10_000;
      (entries[i] as ExchangeEntry).target = theirs.toFixed(4);
      plant(e, 'target-differs', e.value as number, theirs);
    }
    if (index === 2) {
      // A KPI off by five times its tolerance.
      const e = rows[0] as ExpectedKpi;
      const k = kpi(e.kpi);
      const step =
        (k.tolerance ?? 0.01) * 5 * (k.toleranceKind === 'relative' ? (e.value as number) : 1);
      const value =
        Math.round(((e.value as number) + (k.higherIsBetter ? step : -step)) * 1e6) / 1e6;
      (entries[0] as ExchangeEntry).value = value.toFixed(6);
      plant(e, 'disagree', value, e.target);
      // And one only they measure.
      const only: ExpectedKpi = { ...e, kpi: theirOwnKpi, direction: 'inbound', target: null };
      entries.push({
        ...entryFor(only, { ...k, ir42Parameter: null, unit: 'ratio', measure: 'success_rate' }),
        kpi: theirOwnKpi,
        value: '0.991000',
        numerator: '991.000000',
        denominator: '1000.000000',
        excluded: '0.000000',
        sample_size: 1000,
        source: 'probe',
      });
      plant(only, 'only-theirs', 0.991, null);
    }
    const content: ExchangeContent = {
      format: 'roam-kpi-exchange',
      version: 1,
      sender: { tadig: partner.tadig, name: partner.name },
      recipient: { tadig: HOME.tadig, name: HOME.name },
      period: month,
      generated_at: `${next}-02T06:00:00Z`,
      generator: { name: 'roam generate', version: 'sample' },
      entries,
    };
    const signed = index > 0;
    const pair = keyPair(seed, partner.tadig);
    if (signed) keys.push([partner.tadig, pair.publicKey, 'sample key, from the seed']);
    const name = `exchange/kpi-${partner.tadig}-${HOME.tadig}-${month}.json`;
    const document = sealed(content, signed ? pair.privateKey : undefined);
    writeFileSync(path.join(out, name), `${JSON.stringify(document, null, 2)}\n`);
    files.push({ path: name, kind: 'kpi-exchange', rows: entries.length + 1 });
    sent.push({ partner: partner.tadig, file: name, signed, entries: entries.length });
  });
  const csv = new CsvSink(path.join(out, 'reference', 'partner_keys.csv'), [
    'partner_tadig',
    'public_key',
    'note',
  ]);
  for (const row of keys) csv.row(row);
  csv.close();
  files.push({ path: 'reference/partner_keys.csv', kind: 'reference', rows: keys.length });
  const story: Story = {
    story: 'kpi-exchange',
    description: `The KPI exchange files three partners send us for ${month}: their measurement of the KPIs the stories know, directions from their side (their outbound is our inbound), the same numbers as ours but for what is planted: a target they hold differently (a tenth lower), a KPI off by five times its tolerance, a KPI only they measure (${theirOwnKpi}, not in our catalogue). The first file is unsigned (no key on file for that partner); the others are signed with the keys in partner_keys.csv. planted: the rows of marts.fct_kpi_reconciliation that must not agree; every other row of these files agrees`,
    month,
    files: sent,
    planted,
  };
  return { files, story };
}

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}
