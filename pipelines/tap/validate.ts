/**
 * Streaming TD.57-style validation: `createValidator(file, header)`, then `.record(item)` for each
 * call event (returns that record's findings), then `.finish(trailer)` (returns every finding of
 * the file, audit included). Totals are accumulated as records pass; nothing is kept per record.
 */
import type { DecodeItem } from '../asn1/types.ts';
import { chargeBlocks } from './charges.ts';
import {
  batchControlOf,
  tapContext,
  type HeaderItem,
  type RecordItem,
  type TrailerItem,
} from './context.ts';
import { eventStart } from './event-row.ts';
import { fieldIndexer, type FieldIndexer } from './field-index.ts';
import { recordKind } from './events.ts';
import { accumulate, emptyTotals } from './rule-checks.ts';
import { RULES, type Finding, type Issue, type Rule } from './rules.ts';
import { RECORD_FIELDS, RECORD_RULES } from './rules-record.ts';
import { asStruct, indexFields, type FieldVisit } from './value.ts';

export type { Finding, Rule } from './rules.ts';
export { RULES } from './rules.ts';

export interface Validator {
  /** Findings about the header, known as soon as the validator exists. */
  readonly headerFindings: readonly Finding[];
  record(item: RecordItem): Finding[];
  /** Audit findings are computed here; returns all findings of the file in order. */
  finish(trailer?: TrailerItem): Finding[];
}

type Scoped<S extends Rule['scope']> = Extract<Rule, { scope: S }>;
const rulesOf = <S extends Rule['scope']>(scope: S): Scoped<S>[] =>
  RULES.filter((r): r is Scoped<S> => r.scope === scope);

function findings(
  file: string,
  recordIndex: number | null,
  rule: Rule,
  issues: Issue[],
): Finding[] {
  return issues.map((issue) => ({
    file,
    recordIndex,
    itemPath: issue.itemPath,
    rule: rule.id,
    severity: rule.severity,
    message: issue.message,
  }));
}

export function createValidator(
  file: string,
  header: HeaderItem,
  rules: readonly Rule[] = RULES,
): Validator {
  const active = new Set(rules);
  const use = <S extends Rule['scope']>(scope: S): Scoped<S>[] =>
    rulesOf(scope).filter((r) => active.has(r));
  const ctx = tapContext(file, header);
  const batch = header.kind === 'tap-batch';
  const bci = batch ? asStruct(header.groups.batchControlInfo) : batchControlOf(header);
  const headerFindings = use('header').flatMap((rule) =>
    findings(file, null, rule, rule.check({ header, ctx, batch, bci })),
  );
  const all: Finding[] = [...headerFindings];
  const totals = emptyTotals();
  const recordRules = use('record');
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
      const found: Finding[] = [];
      for (const rule of recordRules) {
        const issues = rule.check(view);
        if (issues.length === 0) continue;
        for (const f of findings(file, item.index, rule, issues)) {
          found.push(f);
          all.push(f);
        }
      }
      return found;
    },
    finish(trailer) {
      const audit = asStruct(trailer?.groups.auditControlInfo);
      const view = { ctx, header, batch, audit, totals };
      all.push(...use('trailer').flatMap((rule) => findings(file, null, rule, rule.check(view))));
      return all;
    },
  };
}

/** Validates a whole decoded TAP file; [] when it has no header. */
export function validateTapFile(file: string, items: Iterable<DecodeItem>): Finding[] {
  let validator: Validator | undefined;
  let trailer: TrailerItem | undefined;
  for (const item of items) {
    if (item.type === 'header') validator = createValidator(file, item);
    else if (item.type === 'record') validator?.record(item);
    else if (item.type === 'trailer') trailer = item;
  }
  return validator?.finish(trailer) ?? [];
}
