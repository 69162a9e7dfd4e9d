/**
 * Streaming RAP validation with the RAP rules of the table (rap/rules.ts): header findings at once,
 * `.record(item)` returns that return detail's findings, `.finish(trailer)` the audit's. Only the
 * totals are kept between records.
 */
import type { HeaderItem } from '../shared/items.ts';
import { check, rulesOf, type FileValidator } from '../shared/rules.ts';
import { asStruct, choiceOf } from '../shared/value.ts';
import { rapAuditOf, returnedCall } from './normalise.ts';
import { RAP_RULES, type RapTotals } from './rules.ts';

export function createRapValidator(file: string, header: HeaderItem): FileValidator {
  const ack = header.kind === 'rap-acknowledgement';
  const bci = ack ? header.groups : asStruct(header.groups.rapBatchControlInfoRap);
  const headerView = { ack, bci };
  const headerFindings = rulesOf('rap-header', RAP_RULES).flatMap((r) =>
    check(file, null, r, headerView),
  );
  const recordRules = rulesOf('rap-record', RAP_RULES);
  const totals: RapTotals = { returns: 0, severeValue: 0n, severeTax: 0n };
  return {
    headerFindings,
    record(item) {
      totals.returns += 1;
      const [kind, detail] = choiceOf(item.value) ?? ['unknown', {}];
      const body = asStruct(detail) ?? {};
      const returned = asStruct(body.callEventDetail);
      if (kind === 'severeReturn' && returned !== undefined) {
        const call = returnedCall(returned);
        totals.severeValue += call.charge;
        totals.severeTax += call.tax;
      }
      const view = { kind, body };
      return recordRules.flatMap((r) => check(file, item.index, r, view));
    },
    finish(trailer) {
      const view = { ack, audit: rapAuditOf(header, trailer), totals };
      return rulesOf('rap-trailer', RAP_RULES).flatMap((r) => check(file, null, r, view));
    },
  };
}
