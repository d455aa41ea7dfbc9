// Per-page checks besides axe: one <h1>, no needless script, the skip link, no horizontal scroll
// at 320 px, line-height >= 1.5, no clipped text, no inline items run together, the main text with
// JavaScript off, and the non-text contrast (3:1) of borders and focus indicators.
import { DESKTOP } from './browser.mjs';

export const NARROW = { width: 320, height: 720 };

/** Everything read from the page in one pass: counts, offenders, the visible main text. */
export function inspect(page) {
  return page.evaluate(() => {
    const describe = (el, depth = 0) => {
      let s = el.tagName.toLowerCase();
      if (el.id) return `${s}#${el.id}`;
      if (el.classList.length) s += `.${[...el.classList].join('.')}`;
      const p = el.parentElement;
      return p && p !== document.body && depth < 2 ? `${describe(p, depth + 1)} > ${s}` : s;
    };
    const hidden = (el) => {
      const r = el.getBoundingClientRect();
      return el.getClientRects().length === 0 || (r.width <= 1 && r.height <= 1);
    };
    // Elements holding visible text of their own.
    const textEls = new Set();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (n.data.trim() && n.parentElement && !hidden(n.parentElement)) textEls.add(n.parentElement);
    }
    const tight = [];
    for (const el of textEls) {
      const cs = getComputedStyle(el);
      const ratio = cs.lineHeight === 'normal' ? null : parseFloat(cs.lineHeight) / parseFloat(cs.fontSize);
      if (ratio === null || ratio < 1.499) tight.push(`${describe(el)}: line-height ${cs.lineHeight} at font-size ${cs.fontSize}`);
    }
    const clipping = [];
    for (const el of document.body.querySelectorAll('*')) {
      const cs = getComputedStyle(el);
      if (cs.overflowY === 'visible' || hidden(el) || !el.textContent.trim()) continue;
      if (el.scrollHeight > el.clientHeight + 1) {
        clipping.push(`${describe(el)}: overflow-y ${cs.overflowY}, content ${el.scrollHeight}px in a box of ${el.clientHeight}px`);
      }
    }
    // Inline items with text, side by side with nothing between them in the HTML (the minifier
    // drops spaces between elements): they must be kept apart by CSS, or they read as one word.
    const touching = [];
    const inline = (el) => el && el.textContent.trim() && /^inline/.test(getComputedStyle(el).display) && !hidden(el);
    for (const el of document.body.querySelectorAll('*')) {
      const next = el.nextSibling;
      if (!(next instanceof Element) || !inline(el) || !inline(next)) continue;
      const a = [...el.getClientRects()].pop();
      const b = next.getClientRects()[0];
      if (Math.abs(a.top - b.top) < a.height / 2 && b.left - a.right < 2) {
        touching.push(`${describe(el)} "${el.textContent.trim().slice(-20)}" runs into ${describe(next)} "${next.textContent.trim().slice(0, 20)}"`);
      }
    }
    const scripts = [...document.scripts]
      .filter((s) => !s.type || /javascript|ecmascript|module/i.test(s.type))
      .map((s) => (s.src ? `<script src="${s.getAttribute('src')}">` : `inline <script> ${s.textContent.slice(0, 60)}`));
    const handlers = [...document.querySelectorAll('*')]
      .filter((el) => [...el.attributes].some((a) => a.name.startsWith('on')))
      .map((el) => describe(el));
    const jsLinks = [...document.querySelectorAll('a[href^="javascript:" i]')].map((el) => describe(el));
    const main = document.querySelectorAll('main');
    return {
      h1: document.querySelectorAll('h1').length,
      mains: main.length,
      scripts: [...scripts, ...handlers.map((d) => `event handler attribute on ${d}`), ...jsLinks.map((d) => `javascript: link ${d}`)],
      tight,
      clipping,
      touching,
      mainText: main[0] ? main[0].innerText.replace(/\s+/g, ' ').trim() : '',
    };
  });
}

