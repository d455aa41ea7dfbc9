// Where Debian's Chromium is and the flags it runs with here, shared by the browser suite and the
// search benchmark. No imports, so either can load it with its own playwright-core.
export const CHROMIUM = process.env.LOA_CHROMIUM || '/usr/bin/chromium';
// Without the background-networking flags Chromium keeps calling out, and a closed network
// refuses it many times a second.
export const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
