// A tiny static server on 127.0.0.1 for one build, mounted under a path ("/" or "/bau-cu/") the way
// a static host serves it: `dir/` is `dir/index.html`, anything else missing is 404.html with 404.
// `resolve` is the same mapping, used by the link check to follow links without a request.
import http from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.ics': 'text/calendar; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.pdf': 'application/pdf',
};

/**
 * Maps a URL path to a file of `root` mounted at `prefix`. Returns `{ file }` or `{ error }`.
 */
export function resolvePath(root, prefix, pathname) {
  if (!pathname.startsWith(prefix)) return { error: `outside the site's path ${prefix}` };
  let rest;
  try {
    rest = decodeURIComponent(pathname.slice(prefix.length));
  } catch {
    return { error: 'undecodable path' };
  }
  const file = normalize(join(root, rest));
  if (file !== root && !file.startsWith(root + sep)) return { error: 'escapes the site folder' };
  if (!existsSync(file)) return { error: 'no such file' };
  if (statSync(file).isDirectory()) {
    if (!pathname.endsWith('/')) return { error: 'a folder named without the trailing slash' };
    const index = join(file, 'index.html');
    return existsSync(index) ? { file: index } : { error: 'folder without index.html' };
  }
  return { file };
}

export function serve(root, prefix = '/') {
  const server = http.createServer((req, res) => {
    const { pathname } = new URL(req.url, 'http://127.0.0.1');
    const r = resolvePath(root, prefix, pathname);
    let file = r.file;
    let status = 200;
    if (!file) {
      status = 404;
      file = join(root, '404.html');
    }
    if (!existsSync(file)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(status, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    });
    res.end(req.method === 'HEAD' ? undefined : readFileSync(file));
  });
  return new Promise((ok, fail) => {
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const origin = `http://127.0.0.1:${server.address().port}`;
      ok({
        origin,
        base: origin + prefix,
        resolve: (pathname) => resolvePath(root, prefix, pathname),
        close: () => new Promise((done) => server.close(done)),
      });
    });
  });
}
