/**
 * What the TAP rules (rules.ts) read: a view of the file per scope, `header` (once), `record`
 * (each call event) and `trailer` (once, with the totals accumulated from the records).
 */
import type { Struct } from '../../asn1/types.ts';
import type { HeaderItem } from '../shared/items.ts';
import type { Rule } from '../shared/rules.ts';
import type { FieldVisit } from '../shared/value.ts';
import type { ChargeBlock } from './charges.ts';
import type { TapFileContext } from './context.ts';
import type { Totals } from './totals.ts';

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
  blocks: readonly ChargeBlock[];
}

export interface TrailerView {
  ctx: TapFileContext;
  header: HeaderItem;
  batch: boolean;
  audit: Struct | undefined;
  totals: Totals;
}

/** The view each TAP scope's check reads. */
export interface TapViews {
  header: HeaderView;
  record: RecordView;
  trailer: TrailerView;
}

export type TapRule = Rule<TapViews>;
