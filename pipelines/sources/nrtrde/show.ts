/** How `roam decode` shows an NRTRDE file: each event in one line. */
import { orDash, type ItemShower } from '../shared/ber.ts';
import type { HeaderItem } from '../shared/items.ts';
import { createNrtrdeNormaliser } from './normalise.ts';
import { createNrtrdeValidator } from './validate.ts';

export function nrtrdeShower(file: string, header: HeaderItem): ItemShower {
  const normaliser = createNrtrdeNormaliser(file, header);
  const validator = createNrtrdeValidator(file, header);
  return {
    summary: normaliser.file,
    records: true,
    headerFindings: [...validator.headerFindings],
    record(item) {
      const e = normaliser.record(item);
      const line = `#${item.index} ${e.eventType} ${orDash(e.startLocal)} ${orDash(e.startUtcOffset)} ${orDash(e.durationSeconds)} s imsi ${orDash(e.imsi)} charge ${orDash(e.chargeAmount)}`;
      return { rows: e, findings: validator.record(item), line };
    },
    finish: (trailer) => ({
      audit: trailer === undefined ? null : normaliser.finish(trailer),
      findings: validator.finish(trailer),
    }),
  };
}
