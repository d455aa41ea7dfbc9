// `--screenshots DIR`: three PNGs for the README, taken from the plain build: the home page on a
// phone (360 CSS px) and a desktop (1280 px), and the schedule table as printed (A4, print media).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DESKTOP } from './browser.mjs';

export const SHOTS = [
  { file: 'screenshot-phone.png', path: '', viewport: { width: 360, height: 760 }, media: 'screen' },
  { file: 'screenshot-desktop.png', path: '', viewport: { width: 1280, height: 800 }, media: 'screen' },
  // 794×1123 CSS px is an A4 sheet at 96 px per inch; the 15 mm padding stands in for the @page
  // margin, which only a real print applies. The shot starts at the schedule table.
  { file: 'screenshot-print.png', path: 'lich-bau-cu/', viewport: { width: 794, height: 1123 }, media: 'print', from: '.schedule-note' },
];

export async function takeScreenshots(ctx, base, dir) {
  mkdirSync(dir, { recursive: true });
  const page = await ctx.newPage();
  const taken = [];
  for (const s of SHOTS) {
    await page.setViewportSize(s.viewport);
    await page.emulateMedia({ media: s.media, colorScheme: 'light' });
    await page.goto(base + s.path, { waitUntil: 'load' });
    const file = join(dir, s.file);
    let clip;
    if (s.from) {
      await page.addStyleTag({ content: 'html { padding: 15mm; }' });
      const box = await page.locator(s.from).first().boundingBox();
      clip = { x: 0, y: Math.max(0, box.y - 24), ...s.viewport };
    }
    await page.screenshot({ path: file, animations: 'disabled', caret: 'hide', fullPage: !!clip, clip });
    taken.push(file);
  }
  await page.setViewportSize(DESKTOP);
  await page.close();
  return taken;
}
