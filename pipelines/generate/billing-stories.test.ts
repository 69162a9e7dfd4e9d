/**
 * The billing stories (TAP in both directions, RAP, NRTRDE) and the quality ones (IPX, active
 * tests) are visible with plain SQL over the raw data (story-db.ts), with the manifest's numbers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExpectedKpi } from './expect.ts';
import type { Manifest, Story } from './manifest.ts';
import { openStoryDb, type StoryDb } from './story-db.ts';
import { smallWorld } from './test-world.ts';

let manifest: Manifest;
let db: StoryDb;

beforeAll(async () => {
  const world = await smallWorld({ seed: '5' });
  manifest = world.manifest;
  db = await openStoryDb(world.dir, manifest);
});

afterAll(() => db.close());

function story(name: string): Story {
  const s = manifest.stories.find((x) => x.story === name);
  if (s === undefined) throw new Error(`story ${name} not planted`);
  return s;
}

const expected = (s: Story) => s.expected as ExpectedKpi[];
const HOME = 'GBRHM';

describe('TAP in both directions', () => {
  it('each partner sends us files and we send each partner files, with its roamers', async () => {
    const found = await db.rows(`
      SELECT sender, recipient, count(*)::INT AS files FROM tap_files GROUP BY ALL ORDER BY ALL`);
    const pairs = found.map((r) => `${String(r.sender)}>${String(r.recipient)}`);
    expect(pairs.sort()).toEqual(
      manifest.partners.flatMap((p) => [`${p}>${HOME}`, `${HOME}>${p}`]).sort(),
    );
    const foreign = await db.rows(`
      SELECT count(*)::INT AS n FROM tap_events e JOIN partners p ON e.recipient = p.partner_tadig
      WHERE e.sender = '${HOME}' AND NOT starts_with(e.imsi, p.imsi_prefixes)`);
    expect(foreign).toEqual([{ n: 0 }]);
  });

  it('late TAP files: available more than a week after their last event', async () => {
    const s = story('late-tap-files');
    const found = await db.rows(`
      SELECT f.file FROM tap_files f JOIN tap_events e USING (file)
      GROUP BY f.file, f.available_utc HAVING f.available_utc - max(e.end_utc) > INTERVAL 7 DAY ORDER BY 1`);
    const planted = (s.files as { file: string }[]).map((f) => f.file);
    expect(planted.length).toBeGreaterThan(0);
    const batches = new Set(
      manifest.files.filter((f) => f.kind === 'tap-batch').map((f) => f.path.slice(4)),
    );
    expect(found.map((r) => r.file)).toEqual(planted.filter((f) => batches.has(f)).sort());
    expect(expected(s)[0]?.status).toBe('breached');
  });

  it('TAP timeliness against the agreed 36 h and the catalogue 72 h limits', async () => {
    const s = story('tap-36h-limit');
    const found = await db.rows(`
      SELECT strftime(e.start_utc, '%Y-%m') AS month,
             CASE WHEN e.sender = '${HOME}' THEN 'inbound' ELSE 'outbound' END AS direction,
             count(*)::INT AS events,
             count(*) FILTER (WHERE f.available_utc - e.end_utc > INTERVAL ${Number(s.thresholdHours)} HOUR)::INT AS a,
             count(*) FILTER (WHERE f.available_utc - e.end_utc > INTERVAL ${Number(s.catalogueHours)} HOUR)::INT AS c
      FROM tap_events e JOIN tap_files f USING (file)
      WHERE '${String(s.partner)}' IN (e.sender, e.recipient) GROUP BY ALL ORDER BY 1, 2 DESC`);
    const months = s.months as {
      month: string;
      direction: string;
      events: number;
      lateAgainstAgreement: number;
      lateAgainstCatalogue: number;
    }[];
    expect(
      months.map((m) => ({
        month: m.month,
        direction: m.direction,
        events: m.events,
        a: m.lateAgainstAgreement,
        c: m.lateAgainstCatalogue,
      })),
    ).toEqual(found);
    expect(months.some((m) => m.direction === 'outbound' && m.lateAgainstAgreement > 0)).toBe(true);
    for (const r of expected(s))
      expect(r.threshold).toBe(r.direction === 'outbound' ? s.thresholdHours : s.catalogueHours);
  });

  it('a FileSequenceNumber gap in one sender’s files', async () => {
    const s = story('sequence-gap');
    const found = await db.rows(`
      WITH ordered AS (
        SELECT sender, recipient, seq::INTEGER AS seq,
               lag(seq::INTEGER) OVER (PARTITION BY sender, recipient ORDER BY seq::INTEGER) AS prev
        FROM tap_files)
      SELECT sender, lpad((prev + 1)::VARCHAR, 5, '0') AS missing FROM ordered WHERE seq - prev > 1`);
    expect(found).toEqual([{ sender: s.partner, missing: s.missingSequence }]);
  });

  it('a record sent in two TAP files', async () => {
    const s = story('duplicate-record');
    const found = await db.rows(`
      SELECT sender, imsi, list(file ORDER BY file) AS files FROM tap_events
      GROUP BY sender, recipient, imsi, event_type, start_utc, duration, charge HAVING count(DISTINCT file) > 1`);
    expect(found).toEqual([
      { sender: s.partner, imsi: s.imsi, files: [s.firstFile, s.secondFile].sort() },
    ]);
  });

  it("an AuditControlInfo TotalCharge that is not the records' sum", async () => {
    const s = story('audit-total-mismatch');
    const found = await db.rows(`
      SELECT a.file, a.total_charge, sum(e.charge) AS records FROM tap_audit a JOIN tap_events e USING (file)
      GROUP BY ALL HAVING a.total_charge <> sum(e.charge)`);
    expect(found).toEqual([
      {
        file: s.file,
        total_charge: String(s.statedTotalCharge),
        records: String(s.recordsTotalCharge),
      },
    ]);
  });

  it("net position: each side's charges per month, in the partner's TAP currency", async () => {
    const s = story('net-position');
    const found = await db.rows(`
      SELECT CASE WHEN sender = '${HOME}' THEN recipient ELSE sender END AS partner,
             strftime(start_utc, '%Y-%m') AS month,
             CASE WHEN sender = '${HOME}' THEN 'inbound' ELSE 'outbound' END AS direction,
             count(*)::INT AS events, sum(charge::DECIMAL(38, 6) / 10 ** scale)::DECIMAL(38, 6)::VARCHAR AS charge
      FROM tap_events GROUP BY ALL`);
    const got = new Map(
      found.map((r) => [`${String(r.partner)}|${String(r.month)}|${String(r.direction)}`, r]),
    );
    const rows = s.rows as {
      partner: string;
      month: string;
      outbound: { events: number; charge: string };
      inbound: { events: number; charge: string };
    }[];
    expect(rows.length).toBe(manifest.partners.length * manifest.months.length);
    for (const r of rows)
      for (const d of ['outbound', 'inbound'] as const) {
        const g = got.get(`${r.partner}|${r.month}|${d}`);
        expect({ events: g?.events ?? 0, charge: g?.charge ?? '0.000000' }).toEqual({
          events: r[d].events,
          charge: r[d].charge,
        });
      }
  });
});

describe('RAP and NRTRDE', () => {
  it('RAP both ways: what we return and what partners return, each acknowledged', async () => {
    const ours = story('rap-returns').files as {
      file: string;
      severe: number;
      fatal: number;
      missing: number;
    }[];
    const theirs = story('rap-returns-received').files as { file: string; severe: number }[];
    expect(theirs.length).toBeGreaterThan(0);
    const found = await db.rows(`
      SELECT file, sender, recipient, missing::INT AS missing, fatal::INT AS fatal, severe::INT AS severe
      FROM rap WHERE file LIKE 'RC%' ORDER BY file`);
    const want = [
      ...ours.map((f) => ({
        file: f.file,
        sender: HOME,
        missing: f.missing,
        fatal: f.fatal,
        severe: f.severe,
      })),
      ...theirs.map((f) => ({
        file: f.file,
        recipient: HOME,
        missing: 0,
        fatal: 0,
        severe: f.severe,
      })),
    ].sort((a, b) => (a.file < b.file ? -1 : 1));
    expect(found).toMatchObject(want);
    const acks = await db.rows(`SELECT file, sender, recipient FROM rap WHERE file LIKE 'AC%'`);
    expect(acks.length).toBe(found.length);
  });

  it('NRTRDE within 4 h: records in time per partner and month', async () => {
    const s = story('late-nrtrde');
    const found = await db.rows(`
      SELECT sender AS partner, strftime(start_utc, '%Y-%m') AS month, count(*)::INT AS records,
             count(*) FILTER (WHERE available_utc - end_utc <= INTERVAL 4 HOUR)::INT AS within
      FROM nrtrde GROUP BY ALL ORDER BY ALL`);
    const key = (p: unknown, m: unknown) => `${String(p)}|${String(m)}`;
    expect(
      expected(s)
        .map((r) => ({
          partner: r.partner,
          month: r.month,
          records: r.denominator,
          within: r.numerator,
        }))
        .sort((a, b) => (key(a.partner, a.month) < key(b.partner, b.month) ? -1 : 1)),
    ).toEqual(found);
  });
});

describe('quality stories', () => {
  it('IPX outage: availability, loss and delay of the partner month', async () => {
    const s = story('ipx-outage');
    const found = await db.rows(`
      SELECT strftime(interval_start, '%Y-%m') AS month, sum(probes_answered)::BIGINT AS answered,
             sum(probes_sent)::BIGINT AS sent,
             round(sum(packet_loss_pct * probes_sent) / sum(probes_sent), 6) AS loss,
             round(quantile_cont(rtd_p95_ms, 0.95), 3) AS rtd
      FROM ipx WHERE partner_tadig = '${String(s.partner)}' GROUP BY ALL ORDER BY 1`);
    const rows = expected(s);
    const of = (kpi: string) => rows.filter((r) => r.kpi === kpi);
    expect(of('ipx_availability').map((r) => [r.month, r.numerator, r.denominator])).toEqual(
      found.map((r) => [r.month, Number(r.answered), Number(r.sent)]),
    );
    const close = (got: (number | null)[], want: unknown[]) =>
      got.forEach((v, i) => expect(v).toBeCloseTo(Number(want[i]), 5));
    close(
      of('ipx_packet_loss').map((r) => r.value),
      found.map((r) => r.loss),
    );
    close(
      of('ipx_rtd_p95').map((r) => r.value),
      found.map((r) => r.rtd),
    );
    const breached = rows.filter((r) => r.status === 'breached').map((r) => `${r.month} ${r.kpi}`);
    expect(breached).toEqual(
      expect.arrayContaining([
        `${String(s.month)} ipx_availability`,
        `${String(s.month)} ipx_packet_loss`,
      ]),
    );
    expect(breached.every((b) => b.startsWith(String(s.month)))).toBe(true);
  });

  it('MOS drop: mean speech quality of the test calls in one month', async () => {
    const s = story('mos-drop');
    const found = await db.rows(`
      SELECT strftime(test_time, '%Y-%m') AS month, count(mos)::INT AS n, round(avg(mos), 6) AS mos
      FROM active WHERE partner_tadig = '${String(s.partner)}' AND direction = 'outbound'
        AND service = 'voice' GROUP BY ALL ORDER BY 1`);
    expect(expected(s).map((r) => [r.month, r.sampleSize, r.value])).toEqual(
      found.map((r) => [r.month, r.n, r.mos]),
    );
    expect(
      expected(s)
        .filter((r) => r.status === 'breached')
        .map((r) => r.month),
    ).toEqual([s.month]);
  });
});
