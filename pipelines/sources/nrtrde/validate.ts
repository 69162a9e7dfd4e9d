/**
 * Streaming NRTRDE validation with the NRTRDE rules of the table (nrtrde/rules.ts): header
 * findings at once, `.record(item)` returns that event's findings, `.finish(trailer)` the count's.
 * Only the event count is kept between records.
 */
import type { HeaderItem } from '../shared/items.ts';
import { check, rulesOf, type FileValidator } from '../shared/rules.ts';
import { asStruct, choiceOf } from '../shared/value.ts';
import { nrtrdeCountOf, nrtrdeGroup } from './normalise.ts';
import { NRTRDE_RULES } from './rules.ts';

export function createNrtrdeValidator(file: string, header: HeaderItem): FileValidator {
  const headerView = { group: nrtrdeGroup(header) };
  const headerFindings = rulesOf('nrtrde-header', NRTRDE_RULES).flatMap((r) =>
    check(file, null, r, headerView),
  );
  const recordRules = rulesOf('nrtrde-record', NRTRDE_RULES);
  let events = 0;
  return {
    headerFindings,
    record(item) {
      events += 1;
      const [kind, value] = choiceOf(item.value) ?? ['unknown', {}];
      const view = { kind, body: asStruct(value) ?? {} };
      return recordRules.flatMap((r) => check(file, item.index, r, view));
    },
    finish(trailer) {
      const view = { count: nrtrdeCountOf(header, trailer), events };
      return rulesOf('nrtrde-trailer', NRTRDE_RULES).flatMap((r) => check(file, null, r, view));
    },
  };
}
