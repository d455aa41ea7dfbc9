// The Nu HTML Checker (vnu.jar from the vnu-jar package) over every HTML file of the builds at
// once, in one JVM, errors only, as JSON; each error becomes a problem with file, line and message.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const JAVA = process.env.LOA_JAVA || 'java';
const VNU = join(dirname(createRequire(import.meta.url).resolve('vnu-jar/package.json')), 'build/dist/vnu.jar');

/** Starts the checker; the promise resolves to the number of errors once it is done. */
export function runNu(files, problems) {
  return new Promise((ok, fail) => {
    const args = ['-Xss8m', '-jar', VNU, '--errors-only', '--format', 'json', ...files];
    const child = spawn(JAVA, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', (e) => fail(new Error(`cannot run ${JAVA} (Debian: apt-get install default-jre-headless): ${e.message}`)));
    child.on('close', (code) => {
      let report;
      try {
        report = JSON.parse(out.slice(out.indexOf('{')));
      } catch {
        fail(new Error(`vnu.jar exited ${code} without a JSON report:\n${out.slice(0, 2000)}`));
        return;
      }
      let errors = 0;
      for (const m of report.messages ?? []) {
        if (m.type !== 'error' && !(m.type === 'non-document-error')) continue;
        errors++;
        const where = m.url ? fileURLToPath(m.url) : '(vnu)';
        problems.add(where, 'nu', `${m.lastLine ? `line ${m.lastLine}:${m.firstColumn ?? m.lastColumn}: ` : ''}${m.message}${m.extract ? ` — “${m.extract.replace(/\s+/g, ' ').slice(0, 100)}”` : ''}`);
      }
      if (code !== 0 && errors === 0) {
        fail(new Error(`vnu.jar exited ${code} but reported no error:\n${out.slice(0, 2000)}`));
        return;
      }
      ok(errors);
    });
  });
}
