// The browser suite (`node run.mjs [--screenshots DIR] [--bin PATH] [--jobs N] [--keep]`): builds the
// bundled site three ways, runs every check on every page (checks.mjs, links.mjs, weight.mjs, nu.mjs),
// then the search checks (search.mjs) over HTTP, from file:// and on a small fixture site, prints the
// summary and every problem with its page and rule, and exits 1 when there is any.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { axe, openContext, recordingPage, visit } from './browser.mjs';
import { buildAll, htmlFiles, prettyPath, SUBPATH } from './build.mjs';
import { checkNonTextContrast, checkReflow, checkSkipLink, compareMainText, inspect, reportInspection } from './checks.mjs';
import { checkLinks, checkRequests, fileResolver, httpResolver, linkTargets } from './links.mjs';
import { runNu } from './nu.mjs';
import { kb, Problems, seconds } from './report.mjs';
import { takeScreenshots } from './screenshots.mjs';
import { buildFixture, checkSearch, SEARCH_PAGE, SEARCH_SCRIPTS } from './search.mjs';
import { serve } from './server.mjs';
import { checkStylesheet, pageWeight } from './weight.mjs';

const started = performance.now();
const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../..');
const { values: opts } = parseArgs({
  options: {
    bin: { type: 'string', default: join(repo, 'target/release/loa') },
    screenshots: { type: 'string' },
    jobs: { type: 'string', default: '2' },
    keep: { type: 'boolean', default: false },
  },
});
const jobs = Math.max(1, Number(opts.jobs) || 1);
const problems = new Problems();
const log = (s) => console.log(`a11y: ${s}`);

/** Runs `work(item, worker)` over `items` with `pages.length` workers, one page set each. */
async function pool(items, workers, work) {
  let next = 0;
  await Promise.all(
    workers.map(async (w) => {
      while (next < items.length) {
        const item = items[next++];
        try {
          await work(item, w);
        } catch (e) {
          problems.add(item.where ?? item, 'suite', `the check itself failed: ${e.message.split('\n')[0]}`);
        }
      }
    }),
  );
}

