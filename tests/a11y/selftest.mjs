// Checks the checks: serves two pages written to break every rule (selftest-pages/) and fails
// unless each check of the suite reports its fault there. Run before the suite (`node selftest.mjs`).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { axe, openContext, recordingPage, visit } from './browser.mjs';
import { checkNonTextContrast, checkReflow, checkSkipLink, compareMainText, inspect, reportInspection } from './checks.mjs';
import { checkLinks, checkRequests, httpResolver, linkTargets } from './links.mjs';
import { Problems } from './report.mjs';
import { serve } from './server.mjs';
import { checkStylesheet } from './weight.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), 'selftest-pages');
const problems = new Problems();
const server = await serve(root, '/');
const js = await openContext();
const noJs = await openContext({ javaScriptEnabled: false });
try {
  const page = await recordingPage(js.ctx);
  for (const name of ['bad.html', 'hidden-skip.html']) {
    const where = server.base + name;
    await visit(page, where);
    checkRequests(where, page.loaRequests, (u) => u.origin === server.origin, problems);
    reportInspection(await inspect(page), where, problems);
    checkLinks(where, await linkTargets(page), httpResolver(server), problems);
    const withJs = await page.locator('main').innerText();
    await checkSkipLink(page, where, problems);
    await checkNonTextContrast(page, where, 'light', problems);
    await page.emulateMedia({ colorScheme: 'dark' });
    for (const v of await axe(page)) problems.add(where, `axe: ${v.id}`, v.help);
    await page.emulateMedia({ colorScheme: 'light' });
    await checkReflow(page, where, problems);
    const bare = await noJs.ctx.newPage();
    await bare.goto(where);
    compareMainText(withJs, await bare.locator('main').innerText(), where, problems);
  }
  checkStylesheet('bad.css', join(root, 'bad.css'), problems);
} finally {
  await js.close();
  await noJs.close();
  await server.close();
}

const expected = [
  'other-origin', 'broken-request', 'one-h1', 'no-script', 'line-height', 'clipped-text', 'link',
  'link-fragment', 'skip-link-first', 'skip-link-visible', 'axe: color-contrast', 'axe: image-alt',
  'reflow-320', 'text-without-js', 'fixed-height', 'no-web-fonts', 'theme', 'border-contrast',
  'focus-indicator', 'inline-spacing',
];
const found = new Set(problems.list.map((p) => p.rule));
const missed = expected.filter((r) => !found.has(r));
if (missed.length) {
  problems.print();
  console.error(`\nselftest: FAILED: these checks did not report their fault: ${missed.join(', ')}`);
  process.exit(1);
}
console.log(`selftest: each of the ${expected.length} checks reported its planted fault.`);
