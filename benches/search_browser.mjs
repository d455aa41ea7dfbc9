// The browser half of benches/search.sh: Loa's search page and a minimal Pagefind page over the
// same built site, in Debian's Chromium (playwright-core, never a downloaded browser), each
// query in a fresh browser context (cold cache). Measures the bytes each search downloads, the
// time to the first result, and what was found, against a ground truth read from the built HTML.
//
// node benches/search_browser.mjs --loa <loa output> --pagefind <pagefind output>
//     [--runs 5] [--json target/bench/search-results.json] [--build <build numbers JSON>]
//     [--harness <scratch dir>] [--full | --no-full]
// Run from benches/search/ or with NODE_PATH pointing at benches/search/node_modules: search.sh
// does that. See benches/README.md for what each number means.
import http from 'node:http';
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, extname, join, normalize, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ARGS, CHROMIUM } from '../tests/a11y/chromium.mjs';

const here = dirname(fileURLToPath(import.meta.url));
// playwright-core lives in benches/search/node_modules (installed by search.sh with npm ci).
const { chromium } = createRequire(join(here, 'search', 'package.json'))('playwright-core');


// The queries, as a reader would type them (toneless mostly), and what a page must contain to
// be a right answer: the words next to each other, as written on the page (lowercased, NFC).
// `full: false`: no listing of every result (nearly every page matches; it would take longest).
const QUERIES = [
  { q: 'bau cu', truth: /bầu\s+cử/, full: false },
  { q: 'dai bieu', truth: /đại\s+biểu/ },
  { q: 'uy ban', truth: /(?:ủy|uỷ)\s+ban/ },
  { q: 'dang ky', truth: /đăng\s+ký/ },
  { q: 'dong dao', truth: /đông\s+đảo/ },
  { q: 'hòa bình', truth: /(?:hòa|hoà)\s+bình/ },
];
// Page classes for the per-query checks (see `checks`).
const CLASSES = {
  uyTraditional: /ủy\s+ban/,
  uyModern: /uỷ\s+ban/,
  // "hoặc" and "bình" somewhere but no word that folds to "hoa" (hòa, hoà, hóa, hoá, …): such a
  // page matches "hòa bình" only through "hoặc", by prefix or by folding too much.
  onlyHoacBinh: (t) =>
    /(?<!\p{L})hoặc(?!\p{L})/u.test(t) &&
    /(?<!\p{L})bình(?!\p{L})/u.test(t) &&
    !/(?<!\p{L})h(?:o[aàáảãạ]|[òóỏõọ]a)(?!\p{L})/u.test(t),
};
const BYTES_QUERY = 'dai bieu'; // the two-word query whose bytes the summary line quotes

const { values: opt } = parseArgs({
  options: {
    loa: { type: 'string' },
    pagefind: { type: 'string' },
    runs: { type: 'string', default: process.env.RUNS || '5' },
    json: { type: 'string' },
    build: { type: 'string' },
    harness: { type: 'string' },
    full: { type: 'boolean', default: process.env.FULL !== '0' },
    'no-full': { type: 'boolean' },
    only: { type: 'string', default: process.env.ONLY || '' },
  },
});
if (!opt.loa || !opt.pagefind) {
  console.error('usage: node benches/search_browser.mjs --loa <dir> --pagefind <dir> [--runs N] [--json FILE] [--build FILE] [--no-full]');
  process.exit(2);
}
const RUNS = Number(opt.runs);
if (!['', 'loa', 'pagefind'].includes(opt.only)) {
  console.error(`search_browser: --only must be loa or pagefind (got ${opt.only})`);
  process.exit(2);
}
const USE = opt.only ? [opt.only] : ['loa', 'pagefind'];
const FULL = opt.full && !opt['no-full'];
const loaDir = resolve(opt.loa);
const pfDir = resolve(opt.pagefind);
const harnessDir = resolve(opt.harness || join(dirname(pfDir), 'pagefind-harness'));
const note = (s) => process.stderr.write(`==> ${s}\n`);

// --- files --------------------------------------------------------------------------------------

function* walk(dir) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* walk(p);
    else if (e.isFile()) yield p;
  }
}
function dirBytes(dir, keep = () => true) {
  let bytes = 0;
  let files = 0;
  if (!existsSync(dir)) return { bytes: 0, files: 0 };
  for (const f of walk(dir)) {
    if (!keep(f)) continue;
    bytes += statSync(f).size;
    files += 1;
  }
  return { bytes, files };
}

