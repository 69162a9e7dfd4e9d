/**
 * `roam decode` text output: a readable indented summary of a FileReport, in three parts (head,
 * findings, tail) so that the findings can be written from where they waited (decode-spool.ts).
 */
import type { Finding } from '../sources/source.ts';
import type { FileReport } from './decode-inspect.ts';

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

/** A group of a decoded value (neither a list nor bytes), if it is one. */
function groupOf(value: unknown): Record<string, unknown> | undefined {
  const group = typeof value === 'object' && value !== null && !Array.isArray(value);
  return group && !(value instanceof Uint8Array) ? (value as Record<string, unknown>) : undefined;
}

function scalar(value: unknown): string | undefined {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'bigint') return value.toString();
  if (value instanceof Uint8Array) return `0x${hex(value)}`;
  return undefined;
}

/** A decoded value as an indented tree: `name: value`, groups nested, list items numbered. */
export function renderTree(value: unknown, indent: string): string[] {
  const lines: string[] = [];
  const visit = (name: string, v: unknown, pad: string): void => {
    const text = scalar(v);
    if (text !== undefined) {
      lines.push(`${pad}${name}: ${text}`);
    } else if (Array.isArray(v)) {
      lines.push(`${pad}${name}: [${v.length}]`);
      v.forEach((item: unknown, i) => visit(`[${i}]`, item, `${pad}  `));
    } else {
      lines.push(`${pad}${name}:`);
      for (const [key, child] of Object.entries(groupOf(v) ?? {})) visit(key, child, `${pad}  `);
    }
  };
  const struct = groupOf(value);
  if (struct === undefined) visit('value', value, indent);
  else for (const [key, child] of Object.entries(struct)) visit(key, child, indent);
  return lines;
}

/** A flat row as `name: value` lines, absent items left out. */
function renderRow(row: unknown, indent: string): string[] {
  if (typeof row !== 'object' || row === null) return [];
  return Object.entries(row)
    .filter(([, v]) => v !== null && v !== undefined && typeof v !== 'object')
    .map(([k, v]) => `${indent}${k}: ${String(v)}`);
}

/** A finding as one line of the findings section. */
export function findingLine(f: Finding): string {
  const where = f.recordIndex === null ? '' : `#${f.recordIndex} `;
  return `    ${f.severity} ${f.rule} ${where}${f.itemPath}: ${f.message}`;
}

/** What comes before the findings section: file line, header, summary, events, audit. */
export function renderHead(report: FileReport): string[] {
  const lines: string[] = [];
  const size = report.bytes === null ? '' : `  ${report.bytes} bytes`;
  const padding = report.paddingBytes ? ` (${report.paddingBytes} padding)` : '';
  lines.push(`${report.file}  ${report.kind ?? 'unknown'} ${report.module ?? ''}${size}${padding}`);
  if (report.header !== null) {
    lines.push('  header');
    lines.push(...renderTree(report.header, '    '));
  }
  if (report.summary !== null) {
    lines.push('  summary');
    lines.push(...renderRow(report.summary, '    '));
  }
  if (report.records) {
    const shown =
      report.events.length === report.eventCount ? '' : `, showing ${report.events.length}`;
    lines.push(`  events (${report.eventCount}${shown})`);
    for (const event of report.events) {
      lines.push(`    ${event.line}  @${event.offset}`);
      lines.push(...renderTree(event.value, '      '));
    }
  }
  if (report.trailer !== null) {
    lines.push('  audit');
    lines.push(...renderTree(report.trailer, '    '));
  }
  return lines;
}

/** The findings section's title line. */
export const findingsTitle = (count: number): string => `  findings (${count})`;

/** What comes after the findings section: unknown tags, the error. */
export function renderTail(report: FileReport): string[] {
  const lines: string[] = [];
  if (report.unknownTags.length > 0) {
    lines.push(`  unknown tags (${report.unknownTags.length})`);
    for (const t of report.unknownTags) {
      lines.push(`    ${t.path} ${t.tag} x${t.count}${t.hex === undefined ? '' : ` ${t.hex}`}`);
    }
  }
  if (report.error !== null) lines.push(`  error: ${report.error.message}`);
  return lines;
}
