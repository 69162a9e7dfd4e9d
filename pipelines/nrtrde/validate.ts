/**
 * Streaming NRTRDE validation with the NRTRDE rules of the table (nrtrde/rules.ts): header
 * findings at once, `.record(item)` returns that event's findings, `.finish(trailer)` the count's.
 * Only the event count is kept between records.
 */
import type { HeaderItem } from '../tap/context.ts';
import { check, rulesOf, type FileValidator } from '../tap/rules.ts';
import { asStruct, choiceOf } from '../tap/value.ts';
import { nrtrdeCountOf, nrtrdeGroup } from './normalise.ts';

export function createNrtrdeValidator(file: string, header: HeaderItem): FileValidator {
  const headerView = { group: nrtrdeGroup(header) };
  const headerFindings = rulesOf('nrtrde-header').flatMap((r) => check(file, null, r, headerView));
  const recordRules = rulesOf('nrtrde-record');
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
      return rulesOf('nrtrde-trailer').flatMap((r) => check(file, null, r, view));
    },
  };
}
