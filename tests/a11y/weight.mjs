// The weight budget: each page's HTML plus everything it loaded from the site (its CSS, images),
// gzipped, at most 30 KB; the stylesheet at most 15 KB gzipped, with no web font, no import and
// no URL to another origin, no fixed height that could clip stacked Vietnamese marks.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

export const PAGE_BUDGET = 30 * 1024;
export const CSS_BUDGET = 15 * 1024;

const sizes = new Map();
/** gzip (level 6, what hosts use by default) size of a file, cached. */
export function gzipped(file) {
  if (!sizes.has(file)) sizes.set(file, gzipSync(readFileSync(file), { level: 6 }).length);
  return sizes.get(file);
}

/** Sums the gzipped size of the files a page loaded; adds a problem over budget. */
export function pageWeight(where, files, problems) {
  const total = [...new Set(files)].reduce((sum, f) => sum + gzipped(f), 0);
  if (total > PAGE_BUDGET) {
    problems.add(where, 'weight', `${(total / 1024).toFixed(1)} KB gzipped with its CSS (budget ${PAGE_BUDGET / 1024} KB)`);
  }
  return total;
}

// Declarations that would fix the height of a box: any height/max-height other than auto, none
// or the 1px of the visually-hidden pattern, and the small drawn breadcrumb chevron.
const FIXED_HEIGHT = /(?:^|[;{\s])(max-height|height|block-size|max-block-size)\s*:\s*([^;}!]+)/g;
const ALLOWED_HEIGHT = /^(auto|none|1px|\.45em|0\.45em|inherit|initial|unset|fit-content|max-content|min-content)$/;

/** Checks the built stylesheet; returns its gzipped size. */
export function checkStylesheet(where, file, problems) {
  const css = readFileSync(file, 'utf8');
  const size = gzipped(file);
  if (size > CSS_BUDGET) problems.add(where, 'css-weight', `${(size / 1024).toFixed(1)} KB gzipped (budget ${CSS_BUDGET / 1024} KB)`);
  if (/@font-face/i.test(css)) problems.add(where, 'no-web-fonts', '@font-face in the stylesheet');
  if (/@import/i.test(css)) problems.add(where, 'css-import', '@import in the stylesheet (one more request)');
  for (const m of css.matchAll(/url\(\s*['"]?(?:https?:)?\/\//gi)) problems.add(where, 'other-origin', `url() to another origin: ${css.slice(m.index, m.index + 80)}`);
  for (const m of css.matchAll(FIXED_HEIGHT)) {
    const value = m[2].trim();
    if (!ALLOWED_HEIGHT.test(value)) problems.add(where, 'fixed-height', `${m[1]}: ${value} could clip stacked marks (use min-height)`);
  }
  const needs = {
    'prefers-color-scheme: dark': /prefers-color-scheme\s*:\s*dark/,
    'forced-colors: active': /forced-colors\s*:\s*active/,
    'prefers-reduced-motion': /prefers-reduced-motion/,
    '@media print': /@media\s+print/,
    '@page size A4': /@page\s*\{[^}]*size\s*:\s*A4/i,
    'tr { break-inside: avoid }': /(^|[},\s])tr[^{]*\{[^}]*break-inside\s*:\s*avoid/,
  };
  for (const [name, re] of Object.entries(needs)) {
    if (!re.test(css)) problems.add(where, 'theme', `the stylesheet has no ${name}`);
  }
  return size;
}