/** The first Tab lands on the skip link, which is then visible; Enter moves focus to <main>. */
export async function checkSkipLink(page, where, problems) {
  await page.evaluate(() => document.activeElement && document.activeElement.blur());
  await page.keyboard.press('Tab');
  const r = await page.evaluate(() => {
    const a = document.activeElement;
    if (!a || a === document.body) return { first: 'nothing' };
    const isSkip = a.matches('a.skip-link');
    const rect = a.getBoundingClientRect();
    const cs = getComputedStyle(a);
    const cx = rect.left + rect.width / 2;
    const cy = rect.top + rect.height / 2;
    const hit = document.elementFromPoint(cx, cy);
    const visible =
      rect.width >= 24 && rect.height >= 24 && rect.top >= 0 && rect.left >= 0 &&
      rect.bottom <= innerHeight && rect.right <= innerWidth &&
      cs.visibility === 'visible' && Number(cs.opacity) === 1 &&
      cs.clipPath === 'none' && (cs.clip === 'auto' || cs.clip === '') && !!hit && (hit === a || a.contains(hit));
    return {
      first: isSkip ? null : `${a.tagName.toLowerCase()} "${(a.textContent || '').trim().slice(0, 40)}"`,
      visible,
      box: `${Math.round(rect.width)}×${Math.round(rect.height)} at ${Math.round(rect.left)},${Math.round(rect.top)}`,
      href: a.getAttribute('href'),
    };
  });
  if (r.first) {
    problems.add(where, 'skip-link-first', `the first Tab focuses ${r.first}, not a.skip-link`);
    return;
  }
  if (!r.visible) problems.add(where, 'skip-link-visible', `the focused skip link is not fully visible (${r.box})`);
  await page.keyboard.press('Enter');
  const landed = await page.evaluate(() => {
    const a = document.activeElement;
    return a && a.closest('main') ? null : a ? a.tagName.toLowerCase() : 'nothing';
  });
  if (landed) problems.add(where, 'skip-link-target', `Enter on the skip link (${r.href}) leaves focus on ${landed}, not in <main>`);
}