// --- ground truth from the built HTML -----------------------------------------------------------
// The text of each page's <main>, as Loa's index reads it (ARCHITECTURE.md §11): nav, script,
// style, template, svg, form and [data-search-skip] skipped; lowercased, NFC, entities decoded.

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', ndash: '–', mdash: '—', hellip: '…' };
function decode(s) {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);?/gi, (m, e) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}
const SKIP = new Set(['nav', 'script', 'style', 'template', 'svg', 'form']);
function mainText(html) {
  const start = html.search(/<main[\s>]/i);
  if (start < 0) return null;
  const end = html.indexOf('</main>', start);
  const body = html.slice(start, end < 0 ? html.length : end);
  let out = '';
  let at = 0;
  let skip = null; // [name, depth] of the element being skipped
  for (const m of body.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>|<!--[\s\S]*?-->/g)) {
    if (!skip) out += body.slice(at, m.index);
    at = m.index + m[0].length;
    if (!m[2]) continue; // a comment
    const name = m[2].toLowerCase();
    const closing = m[1] === '/';
    const selfClosing = /\/\s*$/.test(m[3]);
    if (skip) {
      if (name === skip[0] && !selfClosing) skip[1] += closing ? -1 : 1;
      if (skip[1] === 0) skip = null;
    } else if (!closing && !selfClosing && (SKIP.has(name) || /(?:^|\s)data-search-skip(?:[\s=]|$)/.test(m[3]))) {
      skip = [name, 1];
    }
    out += ' ';
  }
  if (!skip) out += body.slice(at);
  return decode(out).normalize('NFC').toLowerCase().replace(/\s+/g, ' ');
}
function titleOf(html) {
  const m = html.match(/<h1[^>]*>([\s\S]*?)<\/h1>/i) || html.match(/<title>([\s\S]*?)<\/title>/i);
  return m ? decode(m[1].replace(/<[^>]+>/g, '')).trim() : '';
}

