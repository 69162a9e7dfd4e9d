/** Tests' whole-file validation: every finding of decoded items, in file order. */
import type { DecodeItem } from '../../asn1/types.ts';
import type { HeaderItem, TrailerItem } from './items.ts';
import type { FileValidator, Finding } from './rules.ts';

export function allFindings(
  items: Iterable<DecodeItem>,
  create: (header: HeaderItem) => FileValidator,
): Finding[] {
  const all: Finding[] = [];
  let validator: FileValidator | undefined;
  let trailer: TrailerItem | undefined;
  for (const item of items) {
    if (item.type === 'header') {
      validator = create(item);
      all.push(...validator.headerFindings);
    } else if (item.type === 'record') all.push(...(validator?.record(item) ?? []));
    else if (item.type === 'trailer') trailer = item;
  }
  all.push(...(validator?.finish(trailer) ?? []));
  return all;
}
