/** HTML → PDF with puppeteer-core driving Debian's Chromium; one browser for a batch of pages. */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { ReportError, SetupError } from '../pipelines/lib/errors.ts';

export function chromiumPath(): string {
  return process.env.ROAM_CHROMIUM ?? '/usr/bin/chromium';
}

/** Fails with the fix when Chromium is missing. */
export function ensureChromium(): string {
  const executable = chromiumPath();
  if (!existsSync(executable)) {
    throw new SetupError(`Chromium not found at ${executable}`, {
      fix: "run `npm run setup` (as root it installs Debian's chromium), or set ROAM_CHROMIUM to a Chromium binary",
    });
  }
  return executable;
}

export interface PdfPage {
  html: string;
  file: string;
  /** Shown at the top right of every page, and at the bottom left. */
  headerText: string;
  /** Shown at the top left of every page: which report this is. */
  kicker: string;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Header and footer do not inherit page styles: inline everything. */
function headerTemplate(kicker: string, text: string): string {
  return `<div style="font-family:'DejaVu Sans',sans-serif;font-size:8px;color:#5b6b7b;width:100%;padding:0 14mm;display:flex;justify-content:space-between"><span>${escapeHtml(kicker)}</span><span>${escapeHtml(text)}</span></div>`;
}

function footerTemplate(text: string): string {
  return `<div style="font-family:'DejaVu Sans',sans-serif;font-size:8px;color:#5b6b7b;width:100%;padding:0 14mm;display:flex;justify-content:space-between"><span>${escapeHtml(text)}</span><span>page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`;
}

async function launch(executablePath: string, userDataDir: string): Promise<Browser> {
  try {
    return await puppeteer.launch({
      executablePath,
      headless: true,
      userDataDir,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-dev-shm-usage',
      ],
    });
  } catch (error) {
    throw new ReportError(
      `Chromium at ${executablePath} could not start: ${(error as Error).message.split('\n')[0]}`,
      {
        cause: error,
        fix: 'run `roam doctor` and reinstall chromium with `npm run setup`',
      },
    );
  }
}

/** PDFs a tab prints before it is replaced by a fresh one. */
const tabReuse = 20;

export interface RenderOptions {
  /** Pages rendered at once in the one browser (default 2). */
  concurrency?: number;
  /** Called after each PDF is written. */
  onProgress?: ((done: number, total: number) => void) | undefined;
}

/**
 * Renders each page to its PDF file, a bounded number at a time, in one Chromium. A page may be
 * given as a function that makes it: it is then made only when a tab is free, so that no more
 * than `concurrency` pages are held at once and their making overlaps Chromium's printing.
 */
export async function renderPdfs(
  pages: ReadonlyArray<PdfPage | (() => Promise<PdfPage>)>,
  options: RenderOptions = {},
): Promise<void> {
  const executable = ensureChromium();
  const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'roam-chromium-'));
  const browser = await launch(executable, userDataDir);
  let next = 0;
  let done = 0;
  const worker = async () => {
    let tab = await browser.newPage();
    let printed = 0;
    try {
      for (let job = pages[next++]; job !== undefined; job = pages[next++]) {
        const page = typeof job === 'function' ? await job() : job;
        // A tab grows with the documents it has held: a fresh one now and then keeps it bounded.
        if (++printed % tabReuse === 0) {
          await tab.close();
          tab = await browser.newPage();
        }
        await tab.setContent(page.html, { waitUntil: 'load' });
        await tab.pdf({
          path: page.file,
          format: 'A4',
          printBackground: true,
          displayHeaderFooter: true,
          headerTemplate: headerTemplate(page.kicker, page.headerText),
          footerTemplate: footerTemplate(page.headerText),
          margin: { top: '22mm', bottom: '18mm', left: '14mm', right: '14mm' },
          tagged: false,
          timeout: 120_000,
        });
        options.onProgress?.(++done, pages.length);
      }
    } finally {
      await tab.close();
    }
  };
  try {
    const workers = Math.max(1, Math.min(options.concurrency ?? 2, pages.length));
    await Promise.all(Array.from({ length: workers }, worker));
  } finally {
    await browser.close();
    await rm(userDataDir, { recursive: true, force: true });
  }
}
