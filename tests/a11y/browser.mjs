// Starts Debian's Chromium (never a downloaded browser) through playwright-core, each context with
// its own fresh --user-data-dir, records the requests of each page, and loads axe-core into a page.
import { chromium } from 'playwright-core';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { ARGS, CHROMIUM } from './chromium.mjs';

export { CHROMIUM };

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
export const DESKTOP = { width: 1280, height: 900 };

/** A browser context (its own Chromium process and profile folder); `close()` removes both. */
export async function openContext(options = {}) {
  const profile = mkdtempSync(join(tmpdir(), 'loa-a11y-profile-'));
  let ctx;
  try {
    ctx = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ARGS,
      viewport: DESKTOP,
      colorScheme: 'light',
      reducedMotion: 'no-preference',
      ...options,
    });
  } catch (e) {
    rmSync(profile, { recursive: true, force: true });
    throw new Error(`cannot start ${CHROMIUM} (Debian: apt-get install chromium): ${e.message}`);
  }
  return {
    ctx,
    async close() {
      await ctx.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** A new page whose requests (URL, resource type, status) are kept in `page.loaRequests`. */
export async function recordingPage(ctx) {
  const page = await ctx.newPage();
  page.loaRequests = [];
  page.on('request', (r) => page.loaRequests.push({ url: r.url(), type: r.resourceType(), status: null, r }));
  page.on('response', (resp) => {
    const e = page.loaRequests.find((x) => x.r === resp.request());
    if (e) e.status = resp.status();
  });
  page.on('requestfailed', (r) => {
    const e = page.loaRequests.find((x) => x.r === r);
    if (e) e.status = `failed: ${r.failure()?.errorText}`;
  });
  return page;
}

/** Opens `url` with an empty request log; throws when the page cannot be loaded. */
export async function visit(page, url) {
  page.loaRequests.length = 0;
  const resp = await page.goto(url, { waitUntil: 'load' });
  return resp ? resp.status() : null;
}

/** axe-core over the whole document with the WCAG A/AA tags; returns its violations. */
export async function axe(page) {
  const loaded = await page.evaluate(() => typeof window.axe === 'object');
  if (!loaded) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (tags) => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      help: v.help,
      nodes: v.nodes.map((n) => `${n.target.join(' ')}${n.failureSummary ? ` (${n.failureSummary.replace(/\s+/g, ' ').trim()})` : ''}`),
    }));
  }, AXE_TAGS);
}
