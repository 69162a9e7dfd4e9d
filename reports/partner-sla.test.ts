import { describe, expect, it } from 'vitest';
import type { PartnerData } from './partner-data.ts';
import { partnerSlaModel } from './partner-sla.ts';

const kpi = (over: Record<string, unknown>) => ({
  direction: 'outbound',
  family: 'data',
  kpi: 'gtpv1_pdp_success',
  kpi_name: 'PDP context activation success (GTPv1)',
  unit: 'ratio',
  value: '0.777778',
  target: '0.9210',
  status: 'breached',
  margin: '-0.143222',
  sample_size: '45',
  min_sample: 20,
  previous_value: '0.977273',
  movement: 'down',
  improved: false,
  ...over,
});

function data(over: Partial<PartnerData> = {}): PartnerData {
  return {
    tadig: 'FRATW',
    month: '2026-10',
    definitions: [],
    partner: [{ partner_tadig: 'FRATW', partner_name: 'Terra <b>Wireless</b>', country: 'France' }],
    scorecard: [],
    breaches: [],
    breachDays: [],
    trends: [],
    latency: [],
    procedures: [],
    ipx: [],
    iot: [],
    iotRadios: [],
    routing: [],
    billing: [],
    usage: [],
    silentRoamers: [],
    anomalies: [],
    coverage: [],
    sources: [],
    reconciliation: [],
    ...over,
  };
}

describe('partnerSlaModel', () => {
  const at = new Date(Date.UTC(2026, 10, 2, 6, 30));

  it("shows the mart's status and margin as they are, never its own", () => {
    // The value is above the target, yet the mart says breached: the model must not disagree.
    const model = partnerSlaModel(
      data({ scorecard: [kpi({ value: '0.95', status: 'breached', margin: '-0.01' })] }),
      at,
    );
    const [row] = model.scorecard.directions[0]?.families[0]?.rows ?? [];
    expect(row).toMatchObject({
      value: '95.00 %',
      target: '92.10 %',
      status: 'breached',
      margin: '−1.00 pp',
      arrow: '↓',
      arrowClass: 'bad',
    });
    expect([model.scorecard.met, model.scorecard.breached]).toEqual([0, 1]);
  });

  it('groups the scorecard by direction, then family, outbound first as the query orders it', () => {
    const model = partnerSlaModel(
      data({
        scorecard: [
          kpi({}),
          kpi({ family: 'sms', kpi: 'sms_mo_success' }),
          kpi({ direction: 'inbound', status: 'no-target', target: null, margin: null }),
        ],
      }),
      at,
    );
    expect(
      model.scorecard.directions.map((d) => [d.title, d.families.map((f) => f.family)]),
    ).toEqual([
      ["Outbound: our subscribers in Terra <b>Wireless</b>'s network", ['Data', 'SMS']],
      ["Inbound: Terra <b>Wireless</b>'s subscribers in our network", ['Data']],
    ]);
    expect(model.scorecard.directions[1]?.families[0]?.rows[0]?.status).toBe('no target');
  });

  it('marks every section without rows as empty', () => {
    const model = partnerSlaModel(data(), at);
    for (const section of [
      model.scorecard,
      model.breaches,
      model.trends,
      model.latency,
      model.ipx,
      model.iot,
      model.routing,
      model.billing,
      model.usage,
      model.silentRoamers,
      model.anomalies,
      model.coverage,
      model.reconciliation,
      model.appendix,
    ])
      expect(section.empty).toBe(true);
  });

  it('keeps money exact and names its currency', () => {
    const model = partnerSlaModel(
      data({
        usage: [
          {
            direction: 'inbound',
            service: 'voice',
            currency: 'XDR',
            events: '43',
            minutes: '78.35',
            sms: '0',
            data_volume_mb: '0.000000',
            charge: '15.730900',
            scale: 5,
            files: '16',
          },
        ],
      }),
      at,
    );
    expect(model.usage.directions[0]?.rows[0]?.charge).toBe('15.73090 SDR');
  });

  it('counts silent roamers and bursts without any subscriber identifier', () => {
    const model = partnerSlaModel(
      data({
        silentRoamers: [
          {
            month: '2026-10',
            registered_subscribers: '57',
            silent_subscribers: '4',
            silent_share: '0.070175',
          },
        ],
        anomalies: [
          {
            hour: '2026-10-07 15:00',
            direction: 'outbound',
            procedure: 'SendAuthenticationInfo',
            requests: '90',
            devices: '21',
            failure_share: '0.444444',
            baseline_mean: '0',
            baseline_days: '28',
          },
        ],
      }),
      at,
    );
    expect(model.silentRoamers.current).toEqual({ registered: '57', silent: '4', share: '7.0 %' });
    expect([model.anomalies.hours, model.anomalies.requests]).toEqual(['1', '90']);
    expect(JSON.stringify(model)).not.toMatch(/\d{15}/);
  });

  it("sets their measurement beside ours in the mart's order, counting what only we measured", () => {
    const rec = (over: Record<string, unknown>) => ({
      direction: 'outbound',
      kpi: 'gtpv1_pdp_success',
      kpi_name: 'PDP context activation success (GTPv1)',
      unit: 'ratio',
      service: 'all',
      rat: 'all',
      our_value: '0.777778',
      their_value: '0.802778',
      difference: '0.025000',
      tolerance: '0.0050',
      tolerance_kind: 'absolute',
      our_target: '0.9210',
      their_target: '0.9210',
      their_source: 'probe',
      their_file: 'kpi-FRATW-GBRHM-2026-10.json',
      status: 'disagree',
      ...over,
    });
    const model = partnerSlaModel(
      data({
        reconciliation: [
          rec({}),
          rec({
            kpi: 'data_setup_time_p95',
            unit: 'ms',
            our_value: '190.99',
            their_value: '200.5',
            difference: '9.51',
            tolerance: '0.1000',
            tolerance_kind: 'relative',
            our_target: '550.0000',
            their_target: '500.0000',
            status: 'target-differs',
          }),
          rec({
            direction: 'inbound',
            status: 'agree',
            difference: '0.000000',
            their_value: '0.777778',
          }),
          rec({
            kpi: 'voice_mos',
            their_value: null,
            difference: null,
            their_source: null,
            their_file: null,
            status: 'only-ours',
          }),
        ],
      }),
      at,
    );
    const section = model.reconciliation;
    expect([section.disagree, section.targetDiffers, section.agree, section.onlyOurs]).toEqual([
      '1',
      '1',
      '1',
      '1',
    ]);
    expect(section.file).toBe('kpi-FRATW-GBRHM-2026-10.json');
    expect(
      section.rows.map((r) => [
        r.direction,
        r.ours,
        r.theirs,
        r.difference,
        r.tolerance,
        r.status,
        r.statusClass,
      ]),
    ).toEqual([
      ['Outbound', '77.78 %', '80.28 %', '+2.50 pp', '± 0.50 pp', 'disagree', 'bad'],
      ['Outbound', '191.0 ms', '200.5 ms', '+9.5 ms', '± 10 %', 'target differs', 'muted'],
      ['Inbound', '77.78 %', '77.78 %', '±0.00 pp', '± 0.50 pp', 'agree', 'ok'],
    ]);
  });
});
