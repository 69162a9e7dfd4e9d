/** How `roam decode` shows a TAP file: each call event in one line, read once (read.ts). */
import { orDash, type ItemShower } from '../shared/ber.ts';
import type { HeaderItem } from '../shared/items.ts';
import { formatAmount } from './money.ts';
import { readTapFile } from './read.ts';

export function tapShower(file: string, header: HeaderItem): ItemShower {
  const reader = readTapFile(file, header);
  const { tapDecimalPlaces, tapCurrency } = reader.context;
  const money = (v: bigint): string => `${formatAmount(v, tapDecimalPlaces)} ${tapCurrency}`;
  return {
    summary: reader.file,
    records: header.kind === 'tap-batch',
    headerFindings: [...reader.headerFindings],
    record(item) {
      const { rows, findings } = reader.record(item);
      const e = rows.event;
      const what =
        e.eventType === 'gprs'
          ? `apn ${orDash(e.apnNi)} in ${orDash(e.dataVolumeIncoming)} out ${orDash(e.dataVolumeOutgoing)}`
          : `to ${orDash(e.calledNumber ?? e.callingNumber)}`;
      const line =
        `#${item.index} ${e.eventType} ${orDash(e.startLocal)} ${orDash(e.startUtcOffset)}` +
        ` ${orDash(e.durationSeconds)} s imsi ${orDash(e.imsi)} ${what} charge ${money(e.totalCharge)}`;
      return { rows, findings, line };
    },
    finish(trailer) {
      const audit = trailer === undefined ? null : reader.audit(trailer);
      return { audit, findings: reader.finish(trailer) };
    },
  };
}
