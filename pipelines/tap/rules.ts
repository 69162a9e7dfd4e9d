/**
 * The validation rules of TAP (TD.57 style), RAP (TD.32) and NRTRDE (TD.35), as one table. Each rule
 * has an id, a severity, a description and a check over one view of a file: its header (once), a
 * record (each call event, return detail or NRTRDE event), or its trailer (once, with the totals
 * accumulated from the records). The scope says which: `header`, `record`, `trailer` for TAP,
 * `rap-…` and `nrtrde-…` for the others. validate.ts runs the TAP rules, rap/validate.ts and
 * nrtrde/validate.ts the others.
 *
 * Severities follow TD.57 where it is known: header and audit errors reject the whole file (fatal),
 * record errors reject the record (severe). Earliest / latest call timestamp mismatches are kept as
 * warnings (TD.57 severity not confirmed from public sources). RAP and NRTRDE: see their rules.
 */
import type { Struct } from '../asn1/types.ts';
import type { ChargeBlock } from './charges.ts';
import type { HeaderItem, RecordItem, TapFileContext, TrailerItem } from './context.ts';
import type { Totals } from './rule-checks.ts';
import { NRTRDE_RULES, type NrtrdeViews } from '../nrtrde/rules.ts';
import { RAP_RULES, type RapViews } from '../rap/rules.ts';
import { AUDIT_RULES } from './rules-audit.ts';
import { HEADER_RULES } from './rules-header.ts';
import { RECORD_RULES } from './rules-record.ts';
import type { FieldVisit } from './value.ts';

export type Severity = 'fatal' | 'severe' | 'warning';

export interface Finding {
  file: string;
  /** The record's index, or null for a file-level finding. */
  recordIndex: number | null;
  itemPath: string;
  rule: string;
  severity: Severity;
  message: string;
}

/**
 * A file's validator (TAP, RAP or NRTRDE): the header's findings at once, each record's as it
 * passes, the trailer's (audit) at the end. It keeps no finding: each is handed out once.
 */
export interface FileValidator {
  readonly headerFindings: readonly Finding[];
  record(item: RecordItem): Finding[];
  /** The trailer's findings only (the audit, and what needs every record seen). */
  finish(trailer?: TrailerItem): Finding[];
}

export interface Issue {
  itemPath: string;
  message: string;
}

export interface HeaderView {
  header: HeaderItem;
  ctx: TapFileContext;
  /** A transfer batch (not a notification). */
  batch: boolean;
  bci: Struct | undefined;
}

export interface RecordView {
  ctx: TapFileContext;
  kind: string;
  /**
   * Every field of the record the rules read, by name (field-index.ts, or value.ts indexFields for
   * custom rules). Valid during the check only: the validator refills it for the next record.
   */
  fields: Map<string, FieldVisit[]>;
  blocks: ChargeBlock[];
}

export interface TrailerView {
  ctx: TapFileContext;
  header: HeaderItem;
  batch: boolean;
  audit: Struct | undefined;
  totals: Totals;
}

interface RuleBase {
  id: string;
  severity: Severity;
  description: string;
}

/** The view each scope's check reads. */
interface Views extends RapViews, NrtrdeViews {
  header: HeaderView;
  record: RecordView;
  trailer: TrailerView;
}

type Scope = keyof Views;

export type Rule = {
  [S in Scope]: RuleBase & { scope: S; check: (view: Views[S]) => Issue[] };
}[Scope];

/** A rule of one scope. */
export type ScopedRule<S extends Scope> = Extract<Rule, { scope: S }>;

/**
 * The table: every rule; TAP's header rules first, then its record rules, then its audit rules;
 * then RAP's and NRTRDE's in the same order.
 */
export const RULES: readonly Rule[] = [
  ...HEADER_RULES,
  ...RECORD_RULES,
  ...AUDIT_RULES,
  ...RAP_RULES,
  ...NRTRDE_RULES,
];

/** The rules of `scope` among `rules`, in table order. */
export function rulesOf<S extends Scope>(
  scope: S,
  rules: readonly Rule[] = RULES,
): ScopedRule<S>[] {
  return rules.filter((r): r is ScopedRule<S> => r.scope === scope);
}

/** Runs `rule` on `view`: one finding per issue, about record `recordIndex` (null: the file). */
export function check<S extends Scope>(
  file: string,
  recordIndex: number | null,
  rule: ScopedRule<S>,
  view: Views[S],
): Finding[] {
  const issues = (rule.check as (v: Views[S]) => Issue[])(view);
  return issues.length === 0 ? [] : findingsOf(file, recordIndex, rule, issues);
}

/** The findings of `rule`'s issues about record `recordIndex` (null: the file). */
export function findingsOf(
  file: string,
  recordIndex: number | null,
  rule: Rule,
  issues: readonly Issue[],
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
