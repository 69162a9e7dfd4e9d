/**
 * The TAP validation rules (TD.57 style), as one table (the framework is shared/rules.ts; the
 * views the checks read are rule-views.ts): the header's rules first, then each record's, then the
 * audit's. validate.ts runs them.
 *
 * Severities follow TD.57 where it is known: header and audit errors reject the whole file (fatal),
 * record errors reject the record (severe). Earliest / latest call timestamp mismatches are kept as
 * warnings (TD.57 severity not confirmed from public sources).
 */
import type { TapRule } from './rule-views.ts';
import { AUDIT_RULES } from './rules-audit.ts';
import { HEADER_RULES } from './rules-header.ts';
import { RECORD_RULES } from './rules-record.ts';

export type { TapRule } from './rule-views.ts';

export const TAP_RULES: readonly TapRule[] = [...HEADER_RULES, ...RECORD_RULES, ...AUDIT_RULES];
