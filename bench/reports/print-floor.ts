/**
 * The Chromium floor of `roam report`: prints already written report HTML files (from
 * `roam report --format html`) to PDF with the same renderer, tabs and settings, so that what is
 * left of a real run is the reading, the charts and the templates.
 * `npx tsx bench/reports/print-floor.ts OUT_DIR FILE.html…`
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { renderPdfs } from '../../reports/render.ts';

const [outDir, ...files] = process.argv.slice(2);
if (outDir === undefined || files.length === 0) throw new Error('usage: print-floor.ts OUT FILE…');
await renderPdfs(
  files.map((file) => async () => ({
    html: await readFile(file, 'utf8'),
    file: path.join(outDir, `${path.basename(file, '.html')}.pdf`),
    headerText: path.basename(file, '.html'),
    kicker: 'floor',
  })),
);
