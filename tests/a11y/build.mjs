// Builds the bundled site with the release binary three ways into a scratch folder: plain (served
// at the root), --offline (opened from file://) and with a base_url ending in /bau-cu/ (served
// under that path). Also lists the HTML files of a build.
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

export const NOW = '2021-06-01';
export const SUBPATH = '/bau-cu/';
const SUBPATH_BASE_URL = `https://loa.example.org${SUBPATH}`;

export function buildAll(bin, siteRoot, scratch) {
  const build = (name, extra) => {
    const out = join(scratch, name);
    const args = ['build', '--strict', '--now', NOW, '--root', siteRoot, '--output', out, '--quiet', ...extra];
    try {
      execFileSync(bin, args, { stdio: 'inherit' });
    } catch (e) {
      throw new Error(`\`${bin} ${args.join(' ')}\` failed (${e.status ?? e.message})`);
    }
    return out;
  };
  return {
    main: build('main', []),
    offline: build('offline', ['--offline']),
    subpath: build('subpath', ['--base-url', SUBPATH_BASE_URL]),
  };
}

/** Paths of the HTML files under `dir`, relative to it, with `/`, sorted. */
export function htmlFiles(dir) {
  const found = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.html')) found.push(relative(dir, p).split('\\').join('/'));
    }
  };
  walk(dir);
  return found.sort();
}

/** The URL path (after the mount prefix) a host serves an HTML file at: `a/index.html` → `a/`. */
export function prettyPath(file) {
  if (file === 'index.html') return '';
  return file.endsWith('/index.html') ? file.slice(0, -'index.html'.length) : file;
}
