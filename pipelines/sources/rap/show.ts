/** How `roam decode` shows a RAP file: each return detail in one line. */
import { orDash, type ItemShower } from '../shared/ber.ts';
import type { HeaderItem } from '../shared/items.ts';
import { formatAmount } from '../tap/money.ts';
import { createRapNormaliser, rapAuditOf } from './normalise.ts';
import { createRapValidator } from './validate.ts';

export function rapShower(file: string, header: HeaderItem): ItemShower {
  const normaliser = createRapNormaliser(file, header);
  const validator = createRapValidator(file, header);
  return {
    summary: normaliser.file,
    records: header.kind === 'rap-return-batch',
    headerFindings: [...validator.headerFindings],
    record(item) {
      const rows = normaliser.record(item);
      const r = rows.row;
      const seq =
        r.kind === 'missing'
          ? `${orDash(r.startMissingSeqNumber)}..${orDash(r.endMissingSeqNumber)}`
          : orDash(r.fileSequenceNumber ?? r.lastSeqNumber);
      const charge =
        r.returnedCharge === null
          ? ''
          : ` charge ${formatAmount(r.returnedCharge, r.scale)} ${r.currency}`;
      const line = `#${item.index} ${r.kind} ${seq} errors ${r.errorCodes.join(',') || '-'}${charge}`;
      return { rows, findings: validator.record(item), line };
    },
    finish: (trailer) => ({
      audit:
        trailer === undefined || rapAuditOf(header, trailer) === undefined
          ? null
          : normaliser.audit(trailer),
      findings: validator.finish(trailer),
    }),
  };
}
