// The link check: every internal link of a page (a, area, link, img, script, source, iframe) must
// reach a file of the build, whether served over HTTP or opened from file://, and a #fragment must
// name an id of the page it points to. Requests to any other origin are refused here too.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sep } from 'node:path';

/** Every URL a page points to, resolved by the browser, with the element it came from. */
export function linkTargets(page) {
  return page.evaluate(() => {
    const out = [];
    const add = (el, url) => url && out.push({ el: el.tagName.toLowerCase(), rel: el.getAttribute('rel') || '', url });
    for (const el of document.querySelectorAll('a[href], area[href], link[href]')) add(el, el.href);
    for (const el of document.querySelectorAll('img[src], script[src], iframe[src], source[src], video[src], audio[src]')) add(el, el.src);
    for (const el of document.querySelectorAll('img[srcset], source[srcset]')) {
      for (const part of el.srcset.split(',')) add(el, new URL(part.trim().split(/\s+/)[0], document.baseURI).href);
    }
    return out;
  });
}

const idCache = new Map();
function idsOf(file) {
  if (!idCache.has(file)) {
    const html = readFileSync(file, 'utf8');
    const ids = new Set();
    for (const m of html.matchAll(/\sid=(?:"([^"]*)"|'([^']*)'|([^\s>]+))/g)) ids.add(m[1] ?? m[2] ?? m[3]);
    idCache.set(file, ids);
  }
  return idCache.get(file);
}

/**
 * A resolver for a served build: same-origin URLs go through the server's path mapping; any
 * other http(s) URL is external and not followed.
 */
export function httpResolver(server) {
  return (url) => (url.origin === server.origin ? server.resolve(url.pathname) : null);
}

/** A resolver for a build opened from file://: the target must be a file (not a folder) inside it. */
export function fileResolver(root) {
  return (url) => {
    if (url.protocol !== 'file:') return null;
    const path = fileURLToPath(url);
    if (path !== root && !path.startsWith(root + sep)) return { error: 'outside the build folder' };
    try {
      readFileSync(path);
      return { file: path };
    } catch (e) {
      return { error: e.code === 'EISDIR' ? 'a folder, not a file (file:// shows a listing)' : 'no such file' };
    }
  };
}

/**
 * Follows each target with `resolve`; adds a problem for each that does not reach a file. A link
 * to the page itself (`#noi-dung`) is checked against `selfFile`, the file the page was read from
 * (404.html for a missing address).
 */
export function checkLinks(where, targets, resolve, problems, selfFile = null) {
  const self = new URL(where);
  self.hash = '';
  let followed = 0;
  for (const t of targets) {
    let url;
    try {
      url = new URL(t.url);
    } catch {
      problems.add(where, 'link', `<${t.el}> points to an invalid URL ${t.url}`);
      continue;
    }
    if (['mailto:', 'tel:', 'data:'].includes(url.protocol)) continue;
    const bare = new URL(url);
    bare.hash = '';
    const r = selfFile && bare.href === self.href ? { file: selfFile } : resolve(url);
    if (r === null) continue;
    followed++;
    if (r.error) {
      problems.add(where, 'link', `<${t.el}${t.rel ? ` rel=${t.rel}` : ''}> ${t.url}: ${r.error}`);
      continue;
    }
    const frag = decodeURIComponent(url.hash.slice(1));
    if (frag && r.file.endsWith('.html') && !idsOf(r.file).has(frag)) {
      problems.add(where, 'link-fragment', `<${t.el}> ${t.url}: no element with id "${frag}" there`);
    }
  }
  return followed;
}

/**
 * Requests the page made: none to another origin, no web font, none that failed. Returns the
 * same-origin URLs it loaded (for the weight budget).
 */
export function checkRequests(where, requests, isOwn, problems) {
  const own = [];
  for (const q of requests) {
    if (q.url.startsWith('data:')) continue;
    if (!isOwn(new URL(q.url))) {
      problems.add(where, 'other-origin', `${q.type} request to ${q.url}`);
      continue;
    }
    if (q.type === 'font') problems.add(where, 'no-web-fonts', `font request ${q.url}`);
    if (typeof q.status === 'string' || (q.status >= 400 && q.type !== 'document')) {
      problems.add(where, 'broken-request', `${q.type} ${q.url}: ${q.status}`);
    }
    own.push(q.url);
  }
  return own;
}
