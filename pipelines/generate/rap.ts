/**
 * RAP files we send back to partners (RC…): per partner and month with anything to return —
 * missing sequence numbers, the fatal return of a file whose audit totals are wrong, severe returns
 * of single records — and the partner's acknowledgement of each (AC…).
 *
 * TD.32 / TD.57 error codes are confidential beyond a few public examples; 100 (audit total does
 * not match the records) is the public one, the severe codes below are illustrative.
 */
import path from 'node:path';
import { encodeFile } from '../asn1/index.ts';
import type { Struct } from '../asn1/types.ts';
import { DAY, localStamp, offsetAt, offsetText } from './calendar.ts';
import { FileSink } from './csv-writer.ts';
import type { FileEntry } from './manifest.ts';
import type { GenerateOptions } from './options.ts';
import { rngFor } from './prng.ts';
import { dateTimeLong } from './partner-time.ts';
import { sequenceText } from './tap-header.ts';
import type { PartnerMonthTap, SevereReturn } from './tap-files.ts';
import { HOME } from './world.ts';

const HOUR = 3_600_000;
export const ERROR_CODES = { auditTotalCharge: 100, chargeNotAgreed: 200, duplicate: 201 } as const;
const RECORD_TAGS: Readonly<Record<string, number>> = {
  mobileOriginatedCall: 9,
  mobileTerminatedCall: 10,
  gprsCall: 14,
  mobileSession: 434,
};

/** Our wall clock (the home network is in the United Kingdom). */
function homeTime(t: number): Struct {
  const minutes = offsetAt(t, 0, 'eu');
  return { localTimeStamp: localStamp(t, minutes), utcTimeOffset: offsetText(minutes) };
}

function severe(r: SevereReturn): Struct {
  const kind = Object.keys(r.record)[0] ?? '';
  return {
    severeReturn: {
      fileSequenceNumber: r.fileSequence,
      callEventDetail: r.record,
      errorDetail: [
        {
          errorContext: [
            { pathItemId: 3, itemLevel: 1 },
            { pathItemId: RECORD_TAGS[kind] ?? 0, itemLevel: 2 },
          ],
          errorCode: r.reason === 'duplicate' ? ERROR_CODES.duplicate : ERROR_CODES.chargeNotAgreed,
        },
      ],
    },
  };
}

export interface RapOutput {
  files: FileEntry[];
  /** RAP files written, with what they return. */
  returns: {
    file: string;
    partner: string;
    month: string;
    missing: number;
    fatal: number;
    severe: number;
  }[];
}

export function writeRapFiles(o: GenerateOptions, tap: readonly PartnerMonthTap[]): RapOutput {
  const out: RapOutput = { files: [], returns: [] };
  const sequences = new Map<string, number>();
  for (const pm of tap) {
    const p = pm.partner;
    if (pm.severe.length === 0 && pm.fatal === null && pm.missing === null) continue;
    const rng = rngFor(o.seed, 'rap', p.tadig, pm.month.key);
    const sequence = sequences.get(p.tadig) ?? 1 + rngFor(o.seed, 'rap-start', p.tadig).int(400);
    sequences.set(p.tadig, sequence + 1);
    const created = Math.max(pm.lastAvailable, pm.month.end) + 2 * DAY + rng.range(7, 17) * HOUR;
    const details: Struct[] = [];
    if (pm.missing !== null)
      details.push({
        missingReturn: { startMissingSeqNumber: pm.missing, endMissingSeqNumber: pm.missing },
      });
    if (pm.fatal !== null) {
      details.push({
        fatalReturn: {
          fileSequenceNumber: pm.fatal.fileSequence,
          auditControlInfoError: {
            auditControlInfo: pm.fatal.audit,
            errorDetail: [
              {
                errorContext: [
                  { pathItemId: 15, itemLevel: 1 },
                  { pathItemId: 415, itemLevel: 2 },
                ],
                errorCode: ERROR_CODES.auditTotalCharge,
              },
            ],
          },
        },
      });
    }
    details.push(...pm.severe.map(severe));
    const info: Struct = {
      sender: HOME.tadig,
      recipient: p.tadig,
      rapFileSequenceNumber: sequenceText(sequence),
      rapFileCreationTimeStamp: homeTime(created),
      rapFileAvailableTimeStamp: homeTime(created + rng.range(5, 40) * 60_000),
      specificationVersionNumber: 3,
      releaseVersionNumber: p.release,
      rapSpecificationVersionNumber: 1,
      rapReleaseVersionNumber: 5,
      tapDecimalPlaces: p.tapDecimalPlaces,
    };
    if (p.tapCurrency !== 'SDR') info.tapCurrency = p.tapCurrency;
    const audit: Struct = {
      totalSevereReturnValue: pm.severe.reduce((s, r) => s + r.event.charge, 0),
      returnDetailsCount: details.length,
    };
    if (p.taxRate !== null)
      audit.totalSevereReturnTax = pm.severe.reduce((s, r) => s + r.event.tax, 0);
    const name = `RC${HOME.tadig}${p.tadig}${sequenceText(sequence)}`;
    write(
      o,
      name,
      encodeFile('RAP-1.05', {
        returnBatch: {
          rapBatchControlInfoRap: info,
          returnDetails: details,
          rapAuditControlInfo: audit,
        },
      }),
    );
    out.files.push({ path: `rap/${name}`, kind: 'rap-return-batch', rows: details.length });
    out.returns.push({
      file: name,
      partner: p.tadig,
      month: pm.month.key,
      missing: pm.missing === null ? 0 : 1,
      fatal: pm.fatal === null ? 0 : 1,
      severe: pm.severe.length,
    });
    const acked = created + rng.range(20, 40) * HOUR;
    const ack = `AC${p.tadig}${HOME.tadig}${sequenceText(sequence)}`;
    write(
      o,
      ack,
      encodeFile('RAP-1.05', {
        acknowledgement: {
          sender: p.tadig,
          recipient: HOME.tadig,
          rapFileSequenceNumber: sequenceText(sequence),
          ackFileCreationTimeStamp: dateTimeLong(p, acked),
          ackFileAvailableTimeStamp: dateTimeLong(p, acked + 15 * 60_000),
        },
      }),
    );
    out.files.push({ path: `rap/${ack}`, kind: 'rap-acknowledgement', rows: 0 });
  }
  return out;
}

function write(o: GenerateOptions, name: string, bytes: Uint8Array): void {
  const sink = new FileSink(path.join(o.out, 'rap', name));
  sink.binary(bytes);
  sink.close();
}
