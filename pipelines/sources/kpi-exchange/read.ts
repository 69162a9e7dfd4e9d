/**
 * Reading a partner's KPI exchange file: JSON, valid against the version 1 schema, its checksum
 * matching its content. Pure but for loading the validator: text in, the document or the file's
 * LoadError (the JSON path of the first schema error) out; the rows of its raw tables.
 */
import path from 'node:path';
import type { ExchangeDocument } from '../../exchange/document.ts';
import { integrityProblem } from '../../exchange/integrity.ts';
import { LoadError } from '../../lib/errors.ts';
import type { ExchangeEntryRow, ExchangeFileRow } from './raw-schema.ts';

/** Whether the first bytes of a file are those of an exchange file: JSON naming the format. */
export function looksLikeExchange(head: string): boolean {
  return head.trimStart().startsWith('{') && /"format"\s*:\s*"roam-kpi-exchange"/.test(head);
}

/** The document a file holds, checked: JSON, the schema, the checksum. */
export async function readExchange(file: string, text: string): Promise<ExchangeDocument> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new LoadError(
      `${file}: not a JSON document (a roam-kpi-exchange file is one): ${(error as Error).message}`,
      file,
    );
  }
  // Loaded on first use: the JSON Schema validator (ajv) stays out of the decode workers' start.
  const { schemaProblem } = await import('../../exchange/validate.ts');
  const problem = schemaProblem(value);
  if (problem !== null) {
    throw new LoadError(
      `${file}: not a valid roam-kpi-exchange version 1 file: ${problem.path} ${problem.message}`,
      file,
      {
        fix: 'ask the partner for a file valid against pipelines/exchange/kpi-exchange.v1.schema.json',
      },
    );
  }
  const document = value as ExchangeDocument;
  const seen = new Set<string>();
  for (const [i, e] of document.entries.entries()) {
    const key = `${e.kpi} ${e.direction} ${e.service} ${e.rat}`;
    if (seen.has(key)) {
      throw new LoadError(
        `${file}: not a valid roam-kpi-exchange version 1 file: $.entries[${i}] measures ${e.kpi} ${e.direction} (${e.service}, ${e.rat}) a second time`,
        file,
        { fix: 'ask the partner for a file with one entry per KPI, direction, service and RAT' },
      );
    }
    seen.add(key);
  }
  if (integrityProblem(document) === 'checksum') {
    throw new LoadError(
      `${file}: its content does not match its checksum (integrity.sha256): changed since it was written`,
      file,
      { fix: 'ask the partner to send the file again' },
    );
  }
  return document;
}

/** The file's row of raw.kpi_exchange_files. */
export function fileRow(file: string, document: ExchangeDocument): ExchangeFileRow {
  return {
    file: path.basename(file),
    formatVersion: document.version,
    senderTadig: document.sender.tadig,
    senderName: document.sender.name,
    recipientTadig: document.recipient.tadig,
    recipientName: document.recipient.name,
    period: document.period,
    generatedAt: document.generated_at,
    generatorName: document.generator.name,
    generatorVersion: document.generator.version,
    sha256: document.integrity.sha256,
    signed: document.integrity.signature !== undefined,
    entryCount: document.entries.length,
  };
}

/** Its entries' rows of raw.kpi_exchange_entries, in file order. */
export function* entryRows(file: string, document: ExchangeDocument): Generator<ExchangeEntryRow> {
  const name = path.basename(file);
  for (const [entryIndex, e] of document.entries.entries()) {
    yield {
      file: name,
      entryIndex,
      kpi: e.kpi,
      ir42Parameter: e.ir42_parameter,
      direction: e.direction,
      service: e.service,
      rat: e.rat,
      unit: e.unit,
      numerator: e.numerator,
      denominator: e.denominator,
      excluded: e.excluded,
      value: e.value,
      p50: e.p50,
      p95: e.p95,
      sampleSize: e.sample_size,
      source: e.source,
      target: e.target,
    };
  }
}