/** Map of URL path (`/a/b/`) → { title, text } for every page either engine could index. */
function groundTruth(dir) {
  const pages = new Map();
  for (const f of walk(dir)) {
    if (!f.endsWith('.html')) continue;
    const rel = relative(dir, f).split(sep).join('/');
    if (rel === '404.html' || rel.startsWith('tim-kiem/')) continue;
    const html = readFileSync(f, 'utf8');
    if (/<meta[^>]+http-equiv=["']?refresh/i.test(html)) continue; // alias redirects
    const text = mainText(html);
    if (text === null) continue;
    const url = '/' + rel.replace(/(^|\/)index\.html$/, '$1');
    pages.set(url, { title: titleOf(html), text });
  }
  return pages;
}

// --- a static server that logs what it sent ----------------------------------------------------

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.xml': 'application/xml',
  '.wasm': 'application/wasm',
};

/** Serves `mounts` ([prefix, dir], longest prefix first) on 127.0.0.1; `log` holds every response. */
function serve(mounts) {
  const log = [];
  let inflight = 0;
  let last = Date.now();
  const server = http.createServer((req, res) => {
    inflight++;
    last = Date.now();
    const pathname = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname);
    let file = null;
    for (const [prefix, dir] of mounts) {
      if (!pathname.startsWith(prefix)) continue;
      let f = normalize(join(dir, pathname.slice(prefix.length)));
      if (f !== dir && !f.startsWith(dir + sep)) break;
      if (existsSync(f) && statSync(f).isDirectory()) f = join(f, 'index.html');
      if (existsSync(f) && statSync(f).isFile()) file = f;
      break;
    }
    const body = file ? readFileSync(file) : Buffer.from('not found');
    res.writeHead(file ? 200 : 404, {
      'content-type': (file && TYPES[extname(file)]) || 'application/octet-stream',
      'content-length': body.length,
      'cache-control': 'no-store',
    });
    res.end(body, () => {
      log.push({ path: pathname, bytes: body.length, status: file ? 200 : 404 });
      inflight--;
      last = Date.now();
    });
  });
  return new Promise((ok) => {
    server.listen(0, '127.0.0.1', () => {
      ok({
        origin: `http://127.0.0.1:${server.address().port}`,
        log,
        /** Resolves once nothing has been requested for `ms` (at most 10 s). */
        async quiet(ms = 300) {
          const until = Date.now() + 10000;
          while ((inflight > 0 || Date.now() - last < ms) && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
        },
        close: () => new Promise((r) => server.close(r)),
      });
    });
  });
}

// --- the Pagefind page ------------------------------------------------------------------------
// Pagefind's JS API and nothing else: search, then data() of the first ten results, each shown
// as soon as its data is in (the first one first), like Pagefind's own UI.

const HARNESS = `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>Pagefind</title><link rel="icon" href="data:,"></head>
<body><p id="status"></p><ol id="results"></ol>
<script type="module">
const b = (window.__bench = {});
const q = new URLSearchParams(location.search).get('q') || '';
const pagefind = await import('/pagefind/pagefind.js');
b.query = performance.now();
const search = await pagefind.search(q);
b.searched = performance.now();
const ol = document.getElementById('results');
for (const p of search.results.slice(0, 10).map((r) => r.data())) {
  const d = await p;
  const li = document.createElement('li');
  const a = document.createElement('a');
  a.href = d.url;
  a.textContent = d.meta?.title ?? d.url;
  li.append(a);
  ol.append(li);
  b.first ??= performance.now();
}
b.ready = performance.now();
b.count = search.results.length;
document.getElementById('status').textContent = b.count + ' results';
window.__all = async () => {
  const urls = [];
  for (let i = 0; i < search.results.length; i += 100) {
    const part = await Promise.all(search.results.slice(i, i + 100).map((r) => r.data()));
    urls.push(...part.map((d) => d.url));
  }
  return urls;
};
b.done = true;
</script></body></html>
`;

// --- one measured query -----------------------------------------------------------------------

// Records when the first result is in Loa's results list and when the status line is final.
const LOA_INIT = () => {
  const b = (window.__bench = {});
  new MutationObserver(() => {
    if (b.first === undefined && document.querySelector('#loa-tim-ket-qua li')) b.first = performance.now();
    const st = document.getElementById('loa-tim-trang-thai');
    const form = document.getElementById('loa-tim-form');
    if (b.ready === undefined && st && st.textContent && st.textContent !== form?.dataset.loading) {
      b.ready = performance.now();
      b.status = st.textContent;
      b.done = true;
    }
  }).observe(document, { childList: true, subtree: true, characterData: true });
};

const ENGINES = {
  loa: {
    url: (origin, q) => `${origin}/tim-kiem/?q=${encodeURIComponent(q)}`,
    searchBytes: (p) => p.startsWith('/tim-kiem/chi-muc/') || p === '/js/tim-kiem.js',
    async read(page) {
      return page.evaluate(() => {
        const b = window.__bench;
        const m = performance.getEntriesByType('resource').find((e) => e.name.includes('/chi-muc/m.js'));
        const digits = (b.status || '').match(/\d[\d.,\s\u00a0\u202f]*/);
        const count = digits ? Number(digits[0].replace(/\D/g, '')) : 0;
        const top = [...document.querySelectorAll('#loa-tim-ket-qua li h2 a')].slice(0, 10).map((a) => ({ url: new URL(a.href).pathname, title: a.textContent }));
        return { first: b.first ?? null, ready: b.ready, query: m ? m.startTime : null, count, status: b.status, top };
      });
    },
    // Every result: "more" until it hides (each click loads the next ten fragments).
    async all(page) {
      return page.evaluate(async () => {
        const box = document.getElementById('loa-tim-ket-qua');
        const more = box.querySelector('.search-more');
        const ol = box.querySelector('ol');
        if (!ol) return [];
        while (more && !more.hidden) {
          const n = ol.children.length;
          more.click();
          const t0 = performance.now();
          await new Promise((r) => {
            const iv = setInterval(() => {
              if (ol.children.length > n || more.hidden || performance.now() - t0 > 10000) clearInterval(iv), r();
            }, 2);
          });
          if (ol.children.length === n && !more.hidden) break; // a fragment failed to load
        }
        return [...ol.querySelectorAll('li h2 a')].map((a) => new URL(a.href).pathname);
      });
    },
  },
  pagefind: {
    url: (origin, q) => `${origin}/?q=${encodeURIComponent(q)}`,
    searchBytes: (p) => p.startsWith('/pagefind/'),
    async read(page) {
      return page.evaluate(() => {
        const b = window.__bench;
        const top = [...document.querySelectorAll('#results li a')].map((a) => ({ url: new URL(a.href).pathname, title: a.textContent }));
        return { first: b.first ?? null, ready: b.ready, query: b.query, count: b.count, status: `${b.count} results`, top };
      });
    },
    async all(page) {
      return page.evaluate(async () => (await window.__all()).map((u) => new URL(u, location.href).pathname));
    },
  },
};

async function measure(browser, server, engine, q, { full = false } = {}) {
  const e = ENGINES[engine];
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await ctx.newPage();
    if (engine === 'loa') await page.addInitScript(LOA_INIT);
    server.log.length = 0;
    await page.goto(e.url(server.origin, q), { waitUntil: 'load' });
    await page.waitForFunction(() => window.__bench && window.__bench.done, null, { timeout: 120000, polling: 20 });
    await server.quiet();
    const r = await e.read(page);
    const log = server.log.splice(0);
    const pageBytes = log.filter((x) => !e.searchBytes(x.path)).reduce((s, x) => s + x.bytes, 0);
    const search = log.filter((x) => e.searchBytes(x.path));
    const out = {
      count: r.count,
      status: r.status,
      top: r.top,
      first_ms: r.first,
      ready_ms: r.ready,
      search_ms: r.first !== null && r.query !== null ? r.first - r.query : null,
      page_bytes: pageBytes,
      search_bytes: search.reduce((s, x) => s + x.bytes, 0),
      search_requests: search.length,
      requests: log.length,
      failed: log.filter((x) => x.status !== 200).map((x) => x.path),
      log: log.map((x) => [x.path, x.bytes]),
    };
    if (full) out.all = await e.all(page);
    return out;
  } finally {
    await ctx.close();
  }
}

