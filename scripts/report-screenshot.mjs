// Screenshot of a report for the README (docs/report.png): a document's text with one amount selected.
// usage: node scripts/report-screenshot.mjs [output/report.html] [docs/report.png]
// Needs Debian's chromium (CHROMIUM_PATH to override) and a CJK font (fonts-wqy-microhei) for readable text.
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [file = 'output/report.html', png = 'docs/report.png'] = process.argv.slice(2);
const profile = mkdtempSync(join(tmpdir(), 'bm-shot-'));
const ctx = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  viewport: { width: 1280, height: 860 },
});
try {
  const page = await ctx.newPage();
  await page.goto(pathToFileURL(resolve(file)).href);
  // an amount linked to a project shows the most; else the first amount
  const linked = page.locator('.text .r-amount[data-record-id][title*="project:"]');
  const target = (await linked.count()) ? linked.first() : page.locator('.text .r-amount[data-record-id]').first();
  await target.scrollIntoViewIfNeeded();
  await target.click();
  await page.evaluate(() => {
    const el = document.querySelector('.r.sel');
    window.scrollBy(0, el.getBoundingClientRect().top - 330);
  });
  await page.screenshot({ path: png });
  process.stderr.write(`screenshot → ${png}\n`);
} finally {
  await ctx.close();
  rmSync(profile, { recursive: true, force: true });
}
