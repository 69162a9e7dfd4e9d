/** `npm run docs:marts`: rewrites docs/marts.md from the SQLMesh models of the marts. */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { dataDictionaryFile, readMarts, renderDataDictionary } from './data-dictionary.ts';

await mkdir(path.dirname(dataDictionaryFile), { recursive: true });
await writeFile(dataDictionaryFile, await renderDataDictionary(await readMarts()));