// --- evaluation -------------------------------------------------------------------------------

function evaluate(truth, spec, found) {
  const rel = (url) => {
    const p = truth.get(url);
    return !!p && spec.truth.test(p.text);
  };
  const relevant = [...truth.entries()].filter(([, p]) => spec.truth.test(p.text)).map(([u]) => u);
  const ev = {
    relevant: relevant.length,
    top10_relevant: found.top.filter((t) => rel(t.url)).length,
    top: found.top.map((t) => ({ ...t, relevant: rel(t.url), known: truth.has(t.url) })),
  };
  if (found.all) {
    const all = new Set(found.all);
    ev.listed = all.size;
    ev.found_relevant = relevant.filter((u) => all.has(u)).length;
    ev.irrelevant_listed = [...all].filter((u) => !rel(u)).length;
  }
  const has = (re, url) => {
    const p = truth.get(url);
    return !!p && (typeof re === 'function' ? re(p.text) : re.test(p.text));
  };
  const cls = (name) => [...truth.keys()].filter((u) => has(CLASSES[name], u));
  if (spec.q === 'uy ban') {
    for (const name of ['uyTraditional', 'uyModern']) {
      const pages = cls(name);
      ev[name] = { pages: pages.length, top10: found.top.filter((t) => has(CLASSES[name], t.url)).length };
      if (found.all) {
        const all = new Set(found.all);
        ev[name].found = pages.filter((u) => all.has(u)).length;
      }
    }
  }
  if (spec.q === 'hòa bình') {
    ev.onlyHoacBinh = { pages: cls('onlyHoacBinh').length, top10: found.top.filter((t) => has(CLASSES.onlyHoacBinh, t.url)).length };
  }
  return ev;
}

const median = (xs) => {
  const v = xs.filter((x) => x !== null && x !== undefined).sort((a, b) => a - b);
  if (!v.length) return null;
  return v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
};

// --- main -------------------------------------------------------------------------------------

if (USE.includes('loa') && !existsSync(join(loaDir, 'tim-kiem', 'chi-muc', 'm.js'))) {
  console.error(`search_browser: ${loaDir} has no tim-kiem/chi-muc/m.js: was it built by a Loa with search (and without \`search: false\`)?`);
  process.exit(1);
}
if (USE.includes('pagefind') && !existsSync(join(pfDir, 'pagefind.js'))) {
  console.error(`search_browser: ${pfDir} has no pagefind.js: run pagefind first`);
  process.exit(1);
}
mkdirSync(harnessDir, { recursive: true });
writeFileSync(join(harnessDir, 'index.html'), HARNESS);

note('reading the built HTML for the ground truth');
const truth = groundTruth(loaDir);

