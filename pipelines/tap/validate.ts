/**
 * Streaming TD.57-style validation: `createValidator(file, header)` (its `headerFindings` are known
 * at once), then `.record(item)` for each call event (returns that record's findings), then
 * `.finish(trailer)` (returns the audit's findings). Totals are accumulated as records pass;
 * nothing is kept per record, and no finding is kept once handed out.
 */
import type { DecodeItem } from '../asn1/types.ts';
import { chargeBlocks } from './charges.ts';
import {
  batchControlOf,
  tapAuditOf,
  tapContext,
  type HeaderItem,
  type TrailerItem,
} from './context.ts';
import { eventStart } from './event-row.ts';
import { fieldIndexer, type FieldIndexer } from './field-index.ts';
import { recordKind } from './events.ts';
import { accumulate, emptyTotals } from './rule-checks.ts';
import {
  check,
  findingsOf,
  RULES,
  rulesOf,
  type FileValidator,
  type Finding,
  type Rule,
} from './rules.ts';
import { RECORD_FIELDS, RECORD_RULES } from './rules-record.ts';
import { asStruct, indexFields, type FieldVisit } from './value.ts';

export type { Finding, Rule } from './rules.ts';
export { RULES } from './rules.ts';

export function createValidator(
  file: string,
  header: HeaderItem,
  rules: readonly Rule[] = RULES,
): FileValidator {
  const ctx = tapContext(file, header);
  const batch = header.kind === 'tap-batch';
  const bci = batch ? asStruct(header.groups.batchControlInfo) : batchControlOf(header);
  const headerView = { header, ctx, batch, bci };
  const headerFindings = rulesOf('header', rules).flatMap((r) => check(file, null, r, headerView));
  const totals = emptyTotals();
  const recordRules = rulesOf('record', rules);
  // The built-in record rules read a known set of field names; other rules get the full index.
  const only = recordRules.every((r) => RECORD_RULES.includes(r)) ? RECORD_FIELDS : undefined;
  // The record's fields, indexed anew for each record in the same map, by code generated for its
  // kind when the schema knows it.
  const fields = new Map<string, FieldVisit[]>();
  const indexers = new Map<string, FieldIndexer | null>();
  const indexerOf = (kind: string): FieldIndexer | null => {
    let indexer = indexers.get(kind);
    if (indexer === undefined) {
      indexer =
        only === undefined || ctx.module === null ? null : fieldIndexer(ctx.module, kind, only);
      indexers.set(kind, indexer);
    }
    return indexer;
  };

  return {
    headerFindings,
    record(item) {
      const [kind, body] = recordKind(item.value);
      const blocks = chargeBlocks(kind, body);
      const start = eventStart(ctx, kind, body).utc;
      accumulate(totals, blocks, start);
      const indexer = indexerOf(kind);
      if (indexer === null) indexFields(body, kind, only, fields);
      else indexer(body, kind, fields);
      const view = { ctx, kind, fields, blocks };
      let found: Finding[] | undefined;
      for (const rule of recordRules) {
        const issues = rule.check(view);
        if (issues.length > 0) (found ??= []).push(...findingsOf(file, item.index, rule, issues));
      }
      return found ?? [];
    },
    finish(trailer) {
      const view = { ctx, header, batch, audit: tapAuditOf(header, trailer), totals };
      return rulesOf('trailer', rules).flatMap((r) => check(file, null, r, view));
    },
  };
}

/** Validates a whole decoded TAP file: all its findings in file order; [] when it has no header. */
export function validateTapFile(file: string, items: Iterable<DecodeItem>): Finding[] {
  let validator: FileValidator | undefined;
  let trailer: TrailerItem | undefined;
  const all: Finding[] = [];
  for (const item of items) {
    if (item.type === 'header') {
      validator = createValidator(file, item);
      all.push(...validator.headerFindings);
    } else if (item.type === 'record' && validator !== undefined)
      all.push(...validator.record(item));
    else if (item.type === 'trailer') trailer = item;
  }
  if (validator !== undefined) all.push(...validator.finish(trailer));
  return all;
}
