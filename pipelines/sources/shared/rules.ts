/**
 * Validation rules as tables (TAP TD.57 style in tap/rules.ts, RAP TD.32 in rap/rules.ts, NRTRDE
 * TD.35 in nrtrde/rules.ts): each rule has an id, a severity, a description and a check over one
 * view of a file, its scope: the header (once), a record (each call event, return detail or
 * NRTRDE event), or the trailer (once, with what the records added up to). A source's views say
 * what each of its scopes' checks read.
 */
import type { Finding, Severity } from '../source.ts';
import type { RecordItem, TrailerItem } from './items.ts';

export type { Finding } from '../source.ts';

/**
 * A file's validator: the header's findings at once, each record's as it passes, the trailer's
 * (audit) at the end. It keeps no finding: each is handed out once.
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

interface RuleBase {
  id: string;
  severity: Severity;
  description: string;
}

/** A rule of a source whose scopes read the views `V` (scope name → view). */
export type Rule<V> = {
  [S in keyof V & string]: RuleBase & { scope: S; check: (view: V[S]) => Issue[] };
}[keyof V & string];

/** The rules of `scope` among `rules`, in table order. */
export function rulesOf<R extends { scope: string }, S extends R['scope']>(
  scope: S,
  rules: readonly R[],
): Extract<R, { scope: S }>[] {
  return rules.filter((r): r is Extract<R, { scope: S }> => r.scope === scope);
}

/** Runs `rule` on `view`: one finding per issue, about record `recordIndex` (null: the file). */
export function check<V>(
  file: string,
  recordIndex: number | null,
  rule: RuleBase & { check: (view: V) => Issue[] },
  view: V,
): Finding[] {
  const issues = rule.check(view);
  return issues.length === 0 ? [] : findingsOf(file, recordIndex, rule, issues);
}

/** The findings of `rule`'s issues about record `recordIndex` (null: the file). */
export function findingsOf(
  file: string,
  recordIndex: number | null,
  rule: RuleBase,
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