const index = {};
if (USE.includes('loa')) {
  const loaIndex = dirBytes(join(loaDir, 'tim-kiem', 'chi-muc'));
  const src = readFileSync(join(loaDir, 'tim-kiem', 'chi-muc', 'm.js'), 'utf8');
  const manifest = JSON.parse(src.slice(src.indexOf(']=') + 2).replace(/;?\s*$/, '')); // (self.loaSearch=…)["m"]={…}
  index.loa = {
    pages: manifest.pages,
    index_bytes: loaIndex.bytes,
    index_files: loaIndex.files,
    client_bytes: statSync(join(loaDir, 'js', 'tim-kiem.js')).size,
    bytes_per_page: loaIndex.bytes / manifest.pages,
  };
}
if (USE.includes('pagefind')) {
  const entry = JSON.parse(readFileSync(join(pfDir, 'pagefind-entry.json'), 'utf8'));
  const pages = Object.values(entry.languages).reduce((s, l) => s + l.page_count, 0);
  // Pagefind always writes its UI bundles too; "index" leaves them out.
  const UI = /\/pagefind-(?:component-ui|modular-ui|ui|highlight)\.(?:js|css)$/;
  const all = dirBytes(pfDir);
  const idx = dirBytes(pfDir, (f) => !UI.test(f));
  index.pagefind = {
    version: entry.version,
    pages,
    output_bytes: all.bytes,
    output_files: all.files,
    index_bytes: idx.bytes,
    index_files: idx.files,
    bytes_per_page: all.bytes / pages,
    index_bytes_per_page: idx.bytes / pages,
  };
}

const loaServer = await serve([['/', loaDir]]);
const pfServer = await serve([['/pagefind/', pfDir], ['/', harnessDir]]);
const servers = { loa: loaServer, pagefind: pfServer };
let browser;
try {
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
} catch (e) {
  console.error(`search_browser: cannot start ${CHROMIUM} (Debian: apt-get install chromium): ${e.message}`);
  process.exit(1);
}
const chromiumVersion = browser.version();

const results = {};
try {
  for (const spec of QUERIES) results[spec.q] = Object.fromEntries(USE.map((e) => [e, { runs: [] }]));
  for (let run = 1; run <= RUNS; run++) {
    for (const spec of QUERIES) {
      for (const engine of run % 2 ? USE : [...USE].reverse()) {
        const m = await measure(browser, servers[engine], engine, spec.q);
        results[spec.q][engine].runs.push(m);
        note(`run ${run}/${RUNS} ${engine.padEnd(8)} “${spec.q}”: ${m.count} results, first ${m.first_ms?.toFixed(0)} ms, ${(m.search_bytes / 1024).toFixed(1)} KB search + ${(m.page_bytes / 1024).toFixed(1)} KB page`);
        const failed = m.failed.filter((p) => p !== '/favicon.ico'); // a site without one: counted, not news
        if (failed.length) note(`  ${engine}: requests that failed: ${failed.slice(0, 5).join(', ')}`);
      }
    }
  }
  for (const spec of QUERIES) {
    for (const engine of USE) {
      const r = results[spec.q][engine];
      const first = r.runs[0];
      let found = first;
      if (FULL && spec.full !== false) {
        note(`every result: ${engine} “${spec.q}”`);
        const t0 = Date.now();
        found = await measure(browser, servers[engine], engine, spec.q, { full: true });
        r.full_list_s = (Date.now() - t0) / 1000;
      }
      Object.assign(r, {
        count: first.count,
        top: first.top,
        same_every_run: r.runs.every((x) => x.count === first.count && JSON.stringify(x.top) === JSON.stringify(first.top)),
        first_ms: median(r.runs.map((x) => x.first_ms)),
        ready_ms: median(r.runs.map((x) => x.ready_ms)),
        search_ms: median(r.runs.map((x) => x.search_ms)),
        page_bytes: median(r.runs.map((x) => x.page_bytes)),
        search_bytes: median(r.runs.map((x) => x.search_bytes)),
        search_requests: median(r.runs.map((x) => x.search_requests)),
        eval: evaluate(truth, spec, found),
      });
      for (const x of r.runs) delete x.top;
    }
  }
} finally {
  await browser.close();
  await loaServer.close();
  await pfServer.close();
}

// --- report -----------------------------------------------------------------------------------

