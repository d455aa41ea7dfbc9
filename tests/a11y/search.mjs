// The search checks (ARCHITECTURE §11): the client on the search page of the bundled site, served
// over HTTP and opened from file:// (the --offline build), and on a small fixture site
// (search-fixture/) with the spellings and word pairs the bundled content lacks. Each query is
// typed key by key into the search box, as a reader would; the expected texts are read from the
// form's data attributes (theme.yaml), never written here.
//
// Run by run.mjs; alone: `node search.mjs [--bin PATH] [--keep]` builds what it needs into a scratch
// folder, or `node search.mjs --prebuilt DIR` checks the builds DIR/main, DIR/offline and
// DIR/search-fixture kept by an earlier `--keep`.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { axe, openContext, recordingPage } from './browser.mjs';
import { NOW } from './build.mjs';
import { checkNonTextContrast, checkReflow, inspect, reportInspection } from './checks.mjs';
import { Problems } from './report.mjs';
import { serve } from './server.mjs';

const here = dirname(fileURLToPath(import.meta.url));
export const SEARCH_PAGE = 'tim-kiem/index.html';
/** Scripts the search page may load: the client and the index files. */
export const SEARCH_SCRIPTS = /<script src="[^"]*(?:js\/tim-kiem\.js|tim-kiem\/chi-muc\/[mtp][/.][^"]*)">/;

/** Builds search-fixture/ with the repository's themes into `scratch`; returns the output folder. */
export function buildFixture(bin, repo, scratch) {
  const root = join(scratch, 'search-root');
  const out = join(scratch, 'search-fixture');
  cpSync(join(here, 'search-fixture'), root, { recursive: true });
  cpSync(join(repo, 'themes'), join(root, 'themes'), { recursive: true });
  const args = ['build', '--strict', '--now', NOW, '--root', root, '--output', out, '--quiet'];
  try {
    execFileSync(bin, args, { stdio: 'inherit' });
  } catch (e) {
    throw new Error(`\`${bin} ${args.join(' ')}\` failed (${e.status ?? e.message})`);
  }
  return out;
}

// Text helpers, as the index defines them (§11): NFC, tokens, fold.
const WORD = /[\p{L}\p{N}\p{M}]+/gu;
const fold = (s) => [...s.normalize('NFD').replace(/\p{M}/gu, '')].map((c) => c.toLowerCase()).join('').replace(/[đð]/g, 'd').normalize('NFC');
/** The visible text of <main> of a built HTML file, NFC, lowercase, spaces collapsed. */
function mainText(file) {
  const html = readFileSync(file, 'utf8');
  const main = html.slice(html.indexOf('<main'), html.lastIndexOf('</main>'));
  return main
    .replace(/<(script|style|template)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .normalize('NFC')
    .toLowerCase()
    .replace(/\s+/g, ' ');
}

/** Types `q` into the search box key by key and waits for the status to answer that query. */
async function typeQuery(page, q) {
  const box = page.locator('#loa-tim-q');
  await box.fill('');
  await box.pressSequentially(q, { delay: 15 });
  return settled(page, q);
}

/** Waits until the status speaks about `q` (a count, none found, or the load error); reads the results. */
async function settled(page, q) {
  await page.waitForFunction(
    (query) => {
      const f = document.getElementById('loa-tim-form');
      const s = document.getElementById('loa-tim-trang-thai').textContent;
      const esc = (x) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const re = new RegExp(`^${esc(f.dataset.results).replace(esc('{n}'), '([\\d.]+)').replace(esc('{q}'), esc(query.trim()))}$`);
      return re.test(s) || s === f.dataset.none.replace('{q}', query.trim()) || s === f.dataset.error;
    },
    q,
    { timeout: 10000 },
  );
  return readResults(page, q);
}

function readResults(page, q) {
  return page.evaluate((query) => {
    const f = document.getElementById('loa-tim-form');
    const status = document.getElementById('loa-tim-trang-thai');
    const s = status.textContent;
    const esc = (x) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const m = s.match(new RegExp(`^${esc(f.dataset.results).replace(esc('{n}'), '([\\d.]+)').replace(esc('{q}'), esc(query.trim()))}$`));
    const more = document.querySelector('#loa-tim-ket-qua button');
    return {
      status: s,
      live: status.getAttribute('aria-live') || (status.getAttribute('role') === 'status' ? 'polite' : null),
      count: m ? Number(m[1].replace(/\./g, '')) : null,
      none: s === f.dataset.none.replace('{q}', query.trim()),
      error: s === f.dataset.error,
      more: more && !more.hidden ? more.textContent : null,
      items: [...document.querySelectorAll('#loa-tim-ket-qua li')].map((li) => ({
        href: li.querySelector('a[href]')?.href ?? null,
        title: li.querySelector('a[href]')?.textContent ?? '',
        marks: [...li.querySelectorAll('mark')].map((x) => x.textContent),
      })),
      url: location.href,
    };
  }, q);
}

/**
 * The checks on one build of the bundled site. `base` is the search page's directory URL ("…/")
 * and `fileOf(url)` maps a result link to the built file (null when it leaves the build).
 */
async function checkBundled(page, where, base, fileOf, problems, { http }) {
  const add = (rule, detail) => problems.add(where, `search: ${rule}`, detail);
  const schedule = http ? 'lich-bau-cu/' : 'lich-bau-cu/index.html';
  page.loaRequests.length = 0;
  const resp = await page.goto(where, { waitUntil: 'load' });
  if (http && resp?.status() !== 200) add('page', `status ${resp?.status()}`);

  // 1. "bau cu" lists the schedule page; the count is announced politely; matches are marked.
  let r = await typeQuery(page, 'bau cu');
  if (r.live !== 'polite') add('status', `the status element is not a polite live region (aria-live ${r.live})`);
  if (!r.count) add('bau-cu', `no results; status "${r.status}"`);
  else {
    if (r.items.length !== Math.min(10, r.count)) add('ten-at-a-time', `${r.items.length} results shown of ${r.count} (10 at a time wanted)`);
    if (!r.items.some((i) => i.href === new URL(`../${schedule}`, base).href)) {
      add('bau-cu', `the schedule page ${schedule} is not among the results: ${r.items.map((i) => i.href).join(', ')}`);
    }
    const marks = r.items.flatMap((i) => i.marks);
    if (!marks.length) add('mark', 'no <mark> in the results');
    const stray = marks.filter((m) => fold(m) !== 'bau' && !fold(m).startsWith('cu'));
    if (stray.length) add('mark', `marked words that do not match "bau cu": ${[...new Set(stray)].join(', ')}`);
    if (r.items.some((i) => !i.href || !fileOf(i.href))) add('links', `a result link leads outside the build: ${r.items.map((i) => i.href).join(', ')}`);
  }
  if (!/[?&]q=bau(\+|%20)cu(&|$)/.test(r.url)) add('address', `the address does not keep the query: ${r.url}`);

  // 2. Enter in the box searches in place (no page load); the address keeps the query, so a
  // reload shows the same results.
  await page.evaluate(() => (window.loaStayed = true));
  await page.locator('#loa-tim-q').press('Enter');
  await settled(page, 'bau cu');
  if (!(await page.evaluate(() => window.loaStayed === true))) add('submit', 'Enter in the search box loaded a new page');
  await page.reload({ waitUntil: 'load' });
  const again = await settled(page, 'bau cu');
  if (again.count !== r.count || (await page.inputValue('#loa-tim-q')) !== 'bau cu') {
    add('reload', `after a reload: "${again.status}", box "${await page.inputValue('#loa-tim-q')}" (before: "${r.status}")`);
  }

  // 3. "more" with the keyboard: Tab from the last result reaches it, Enter shows the next ten
  // and moves focus to the first of them.
  if (r.count > 10) {
    await page.locator('#loa-tim-ket-qua li a').last().focus();
    await page.keyboard.press('Tab');
    const onMore = await page.evaluate(() => document.activeElement?.matches('#loa-tim-ket-qua button') ?? false);
    if (!onMore) add('more-keyboard', 'Tab from the last result does not reach the "more" button');
    await page.keyboard.press('Enter');
    const want = Math.min(20, r.count);
    try {
      await page.waitForFunction((n) => document.querySelectorAll('#loa-tim-ket-qua li').length >= n, want, { timeout: 10000 });
    } catch {
      add('more', `Enter on "more" did not show results 11–${want}`);
    }
    const focus = await page.evaluate(() => {
      const items = [...document.querySelectorAll('#loa-tim-ket-qua li')];
      const a = document.activeElement;
      return { index: items.findIndex((li) => li.contains(a)), tag: a?.tagName.toLowerCase() };
    });
    if (focus.index !== 10 || focus.tag !== 'a') add('more-focus', `after "more", focus is on ${focus.tag} in result ${focus.index + 1} (the link of result 11 wanted)`);
    r = await readResults(page, 'bau cu');
    if (r.items.length !== want) add('more', `${r.items.length} results shown after "more" (${want} wanted)`);
    if (r.count > 20 && !r.more) add('more', 'the "more" button went away with results left');
    if (r.count <= 20 && r.more) add('more', 'the "more" button stays with nothing left to show');
  } else add('more', `"bau cu" has only ${r.count} results: the "more" button is not checked`);

  // 4. With results shown: axe in light and dark, the page checks, 320 px reflow. (axe reads the
  // stylesheets with XHR: its requests are left out of the request check below.)
  const requests = [...page.loaRequests];
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const v of await axe(page)) {
      for (const n of v.nodes) problems.add(where, `search: axe${scheme === 'dark' ? ' (dark)' : ''}: ${v.id}`, `${v.help}: ${n}`);
    }
    await checkNonTextContrast(page, `${where} (with results)`, scheme, problems);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  const info = await inspect(page);
  info.scripts = info.scripts.filter((s) => !SEARCH_SCRIPTS.test(s));
  reportInspection(info, `${where} (with results)`, problems);
  await checkReflow(page, `${where} (with results)`, problems);
  page.loaRequests.length = 0;

  // 5. Toneless queries find the marked words.
  r = await typeQuery(page, 'dai bieu');
  const pages = r.items.map((i) => ({ href: i.href, text: fileOf(i.href) && mainText(fileOf(i.href)) }));
  if (!r.count) add('dai-bieu', `no results; status "${r.status}"`);
  else if (!pages.some((p) => p.text?.includes('đại biểu'))) add('dai-bieu', `no result has "đại biểu": ${r.items.map((i) => i.href).join(', ')}`);
  for (const p of pages) {
    const keys = new Set((p.text ?? '').match(WORD)?.map(fold));
    if (!keys.has('dai') || !keys.has('bieu')) add('dai-bieu', `${p.href} is a result but lacks a word "dai" or "bieu"`);
  }
  r = await typeQuery(page, 'uy ban');
  const all = await showAll(page, 'uy ban', r);
  const withUy = all.filter((href) => fileOf(href) && mainText(fileOf(href)).includes('ủy ban'));
  if (!withUy.length) add('uy-ban', `no result has "Ủy ban" among ${all.length}: ${all.join(', ')}`);
  const withModern = all.filter((href) => fileOf(href) && mainText(fileOf(href)).includes('uỷ ban'));
  if (!withModern.length) add('uy-ban', `no result has "Uỷ ban" among ${all.length}: ${all.join(', ')}`);
  // "dang ky": a page with "đăng ký" side by side ranks above every page that only has
  // "đẳng" and "kỳ" apart ("bình đẳng … nhiệm kỳ").
  r = await typeQuery(page, 'dang ky');
  const ranked = await showAll(page, 'dang ky', r);
  const texts = ranked.map((href) => (fileOf(href) && mainText(fileOf(href))) || '');
  const firstAdjacent = texts.findIndex((t) => t.includes('đăng ký'));
  const firstApart = texts.findIndex((t) => !t.includes('đăng ký') && t.includes('đẳng') && /kỳ|kì/.test(t));
  if (firstAdjacent < 0) add('dang-ky', `no result has "đăng ký": ${ranked.join(', ')}`);
  else if (firstApart < 0) add('dang-ky', `no result has "bình đẳng … kỳ" to rank below "đăng ký": ${ranked.join(', ')}`);
  else if (firstApart < firstAdjacent) add('dang-ky', `${ranked[firstApart]} ("bình đẳng … kỳ") ranks above ${ranked[firstAdjacent]} ("đăng ký")`);

  // 6. No results, said so; a query of only punctuation clears the list and the status.
  r = await typeQuery(page, 'xqzwv');
  if (!r.none || r.items.length) add('none', `"xqzwv": status "${r.status}", ${r.items.length} results`);
  await page.locator('#loa-tim-q').fill('');
  await page.waitForFunction(() => !document.getElementById('loa-tim-trang-thai').textContent && !document.querySelector('#loa-tim-ket-qua li'));

  // 7. Only <script> loads (no fetch, no XHR); every chunk and fragment with ?v=<manifest h>.
  for (const q of [...requests, ...page.loaRequests]) {
    if (['fetch', 'xhr', 'websocket', 'eventsource'].includes(q.type)) add('requests', `${q.type} request to ${q.url}`);
    if (/\/chi-muc\/[tp]\//.test(q.url) && !/\?v=[^&]+$/.test(q.url)) add('cache-key', `index file without ?v=: ${q.url}`);
    if (/\/chi-muc\//.test(q.url) && q.type !== 'script') add('requests', `index file loaded as ${q.type}: ${q.url}`);
    if (typeof q.status === 'string' || q.status >= 400) add('requests', `${q.url}: ${q.status}`);
  }
}

/** Presses "more" until every result is shown; returns every result's URL. */
async function showAll(page, q, r) {
  for (let i = 0; r.more && i < 50; i++) {
    const before = r.items.length;
    await page.locator('#loa-tim-ket-qua button').click();
    await page.waitForFunction((n) => document.querySelectorAll('#loa-tim-ket-qua li').length > n, before);
    r = await readResults(page, q);
  }
  return r.items.map((i) => i.href);
}

/** From a content page, the header's search box leads to the search page and its results. */
async function checkHeaderBox(page, start, problems) {
  await page.goto(start, { waitUntil: 'load' });
  const box = page.locator('header form[role=search] input[name=q]');
  if ((await box.count()) !== 1) {
    problems.add(start, 'search: header', 'no search box (form role=search with an input named q) in the header');
    return;
  }
  await box.fill('bầu cử');
  await Promise.all([page.waitForURL(/tim-kiem\//), box.press('Enter')]);
  await page.waitForLoadState('load');
  const r = await settled(page, 'bầu cử');
  if (!r.count) problems.add(start, 'search: header', `the header's box led to ${page.url()} with status "${r.status}"`);
}

/** A load error is announced: every term chunk fails to load. */
async function checkLoadError(ctx, where, problems) {
  const page = await ctx.newPage();
  await page.route('**/chi-muc/t/**', (route) => route.abort());
  await page.goto(where, { waitUntil: 'load' });
  const r = await typeQuery(page, 'bau cu');
  if (!r.error) problems.add(where, 'search: load-error', `with the index chunks unreachable the status says "${r.status}"`);
  await page.close();
}

/** The fixture site: "Uỷ ban" and "Ủy ban" both found; "đăng ký" above "bình đẳng … nhiệm kỳ". */
async function checkFixture(page, server, problems) {
  const where = `${server.base}tim-kiem/`;
  const add = (rule, detail) => problems.add(where, `search: ${rule}`, detail);
  await page.goto(where, { waitUntil: 'load' });
  const url = (p) => new URL(p, server.base).href;
  for (const q of ['uy ban', 'ủy ban', 'uỷ ban', 'UỶ BAN']) {
    const r = await typeQuery(page, q);
    const got = r.items.map((i) => i.href);
    for (const p of ['co-quan/bau-cu-tinh/', 'co-quan/chinh-quyen-xa/']) {
      if (!got.includes(url(p))) add('uy-ban', `"${q}" does not find ${p} (${p.includes('xa') ? 'Uỷ ban' : 'Ủy ban'}): ${got.join(', ') || r.status}`);
    }
  }
  for (const q of ['dang ky', 'đăng ký', 'dang ki']) {
    const r = await typeQuery(page, q);
    const got = r.items.map((i) => i.href);
    const a = got.indexOf(url('thu-tuc/giay-to/'));
    const b = got.indexOf(url('thu-tuc/nguyen-tac/'));
    if (a < 0) add('dang-ky', `"${q}" does not find thu-tuc/giay-to/ ("đăng ký"): ${got.join(', ') || r.status}`);
    else if (b >= 0 && b < a) add('dang-ky', `"${q}" ranks "bình đẳng … nhiệm kỳ" (thu-tuc/nguyen-tac/) above "đăng ký" (thu-tuc/giay-to/)`);
  }
  // A query whose last word is still being typed matches longer words: "dang k" finds "đăng ký".
  const r = await typeQuery(page, 'dang k');
  if (!r.items.some((i) => i.href === url('thu-tuc/giay-to/'))) add('prefix', `"dang k" does not find thu-tuc/giay-to/: ${r.status}`);
}

/**
 * All search checks. `builds` has `main` and `offline` (built from the bundled site); `main` is
 * the server of builds.main; `fixture` the fixture's output folder. Returns the number of
 * search pages checked.
 */
export async function checkSearch({ ctx, builds, main, fixture, problems }) {
  const page = await recordingPage(ctx);
  let checked = 0;
  // A check that throws (a timeout: the page never answered) is a problem, and the next one runs.
  const step = async (where, work) => {
    try {
      await work();
      return true;
    } catch (e) {
      problems.add(where, 'search: suite', `the check itself failed: ${e.message.split('\n')[0]}`);
      return false;
    }
  };
  try {
    // Served over HTTP.
    const where = `${main.base}tim-kiem/`;
    const fromHttp = (href) => {
      const u = new URL(href);
      return u.origin === main.origin ? main.resolve(u.pathname).file ?? null : null;
    };
    if (await step(where, () => checkBundled(page, where, where, fromHttp, problems, { http: true }))) checked++;
    await step(where, () => checkLoadError(ctx, where, problems));
    await step(`${main.base}gioi-thieu/`, () => checkHeaderBox(page, `${main.base}gioi-thieu/`, problems));

    // Opened from file:// (the --offline build).
    const offline = pathToFileURL(join(builds.offline, SEARCH_PAGE)).href;
    const fromFile = (href) => {
      const u = new URL(href);
      if (u.protocol !== 'file:') return null;
      const f = fileURLToPath(u);
      return f.startsWith(builds.offline) ? f : null;
    };
    if (await step(offline, () => checkBundled(page, offline, new URL('./', offline).href, fromFile, problems, { http: false }))) checked++;
    const start = pathToFileURL(join(builds.offline, 'gioi-thieu/index.html')).href;
    await step(start, () => checkHeaderBox(page, start, problems));

    // The fixture site.
    const server = await serve(fixture, '/');
    try {
      if (await step(`${server.base}tim-kiem/`, () => checkFixture(page, server, problems))) checked++;
    } finally {
      await server.close();
    }
  } finally {
    await page.close();
  }
  return checked;
}

// Alone: builds the bundled site (plain and --offline) and the fixture, runs the checks.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const repo = resolve(here, '../..');
  const { values: opts } = parseArgs({
    options: {
      bin: { type: 'string', default: join(repo, 'target/release/loa') },
      keep: { type: 'boolean', default: false },
      prebuilt: { type: 'string' },
    },
  });
  const problems = new Problems();
  const scratch = opts.prebuilt ? resolve(opts.prebuilt) : mkdtempSync(join(tmpdir(), 'loa-search-'));
  const cleanup = [];
  try {
    const build = (name, extra) => {
      const out = join(scratch, name);
      execFileSync(opts.bin, ['build', '--strict', '--now', NOW, '--root', repo, '--output', out, '--quiet', ...extra], { stdio: 'inherit' });
      return out;
    };
    const pre = (name) => join(scratch, name);
    const builds = opts.prebuilt ? { main: pre('main'), offline: pre('offline') } : { main: build('main', []), offline: build('offline', ['--offline']) };
    const fixture = opts.prebuilt ? pre('search-fixture') : buildFixture(opts.bin, repo, scratch);
    const main = await serve(builds.main, '/');
    cleanup.push(() => main.close());
    const js = await openContext();
    cleanup.push(() => js.close());
    const n = await checkSearch({ ctx: js.ctx, builds, main, fixture, problems });
    console.log(`search: checked the search page of ${n} builds`);
  } catch (e) {
    problems.add('search', 'error', e.stack || e.message);
  } finally {
    for (const c of cleanup.reverse()) await c().catch(() => {});
    if (!opts.keep && !opts.prebuilt) rmSync(scratch, { recursive: true, force: true });
    else console.log(`search: kept the builds in ${scratch}`);
  }
  problems.print();
  if (problems.size) {
    console.error(`\nsearch: FAILED with ${problems.size} problem(s).`);
    process.exit(1);
  }
  console.log('search: passed.');
}
