/**
 * Streaming TD.57-style validation of TAP files with the TAP rules (rules.ts): `tapChecker(ctx,
 * header)` (its `headerFindings` are known at once), then `.record(record)` for each call event
 * read once (record.ts; returns that record's findings), then `.finish(trailer)` (returns the
 * audit's findings). Totals are accumulated as records pass; nothing is kept per record, and no
 * finding is kept once handed out. read.ts runs it beside the normaliser; `createValidator` reads
 * each record itself, for a validator alone.
 */
import type { DecodeItem } from '../../asn1/types.ts';
import type { HeaderItem, TrailerItem } from '../shared/items.ts';
import { check, findingsOf, rulesOf, type FileValidator, type Finding } from '../shared/rules.ts';
import { asStruct, indexFields, type FieldVisit } from '../shared/value.ts';
import { batchControlOf, tapAuditOf, tapContext, type TapFileContext } from './context.ts';
import { fieldIndexer, type FieldIndexer } from './field-index.ts';
import { readTapRecord, type TapRecord } from './record.ts';
import { RECORD_FIELDS, RECORD_RULES } from './rules-record.ts';
import { TAP_RULES, type TapRule } from './rules.ts';
import { accumulate, emptyTotals } from './totals.ts';

export type { Finding } from '../shared/rules.ts';
export { TAP_RULES, type TapRule } from './rules.ts';

/** A TAP file's validator over records read once. */
export interface TapChecker {
  readonly headerFindings: readonly Finding[];
  record(record: TapRecord): Finding[];
  /** The trailer's findings only (the audit, and what needs every record seen). */
  finish(trailer?: TrailerItem): Finding[];
}

export function tapChecker(
  ctx: TapFileContext,
  header: HeaderItem,
  rules: readonly TapRule[] = TAP_RULES,
): TapChecker {
  const { file } = ctx;
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
    record({ index, kind, body, blocks, start }) {
      accumulate(totals, blocks, start.utc);
      const indexer = indexerOf(kind);
      if (indexer === null) indexFields(body, kind, only, fields);
      else indexer(body, kind, fields);
      const view = { ctx, kind, fields, blocks };
      let found: Finding[] | undefined;
      for (const rule of recordRules) {
        const issues = rule.check(view);
        if (issues.length > 0) (found ??= []).push(...findingsOf(file, index, rule, issues));
      }
      return found ?? [];
    },
    finish(trailer) {
      const view = { ctx, header, batch, audit: tapAuditOf(header, trailer), totals };
      return rulesOf('trailer', rules).flatMap((r) => check(file, null, r, view));
    },
  };
}

/** A validator alone: it reads each record itself. */
export function createValidator(
  file: string,
  header: HeaderItem,
  rules: readonly TapRule[] = TAP_RULES,
): FileValidator {
  const ctx = tapContext(file, header);
  const checker = tapChecker(ctx, header, rules);
  return {
    headerFindings: checker.headerFindings,
    record: (item) => checker.record(readTapRecord(ctx, item)),
    finish: (trailer) => checker.finish(trailer),
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
