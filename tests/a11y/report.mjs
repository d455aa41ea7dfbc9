// The problems of one run: every failed check with the page URL and the rule, printed grouped by
// page at the end so a failure says exactly where and what. Also the number formats of the summary.

export class Problems {
  constructor() {
    this.list = [];
  }

  /** One failed check: where (a URL or file), which rule, and what was found. */
  add(where, rule, detail) {
    this.list.push({ where, rule, detail: String(detail ?? '') });
  }

  /** How many problems have a rule starting with `prefix` (e.g. "axe"). */
  count(prefix) {
    return this.list.filter((p) => p.rule.startsWith(prefix)).length;
  }

  get size() {
    return this.list.length;
  }

  print(out = console.error) {
    const byWhere = new Map();
    for (const p of this.list) {
      if (!byWhere.has(p.where)) byWhere.set(p.where, []);
      byWhere.get(p.where).push(p);
    }
    for (const [where, ps] of byWhere) {
      out(`\nFAIL ${where}`);
      for (const p of ps) out(`  [${p.rule}] ${p.detail}`);
    }
  }
}

export const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
export const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