/** No horizontal scrolling at 320 CSS px; names the elements that stick out. */
export async function checkReflow(page, where, problems) {
  await page.setViewportSize(NARROW);
  const r = await page.evaluate(() => {
    const root = document.documentElement;
    const width = root.clientWidth;
    if (root.scrollWidth <= width) return null;
    const clipped = (el) => {
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        if (getComputedStyle(p).overflowX !== 'visible') return true;
      }
      return false;
    };
    const wide = [...document.body.querySelectorAll('*')]
      .filter((el) => el.getBoundingClientRect().right > width + 0.5 && !clipped(el))
      .slice(0, 4)
      .map((el) => `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ').join('.')}` : ''} (right edge ${Math.round(el.getBoundingClientRect().right)}px)`);
    return `page is ${root.scrollWidth}px wide in a ${width}px viewport; sticking out: ${wide.join(', ') || '?'}`;
  });
  await page.setViewportSize(DESKTOP);
  if (r) problems.add(where, 'reflow-320', r);
}

/** The results of `inspect` that are problems. */
export function reportInspection(info, where, problems) {
  if (info.h1 !== 1) problems.add(where, 'one-h1', `${info.h1} <h1> elements (exactly one wanted)`);
  if (info.mains !== 1) problems.add(where, 'one-main', `${info.mains} <main> elements`);
  for (const s of info.scripts) problems.add(where, 'no-script', `JavaScript no feature needs: ${s}`);
  for (const t of info.tight.slice(0, 5)) problems.add(where, 'line-height', t);
  for (const c of info.clipping.slice(0, 5)) problems.add(where, 'clipped-text', c);
  for (const t of info.touching.slice(0, 5)) problems.add(where, 'inline-spacing', t);
}

/** The main landmark's visible text must be the same with JavaScript off. */
export function compareMainText(withJs, withoutJs, where, problems) {
  if (withJs === withoutJs) return;
  let i = 0;
  while (i < withJs.length && withJs[i] === withoutJs[i]) i++;
  problems.add(
    where,
    'text-without-js',
    `main text differs with JavaScript off at character ${i}: with JS "…${withJs.slice(i, i + 60)}", without "…${withoutJs.slice(i, i + 60)}"`,
  );
}

/**
 * Non-text contrast, which axe does not measure: every visible border, and the focus indicator
 * of every focusable element, must reach 3:1 against the colour behind it. A focus indicator is
 * an outline or a box-shadow; the best-contrasting of its colours counts.
 */
export async function checkNonTextContrast(page, where, scheme, problems) {
  const found = await page.evaluate(() => {
    const parse = (c) => {
      const m = c.match(/rgba?\(([^)]+)\)/);
      if (!m) return null;
      const [r, g, b, a = 1] = m[1].split(/[\s,/]+/).filter(Boolean).map(Number);
      return { r, g, b, a };
    };
    const lum = ({ r, g, b }) => {
      const f = (v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const ratio = (x, y) => {
      const [hi, lo] = [lum(x), lum(y)].sort((p, q) => q - p);
      return (hi + 0.05) / (lo + 0.05);
    };
    // The browser's canvas is dark only when the page opts in to a dark scheme and it is preferred.
    const darkCanvas = matchMedia('(prefers-color-scheme: dark)').matches && /dark/.test(getComputedStyle(document.documentElement).colorScheme);
    const canvas = darkCanvas ? { r: 18, g: 18, b: 18 } : { r: 255, g: 255, b: 255 };
    const behind = (el) => {
      for (let p = el; p; p = p.parentElement) {
        const c = parse(getComputedStyle(p).backgroundColor);
        if (c && c.a > 0.5) return c;
      }
      return canvas;
    };
    const describe = (el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.classList.length ? `.${[...el.classList].join('.')}` : ''}`;
    const hex = ({ r, g, b }) => `#${[r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
    const out = [];
    const seen = new Set();
    for (const el of document.body.querySelectorAll('*')) {
      if (el.getClientRects().length === 0) continue;
      const cs = getComputedStyle(el);
      for (const side of ['Top', 'Right', 'Bottom', 'Left']) {
        if (cs[`border${side}Style`] === 'none' || parseFloat(cs[`border${side}Width`]) < 1) continue;
        const c = parse(cs[`border${side}Color`]);
        if (!c || c.a === 0) continue;
        const bg = behind(el.parentElement || el);
        const r = ratio(c, bg);
        const key = `${describe(el)} ${side}`;
        if (r < 3 && !seen.has(key)) {
          seen.add(key);
          out.push({ rule: 'border-contrast', detail: `${describe(el)} border-${side.toLowerCase()} ${hex(c)} on ${hex(bg)}: ${r.toFixed(2)}:1 (3:1 wanted)` });
        }
      }
    }
    const focusables = document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])');
    for (const el of focusables) {
      if (el.getClientRects().length === 0) continue;
      el.focus();
      const cs = getComputedStyle(el);
      const colors = [];
      if (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2) colors.push(parse(cs.outlineColor));
      if (cs.boxShadow !== 'none') for (const m of cs.boxShadow.matchAll(/rgba?\([^)]+\)/g)) colors.push(parse(m[0]));
      const bg = behind(el.parentElement || el);
      const best = Math.max(0, ...colors.filter((c) => c && c.a > 0.5).map((c) => ratio(c, bg)));
      const key = describe(el);
      if (best < 3 && !seen.has(key)) {
        seen.add(key);
        out.push({ rule: 'focus-indicator', detail: `${key} "${el.textContent.trim().slice(0, 30)}": ${colors.length ? `best focus colour ${best.toFixed(2)}:1 on ${hex(bg)}` : 'no outline or box-shadow when focused'} (3:1 wanted)` });
      }
      el.blur();
    }
    return out;
  });
  for (const f of found.slice(0, 8)) problems.add(where, `${f.rule}${scheme === 'dark' ? ' (dark)' : ''}`, f.detail);
}
