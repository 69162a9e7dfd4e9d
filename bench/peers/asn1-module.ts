/**
 * Emits an ASN.1 module (IMPLICIT TAGS) from the schema facts, for peer decoders such as Python's
 * asn1tools: the same tags, kinds, fields and bases the TypeScript decoder is driven by.
 */
import { rawSchema } from '../../pipelines/asn1/schema-json.ts';
import type { ModuleName } from '../../pipelines/asn1/types.ts';

function tagPrefix(tag: number | undefined): string {
  return tag === undefined ? '' : `[APPLICATION ${tag}] `;
}

/** The ASN.1 text of `module` (RAP gets the TAP types it imports from `tapModule` inlined). */
export function asn1Module(module: ModuleName, tapModule?: ModuleName): string {
  const schema = rawSchema();
  const types = { ...(tapModule === undefined ? {} : schema[tapModule]), ...schema[module] };
  const lines: string[] = [
    `${module.replace(/[^A-Za-z0-9]/g, '-')} DEFINITIONS IMPLICIT TAGS ::=`,
    'BEGIN',
    '',
  ];
  for (const [name, t] of Object.entries(types)) {
    const prefix = tagPrefix(t.tag);
    if (t.kind === 'primitive') {
      lines.push(`${name} ::= ${prefix}${t.base ?? 'OCTET STRING'}`);
    } else if (t.kind === 'sequence_of') {
      lines.push(`${name} ::= ${prefix}SEQUENCE OF ${t.of ?? 'NULL'}`);
    } else {
      const items =
        t.kind === 'sequence'
          ? (t.fields ?? []).map(
              (f) => `  ${f.name} ${f.type}${f.optional === true ? ' OPTIONAL' : ''}`,
            )
          : (t.alternatives ?? []).map((a) => `  ${a.name} ${a.type}`);
      lines.push(
        `${name} ::= ${prefix}${t.kind === 'sequence' ? 'SEQUENCE' : 'CHOICE'} {`,
        items.join(',\n'),
        '}',
      );
    }
    lines.push('');
  }
  lines.push('END', '');
  return lines.join('\n');
}
