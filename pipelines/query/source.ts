/** Where the query comes from: the command line, a file (--file), or standard input. */
import { readFile } from 'node:fs/promises';
import { text } from 'node:stream/consumers';
import { UsageError } from '../lib/errors.ts';
import { QueryText } from './query-text.ts';

const ways = 'roam sql "SELECT …", roam sql --file q.sql, or the query on standard input';

export async function readQuery(
  positionals: readonly string[],
  file: string | undefined,
  stdin: NodeJS.ReadStream = process.stdin,
): Promise<QueryText> {
  const argument = positionals.join(' ');
  if (file !== undefined && argument.trim() !== '') {
    throw new UsageError('the query is given twice, as an argument and with --file', {
      fix: ways,
    });
  }
  if (file !== undefined && file !== '-') {
    const query = await readFile(file, 'utf8').catch((error: unknown) => {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'a folder' : code;
      throw new UsageError(`cannot read --file ${file}: ${why || (error as Error).message}`, {
        cause: error,
        fix: 'give the path of a file holding the query',
      });
    });
    return checked(new QueryText(query, file));
  }
  if (argument.trim() !== '') return checked(new QueryText(argument));
  if (file === undefined && stdin.isTTY) throw new UsageError('no query given', { fix: ways });
  return checked(new QueryText(await text(stdin)));
}

function checked(query: QueryText): QueryText {
  if (query.text.trim() === '') throw new UsageError('no query given', { fix: ways });
  return query;
}
