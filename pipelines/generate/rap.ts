/**
 * RAP files per side and month with anything to return, from the TAP recipient to its sender
 * (RC + sender + recipient): the ones we send partners — missing sequence numbers, the fatal
 * return of a file whose audit totals are wrong, severe returns of single records — and the ones
 * partners send us about our TAP files (severe returns), each with its acknowledgement (AC…).
 *
 * TD.32 / TD.57 error codes are confidential beyond a few public examples; 100 (audit total does
 * not match the records) is the public one, the severe codes below are illustrative.
 */
import path from 'node:path';
import { encodeFile } from '../asn1/index.ts';
import type { Struct } from '../asn1/types.ts';
import { DAY } from './calendar.ts';
import { FileSink } from './csv-writer.ts';
import type { FileEntry } from './manifest.ts';
import type { GenerateOptions } from './options.ts';
import { rngFor } from './prng.ts';
import { dateTimeLong } from './partner-time.ts';
import { sequenceText } from './tap-header.ts';
import type { SideMonthTap, SevereReturn } from './tap-files.ts';
import type { Direction } from './tap-side.ts';
import { HOME } from './world.ts';

const HOUR = 3_600_000;
export const ERROR_CODES = { auditTotalCharge: 100, chargeNotAgreed: 200, duplicate: 201 } as const;
const RECORD_TAGS: Readonly<Record<string, number>> = {
  mobileOriginatedCall: 9,
  mobileTerminatedCall: 10,
  gprsCall: 14,
  mobileSession: 434,
};

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

export interface RapReturn {
  file: string;
  partner: string;
  /** Direction of the returned TAP: outbound = we return the partner's records. */
  direction: Direction;
  /** Month of the returned TAP files. */
  month: string;
  missing: number;
  fatal: number;
  severe: number;
  /** Charge (ChargeType 00) of the severe returns, integer at `scale` decimals. */
  severeCharge: number;
  scale: number;
}

export interface RapOutput {
  files: FileEntry[];
  /** RAP files written, with what they return. */
  returns: RapReturn[];
}

/** Whole seconds: RAP states its times to the second. */
const seconds = (t: number) => Math.floor(t / 1000) * 1000;

export function writeRapFiles(o: GenerateOptions, tap: readonly SideMonthTap[]): RapOutput {
  const out: RapOutput = { files: [], returns: [] };
  const sequences = new Map<string, number>();
  for (const pm of tap) {
    const side = pm.side;
    const p = side.partner;
    if (pm.severe.length === 0 && pm.fatal === null && pm.missing === null) continue;
    const outbound = side.direction === 'outbound';
    // The RAP sender is the TAP recipient (the subscribers' home network), on its own clock.
    const sender = outbound ? HOME : p;
    const recipient = outbound ? p : HOME;
    const suffix = outbound ? '' : '-inbound';
    const rng = rngFor(o.seed, `rap${suffix}`, p.tadig, pm.month.key);
    const pair = `${side.recipient}>${side.sender}`;
    const sequence =
      sequences.get(pair) ?? 1 + rngFor(o.seed, `rap-start${suffix}`, p.tadig).int(400);
    sequences.set(pair, sequence + 1);
    const created = seconds(
      Math.max(pm.lastAvailable, pm.month.end) + 2 * DAY + rng.range(7, 17) * HOUR + rng.int(HOUR),
    );
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
      sender: side.recipient,
      recipient: side.sender,
      rapFileSequenceNumber: sequenceText(sequence),
      rapFileCreationTimeStamp: dateTimeLong(sender, created),
      rapFileAvailableTimeStamp: dateTimeLong(sender, created + rng.range(5, 40) * 60_000),
      specificationVersionNumber: 3,
      releaseVersionNumber: side.release,
      rapSpecificationVersionNumber: 1,
      rapReleaseVersionNumber: 5,
      tapDecimalPlaces: side.tapDecimalPlaces,
    };
    if (side.tapCurrency !== 'SDR') info.tapCurrency = side.tapCurrency;
    const audit: Struct = {
      totalSevereReturnValue: pm.severe.reduce((s, r) => s + r.event.charge, 0),
      returnDetailsCount: details.length,
    };
    if (side.taxRate !== null)
      audit.totalSevereReturnTax = pm.severe.reduce((s, r) => s + r.event.tax, 0);
    const name = `RC${side.recipient}${side.sender}${sequenceText(sequence)}`;
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
      direction: side.direction,
      month: pm.month.key,
      missing: pm.missing === null ? 0 : 1,
      fatal: pm.fatal === null ? 0 : 1,
      severe: pm.severe.length,
      severeCharge: audit.totalSevereReturnValue as number,
      scale: side.tapDecimalPlaces,
    });
    const acked = created + rng.range(20, 40) * HOUR;
    const ack = `AC${side.sender}${side.recipient}${sequenceText(sequence)}`;
    write(
      o,
      ack,
      encodeFile('RAP-1.05', {
        acknowledgement: {
          sender: side.sender,
          recipient: side.recipient,
          rapFileSequenceNumber: sequenceText(sequence),
          ackFileCreationTimeStamp: dateTimeLong(recipient, acked),
          ackFileAvailableTimeStamp: dateTimeLong(recipient, acked + 15 * 60_000),
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
