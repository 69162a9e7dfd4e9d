/** Checks a parsed exchange file against its JSON Schema (ajv, draft 2020-12). */
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ExchangeDocument } from './document.ts';

const schema = JSON.parse(
  readFileSync(new URL('./kpi-exchange.v1.schema.json', import.meta.url), 'utf8'),
) as object;
const validator = new Ajv2020({ allErrors: false, strict: true }).compile<ExchangeDocument>(schema);

/** null when the value is a valid version 1 file; else the JSON path of the first error and why. */
export function schemaProblem(value: unknown): { path: string; message: string } | null {
  if (validator(value)) return null;
  const [first] = validator.errors ?? [];
  return {
    path: `$${(first?.instancePath ?? '').replace(/\/([^/]+)/g, (_m, key: string) => (/^\d+$/.test(key) ? `[${key}]` : `.${key}`))}`,
    message: first?.message ?? 'invalid',
  };
}
