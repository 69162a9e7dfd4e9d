/**
 * One probe xDR row as a CSV line, in the column order of pipelines/sources/probes/raw-schema.ts (with or
 * without partner_tadig): result code from the partner's failure mix, lognormal latency, RAT type,
 * routing and APN, and what attributes the row to a partner when the export names none — the
 * serving node's Global Title (MAP, GTPv1) and the Diameter Origin-Realm.
 */
import { csvField } from './csv-writer.ts';
import { CsvTime } from './calendar.ts';
import type { Rng } from './prng.ts';
import { WeightedPicker } from './prng.ts';
import type { RoutingMix } from './stories.ts';
import { homeImsi, isIot, partnerImsi } from './subscribers.ts';
import { INBOUND_IOT_SHARE } from './tap-side.ts';
import { ROUTING_DELAY, type Procedure } from './xdr-codes.ts';
import { HOME, type Partner } from './world.ts';

export interface XdrEvent {
  t: number;
  /** The partner, or the non-partner network of an unattributed row. */
  partner: Partner;
  outbound: boolean;
  proc: Procedure;
  /** Subscriber pool index. */
  sub: number;
  /** A result decided by a story: undefined = draw it, null = MAP success. */
  result?: number | null;
  /** A network we have no agreement with: the row names no partner. */
  stranger?: boolean;
}

/** What a row says, beyond its text, for the manifest's tallies. */
export interface XdrRow {
  line: string;
  result: number | null;
  /** Latency as written (one decimal), null when the request got no answer. */
  latency: number | null;
  routing: string;
}

/** Decides a failure by quota so that a planted rate holds exactly, whatever the volume. */
export class Quota {
  attempts = 0;
  failures = 0;
  constructor(readonly rate: number) {}
  fail(): boolean {
    this.attempts += 1;
    const due = Math.floor(this.attempts * this.rate) > this.failures;
    if (due) this.failures += 1;
    return due;
  }
}

const pickers = new WeakMap<readonly (readonly [number, number])[], WeightedPicker<number>>();
export function pickCode(rng: Rng, codes: readonly (readonly [number, number])[]): number {
  let picker = pickers.get(codes);
  if (picker === undefined) {
    picker = new WeightedPicker(codes);
    pickers.set(codes, picker);
  }
  return picker.pick(rng);
}

function drawResult(rng: Rng, e: XdrEvent, iot: boolean): number | null {
  const { proc, partner } = e;
  const x = rng.float();
  const tech = partner.technicalFailure;
  const policy = partner.policyFailure * proc.policyFactor * (iot ? 1.5 : 1);
  if (x < tech) return pickCode(rng, proc.technical);
  if (x < tech + policy) return pickCode(rng, proc.policy);
  return proc.success;
}

function ratType(rng: Rng, proc: Procedure, iot: boolean): string {
  if (proc.family === 'map' || proc.interface === 'GTPv1')
    return rng.chance(0.7) ? 'UTRAN' : 'GERAN';
  if (iot) return rng.chance(0.55) ? 'NB-IoT' : 'LTE-M';
  return rng.chance(0.88) ? 'EUTRAN' : 'NR';
}

function routingOf(rng: Rng, mix: RoutingMix): string {
  const x = rng.float();
  if (x < mix.local) return 'local-breakout';
  if (x < mix.local + mix.regional) return 'regional-breakout';
  return 'home-routed';
}

function apnOf(rng: Rng, e: XdrEvent, iot: boolean): string {
  if (iot) return e.outbound ? 'iot.harbour' : `m2m.${e.partner.apn}`;
  const x = rng.float();
  if (e.proc.interface === 'GTPv2' && x < 0.15) return 'ims';
  if (x > 0.96) return e.outbound ? 'mms.harbour' : `mms.${e.partner.apn}`;
  return e.outbound ? 'internet' : e.partner.apn;
}

/**
 * The serving node (MSC/VLR or SGSN) of the visited network: the partner's for our roamers, ours
 * for its roamers. A subscriber stays on one of four nodes; MAP SAI comes from the VLR or the SGSN.
 */
function servingNode(e: XdrEvent): string {
  const { proc, partner, sub } = e;
  const visited = e.outbound ? partner : HOME;
  const sgsn =
    proc.interface === 'GTPv1' ||
    proc.name === 'UpdateGprsLocation' ||
    (proc.name === 'SendAuthenticationInfo' && sub % 3 === 0);
  const node = 1 + ((sub * 7 + partner.index) % 4);
  return `${sgsn ? visited.sgsnGt : visited.mscGt}${String(node).padStart(4, '0')}`;
}

export class XdrRows {
  private readonly time = new CsvTime();
  constructor(private readonly rng: Rng) {}

  /** The CSV line of an event, with or without the partner_tadig column. */
  line(e: XdrEvent, withPartner: boolean, mix: RoutingMix): XdrRow {
    const rng = this.rng;
    const { partner, proc } = e;
    const iot = e.outbound ? isIot(e.sub, partner.iotShare) : isIot(e.sub, INBOUND_IOT_SHARE);
    const imsi = e.outbound ? homeImsi(partner, e.sub) : partnerImsi(partner, e.sub);
    const result = e.result !== undefined ? e.result : drawResult(rng, e, iot);
    let routing = '';
    let apn = '';
    let median = proc.medianMs * partner.latency;
    if (proc.session) {
      routing = routingOf(rng, mix);
      apn = apnOf(rng, e, iot);
      const delay = ROUTING_DELAY[routing]!;
      median = median * delay.factor + delay.addMs * partner.latency;
    }
    if (iot) median *= 1.4;
    const failed = result !== proc.success;
    const latency =
      result === -1 ? '' : rng.lognormal(failed ? median * 1.8 : median, 0.45).toFixed(1);
    const gt = proc.family === 'map' || proc.interface === 'GTPv1' ? servingNode(e) : '';
    const realm = proc.interface === 'Diameter' ? (e.outbound ? partner.realm : HOME.realm) : '';
    const tadig = withPartner ? `${e.stranger === true ? '' : partner.tadig},` : '';
    const line =
      `${this.time.format(e.t)},${tadig}${e.outbound ? 'outbound' : 'inbound'},` +
      `${proc.interface},${proc.name},${imsi},${result ?? ''},${latency},` +
      `${ratType(rng, proc, iot)},${routing},${csvField(apn)},${gt},${realm}`;
    return { line, result, latency: latency === '' ? null : Number(latency), routing };
  }
}
