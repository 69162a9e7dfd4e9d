/**
 * TD.57-style validation rules, as one table. Each rule has an id, a severity, a description and a
 * check over one of three views: the header (once), a record (each call event), or the trailer
 * (once, with the totals accumulated from the records). validate.ts runs the table.
 *
 * Severities follow TD.57 where it is known: header and audit errors reject the whole file (fatal),
 * record errors reject the record (severe). Earliest / latest call timestamp mismatches are kept as
 * warnings (TD.57 severity not confirmed from public sources).
 */
import type { Struct } from '../asn1/types.ts';
import type { ChargeBlock } from './charges.ts';
import type { HeaderItem, TapFileContext } from './context.ts';
import type { Totals } from './rule-checks.ts';
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

export type Rule =
  | (RuleBase & { scope: 'header'; check: (view: HeaderView) => Issue[] })
  | (RuleBase & { scope: 'record'; check: (view: RecordView) => Issue[] })
  | (RuleBase & { scope: 'trailer'; check: (view: TrailerView) => Issue[] });

/** The table: every rule, header rules first, then record rules, then audit rules. */
export const RULES: readonly Rule[] = [...HEADER_RULES, ...RECORD_RULES, ...AUDIT_RULES];