const kb = (b) => (b / 1024).toFixed(1);
const ms = (x) => (x === null || x === undefined ? '–' : x.toFixed(0));
const lines = [];
const say = (s = '') => lines.push(s);
const NAME = { loa: 'Loa', pagefind: `Pagefind ${index.pagefind?.version ?? ''}`.trim() };
say();
say(`Search: ${USE.map((e) => NAME[e]).join(' vs ')} on ${truth.size} pages (ground truth: the text of each page's <main>), median of ${RUNS} cold loads per query`);
if (index.loa) {
  const x = index.loa;
  say(`index on disk: Loa ${kb(x.index_bytes)} KB in ${x.index_files} files for ${x.pages} pages = ${(x.bytes_per_page / 1024).toFixed(2)} KB/page (+ client ${kb(x.client_bytes)} KB)`);
}
if (index.pagefind) {
  const x = index.pagefind;
  say(`index on disk: Pagefind ${kb(x.output_bytes)} KB in ${x.output_files} files for ${x.pages} pages = ${(x.bytes_per_page / 1024).toFixed(2)} KB/page (${(x.index_bytes_per_page / 1024).toFixed(2)} KB/page without its UI files)`);
}
say();
const head = ['query', 'engine', 'results', 'right/all', 'top10 right', 'first (ms)', 'search (ms)', 'search KB', 'reqs', 'page KB'];
const rows = [];
for (const spec of QUERIES) {
  USE.forEach((engine, i) => {
    const r = results[spec.q][engine];
    const ev = r.eval;
    rows.push([
      i === 0 ? spec.q : '',
      engine,
      String(r.count),
      ev.found_relevant === undefined ? `?/${ev.relevant}` : `${ev.found_relevant}/${ev.relevant}`,
      `${ev.top10_relevant}/${r.top.length}`,
      ms(r.first_ms),
      ms(r.search_ms),
      kb(r.search_bytes),
      String(r.search_requests),
      kb(r.page_bytes),
    ]);
  });
}
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const fmt = (r) => r.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
say(fmt(head));
rows.forEach((r) => say(fmt(r)));
say();
const each = (q, f) => USE.map((e) => `${NAME[e]} ${f(results[q][e])}`).join('; ');
const frac = (c) => (c.found === undefined ? `?/${c.pages}` : `${c.found}/${c.pages}`);
say(`“uy ban”, pages found of those with each spelling: ${each('uy ban', (r) => `“Ủy ban” ${frac(r.eval.uyTraditional)}, “Uỷ ban” ${frac(r.eval.uyModern)}`)}`);
say(`“dang ky”, results and top 10 with “đăng ký” side by side: ${each('dang ky', (r) => `${r.count} results, ${r.eval.top10_relevant}/${r.top.length}`)}`);
const hb = results['hòa bình'][USE[0]].eval.onlyHoacBinh.pages;
say(`“hòa bình”, top 10 pages with only “hoặc … bình” (no word folding to “hoa”; ${hb} such pages): ${each('hòa bình', (r) => `${r.eval.onlyHoacBinh.top10}`)}`);
say(`“${BYTES_QUERY}” downloads: ${each(BYTES_QUERY, (r) => `${kb(r.search_bytes)} KB search (${r.search_requests} requests) + ${kb(r.page_bytes)} KB page`)}`);
const unstable = QUERIES.flatMap((s) => USE.filter((e) => !results[s.q][e].same_every_run).map((e) => `${e} “${s.q}”`));
if (unstable.length) say(`NOTE: results differed between runs for ${unstable.join(', ')}`);
say('(right/all: pages found that have the query words side by side, of all such pages; top10 right: of the first ten shown;');
say(' first: from opening the page to the first result shown; search: from the query starting, client loaded, to it; KB raw, not gzipped)');
console.log(lines.join('\n'));

if (opt.json) {
  const build = opt.build && existsSync(opt.build) ? JSON.parse(readFileSync(opt.build, 'utf8')) : null;
  const doc = {
    date: new Date().toISOString(),
    pages: truth.size,
    runs: RUNS,
    engines: USE,
    chromium: chromiumVersion,
    node: process.version,
    build,
    index,
    queries: Object.fromEntries(QUERIES.map((s) => [s.q, results[s.q]])),
    table: lines.join('\n'),
  };
  mkdirSync(dirname(resolve(opt.json)), { recursive: true });
  writeFileSync(opt.json, JSON.stringify(doc, null, 1) + '\n');
  note(`raw numbers: ${opt.json}`);
}