const scratch = mkdtempSync(join(tmpdir(), 'loa-a11y-'));
const cleanup = [];
try {
  log(`building the site with ${opts.bin} into ${scratch}`);
  const builds = buildAll(opts.bin, repo, scratch);
  const files = Object.fromEntries(Object.entries(builds).map(([k, dir]) => [k, htmlFiles(dir)]));
  if (files.main.length === 0) throw new Error('the build has no HTML page');
  const fixture = buildFixture(opts.bin, repo, scratch);

  // The Nu checker runs in its own JVM while the browser works.
  const allHtml = Object.entries(files).flatMap(([k, fs]) => fs.map((f) => join(builds[k], f)));
  const nu = runNu(allHtml, problems);

  const main = await serve(builds.main, '/');
  const sub = await serve(builds.subpath, SUBPATH);
  cleanup.push(() => main.close(), () => sub.close());
  const js = await openContext();
  cleanup.push(() => js.close());
  const noJs = await openContext({ javaScriptEnabled: false });
  cleanup.push(() => noJs.close());
  const workers = [];
  for (let i = 0; i < jobs; i++) workers.push({ page: await recordingPage(js.ctx), bare: await noJs.ctx.newPage() });

  const cssSize = checkStylesheet(`${main.base}css/loa.css`, join(builds.main, 'css/loa.css'), problems);

  // 1. Every page of the plain build, served at the root: all checks.
  const weights = [];
  let axeRuns = 0;
  const mainItems = files.main.map((f) => ({ file: f, where: main.base + prettyPath(f) }));
  const ownMain = (u) => u.origin === main.origin;
  await pool(mainItems, workers, async ({ file, where }, { page, bare }) => {
    await page.emulateMedia({ colorScheme: 'light', media: 'screen' });
    const status = await visit(page, where);
    if (status !== 200) problems.add(where, 'http', `status ${status}`);
    const own = checkRequests(where, page.loaRequests, ownMain, problems);
    const loaded = own.map((u) => main.resolve(new URL(u).pathname).file).filter(Boolean);
    weights.push({ where, bytes: pageWeight(where, [join(builds.main, file), ...loaded], problems) });
    const info = await inspect(page);
    // The search page alone runs a script: the search client and the index files it loads.
    if (file === SEARCH_PAGE) info.scripts = info.scripts.filter((s) => !SEARCH_SCRIPTS.test(s));
    reportInspection(info, where, problems);
    checkLinks(where, await linkTargets(page), httpResolver(main), problems);
    const withJs = (await page.locator('main').first().innerText()).replace(/\s+/g, ' ').trim();
    await checkSkipLink(page, where, problems);
    for (const scheme of ['light', 'dark']) {
      await page.emulateMedia({ colorScheme: scheme });
      await checkNonTextContrast(page, where, scheme, problems);
      for (const v of await axe(page)) {
        for (const n of v.nodes) problems.add(where, `axe${scheme === 'dark' ? ' (dark)' : ''}: ${v.id}`, `${v.help}: ${n}`);
      }
      axeRuns++;
    }
    await page.emulateMedia({ colorScheme: 'light' });
    await checkReflow(page, where, problems);
    await bare.goto(where, { waitUntil: 'load' });
    const withoutJs = (await bare.locator('main').first().innerText()).replace(/\s+/g, ' ').trim();
    compareMainText(withJs, withoutJs, where, problems);
  });
  log(`checked ${mainItems.length} pages served at ${main.base} (${axeRuns} axe runs, light and dark)`);

  // 2. The build with base_url …/bau-cu/, served under /bau-cu/: links and requests, and the 404
  // page as a host shows it for a missing address deep in the site.
  const subItems = files.subpath.map((f) => ({ where: sub.base + prettyPath(f) }));
  subItems.push({ where: `${sub.base}khong-co/trang/nay/`, notFound: true });
  await pool(subItems, workers, async ({ where, notFound }, { page }) => {
    const status = await visit(page, where);
    if (status !== (notFound ? 404 : 200)) problems.add(where, 'http', `status ${status}`);
    checkRequests(where, page.loaRequests, (u) => u.origin === sub.origin, problems);
    const self = notFound ? join(builds.subpath, '404.html') : sub.resolve(new URL(where).pathname).file;
    checkLinks(where, await linkTargets(page), httpResolver(sub), problems, self);
  });
  log(`followed the links of ${subItems.length} pages served under ${sub.base}`);

  // 3. The --offline build from file://, every page including 404.html (its links are relative
  // to the root in an offline build).
  const offItems = files.offline.map((f) => ({ where: pathToFileURL(join(builds.offline, f)).href }));
  await pool(offItems, workers, async ({ where }, { page }) => {
    await visit(page, where);
    checkRequests(where, page.loaRequests, (u) => u.protocol === 'file:', problems);
    checkLinks(where, await linkTargets(page), fileResolver(builds.offline), problems);
  });
  log(`followed the links of ${offItems.length} pages opened from file:// (--offline build)`);

  // 4. Search: typed queries, results, "more", axe and reflow with results, over HTTP, from
  // file:// and on the fixture site (search-fixture/).
  let searchChecked = 0;
  if (!files.main.includes(SEARCH_PAGE)) problems.add(main.base, 'search', `the build has no search page ${SEARCH_PAGE}`);
  else {
    searchChecked = await checkSearch({ ctx: js.ctx, builds, main, fixture, problems });
    log(`checked search on ${searchChecked} builds (HTTP, file://, fixture site)`);
  }

  if (opts.screenshots) {
    const dir = resolve(process.cwd(), opts.screenshots);
    for (const f of await takeScreenshots(js.ctx, main.base, dir)) log(`screenshot ${f}`);
  }

  const nuErrors = await nu;
  const heaviest = weights.sort((a, b) => b.bytes - a.bytes)[0];
  const axeCount = problems.count('axe');
  problems.print();
  console.log('\n== accessibility and weight summary');
  console.log(`pages checked:    ${mainItems.length} (links also followed on ${subItems.length} under ${SUBPATH} and ${offItems.length} from file://)`);
  console.log(`axe violations:   ${axeCount} (tags wcag2a, wcag2aa, wcag21a, wcag21aa, wcag22aa; light and dark)`);
  console.log(`Nu errors:        ${nuErrors} (${allHtml.length} HTML files)`);
  console.log(`heaviest page:    ${kb(heaviest.bytes)} gzipped with its CSS (${heaviest.where}; budget 30 KB)`);
  console.log(`CSS:              ${kb(cssSize)} gzipped (budget 15 KB)`);
  console.log(`search:           ${searchChecked} builds checked, ${problems.count('search')} problems (HTTP, file://, fixture site)`);
  console.log(`other problems:   ${problems.size - axeCount - nuErrors - problems.count('search')}`);
  console.log(`suite time:       ${seconds(performance.now() - started)}`);
} catch (e) {
  problems.add('suite', 'error', e.stack || e.message);
  problems.print();
} finally {
  for (const c of cleanup.reverse()) await c().catch(() => {});
  if (!opts.keep) rmSync(scratch, { recursive: true, force: true });
  else log(`kept the builds in ${scratch}`);
}
if (problems.size > 0) {
  console.error(`\na11y: FAILED with ${problems.size} problem(s), listed above by page and rule.`);
  process.exit(1);
}
console.log('a11y: passed.');
