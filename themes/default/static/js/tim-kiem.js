// Loa search client (ARCHITECTURE.md §11), on the search page only. The index files are plain
// scripts loaded with <script> elements: no fetch, so it works from file:// too.
(() => {
  const form = document.getElementById('loa-tim-form');
  const input = document.getElementById('loa-tim-q');
  const status = document.getElementById('loa-tim-trang-thai');
  const box = document.getElementById('loa-tim-ket-qua');
  let WORD;
  try {
    WORD = RegExp('[\\p{L}\\p{N}\\p{M}]+', 'gu');
  } catch (e) {
    return; // an old browser: the section list stays the way in
  }
  if (!form || !input || !status || !box) return;

  const ONSET_Y = /^(b|ch?|d|gh?|gi|h|kh?|l|m|ngh?|nh?|ph?|qu|r|s|th?|tr|v|x)y$/;
  // One mark per string: the minifier writes them as characters, and two marks side by side
  // out of canonical order would make this file not NFC.
  const SHAPES = ['\u0306', '\u0302', '\u031b']; // breve, circumflex, horn
  const TONES = ['\u0300', '\u0301', '\u0303', '\u0309', '\u0323'];
  const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_';
  const PAGE = 10; // results shown at a time
  const SPAN = 30; // tokens in a snippet

  // UI strings come from theme.yaml through the form's data attributes.
  const data = form.dataset;
  const say = (k, n, q) =>
    (data[k] || { results: '{n} kết quả', none: 'Không có kết quả.', more: 'Xem thêm', loading: 'Đang tìm…', error: 'Lỗi tải dữ liệu.' }[k])
      .replace('{n}', n && n.toLocaleString('vi-VN'))
      .replace('{q}', q);
  const index = new URL(data.index, document.baseURI); // the manifest's URL

  const lower = (s) => [...s].map((c) => c.toLowerCase()).join(''); // per letter, as the build does
  // fold (VIETNAMESE.md F1): marks dropped, lowercase, đ → d.
  const fold = (s) => lower(s.normalize('NFD').replace(/\p{M}/gu, '')).replace(/[đð]/g, 'd').normalize('NFC');
  // The key: the fold, an onset and a lone y ending in i (ký → ki, quý → qui).
  const keyOf = (f) => (ONSET_Y.test(f) ? f.slice(0, -1) + 'i' : f);

  // Marks of a word: per letter its shape mark ('đ' for the stroke), and its tone.
  const marksOf = (word) => {
    let t = '';
    const s = [...lower(word).normalize('NFC')].map((c) => {
      let shape = c == 'đ' || c == 'ð' ? 'đ' : '';
      for (const m of c.normalize('NFD')) {
        if (SHAPES.includes(m)) shape = m;
        else if (TONES.includes(m)) t = t || m;
      }
      return shape;
    });
    return { s, t };
  };

  // The tier of a variant for a query token: 3 the same marks, 2 the query's marks are a subset,
  // 1 only the keys agree. A prefix compares the query's letters with the variant's first ones.
  const tier = (q, v, prefix) => {
    const vs = prefix ? v.s.slice(0, q.s.length) : v.s;
    if (vs.length != q.s.length) return 2; // letters that do not line up: the key decides
    let same = q.t == v.t;
    let subset = !q.t || same;
    vs.forEach((m, i) => {
      if (q.s[i] != m) {
        same = false;
        if (q.s[i]) subset = false;
      }
    });
    return same ? 3 : subset ? 2 : 1;
  };

  // Postings (ARCHITECTURE.md §11): per page the gap as a varint of 5-bit groups (digits 32–63
  // continue), then for terms the weight; or "~", the bitmap's length, the bitmap (six pages
  // a digit), then the weights.
  const decode = (str, weights, each) => {
    let i = 0;
    const varint = () => {
      let n = 0;
      let scale = 1;
      let d;
      do {
        d = DIGITS.indexOf(str[i++]);
        n += (d & 31) * scale;
        scale *= 32;
      } while (d > 31);
      return n;
    };
    const weight = () => (weights ? DIGITS.indexOf(str[i++]) : 1);
    if (str[0] == '~') {
      i = 1;
      const len = varint();
      const start = i;
      i += len;
      for (let c = 0; c < len; c++) {
        const bits = DIGITS.indexOf(str[start + c]);
        for (let b = 0; b < 6; b++) if (bits & (1 << b)) each(c * 6 + b, weight());
      }
      return;
    }
    for (let page = -1; i < str.length; ) {
      page += varint() + 1;
      each(page, weight());
    }
  };

  // An index file, loaded once by a <script> element: a promise of self.loaSearch[key]. A failed
  // load is forgotten, so the next query tries again.
  const loaded = {};
  const load = (key, url) =>
    (loaded[key] = loaded[key] || new Promise((resolve, reject) => {
      const s = document.createElement('script');
      s.onload = s.onerror = (e) => {
        const store = self.loaSearch || {};
        const value = store[key];
        delete store[key];
        s.remove();
        if (e.type == 'load' && value !== undefined) return resolve(value);
        delete loaded[key];
        reject(Error(url));
      };
      s.src = url;
      document.head.append(s);
    }));
  const manifest = () => load('m', index.href);
  const file = (m, kind, n) => load(kind + n, new URL(`${kind}/${n}.js?v=${m.h}`, index).href);

  // The chunk that holds `key`: the last one whose first key is <= key.
  const chunkOf = (m, key) => {
    let lo = 0;
    let hi = m.chunks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (m.chunks[mid] <= key) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };

  // The query: at most 8 tokens { key, fold, marks, space: only white space before it }; the
  // last one is `prefix` unless the query ends with white space.
  const parse = (q) => {
    q = q.normalize('NFC');
    let end = -1;
    const tokens = [...q.matchAll(WORD)].slice(0, 8).map((m) => {
      const f = fold(m[0]);
      const t = { key: keyOf(f), fold: f, marks: marksOf(m[0]), space: end >= 0 && !q.slice(end, m.index).trim() };
      end = m.index + m[0].length;
      return t;
    });
    return { tokens, prefix: /\s$/.test(q) ? null : tokens[tokens.length - 1] };
  };

  // The pages matching every token, best first: [{ page, score }].
  const rank = async ({ tokens, prefix }) => {
    const m = await manifest();
    // The chunks of each key and bigram, and at most two of the prefix's range.
    const want = new Set();
    const bigrams = [];
    tokens.forEach((t, i) => {
      want.add(chunkOf(m, t.key));
      if (i && t.space) {
        const b = tokens[i - 1].key + ' ' + t.key;
        bigrams.push(b);
        want.add(chunkOf(m, b));
      }
    });
    if (prefix) {
      const first = chunkOf(m, prefix.fold);
      want.add(first);
      if (chunkOf(m, prefix.fold + '\uffff') > first) want.add(first + 1);
    }
    const entries = new Map();
    for (const chunk of await Promise.all([...want].map((n) => file(m, 't', n)))) {
      for (const e of chunk) entries.set(e[0], e);
    }
    // Per token, each page's best weight × tier; a prefix match counts half.
    let score;
    for (const t of tokens) {
      const best = new Map();
      const add = (e, prefixed) => {
        for (let i = 1; i < e.length; i += 2) {
          const w = tier(t.marks, marksOf(e[i]), prefixed) / (prefixed ? 2 : 1);
          decode(e[i + 1], true, (page, weight) => {
            if (!(best.get(page) >= weight * w)) best.set(page, weight * w);
          });
        }
      };
      if (entries.has(t.key)) add(entries.get(t.key), false);
      if (t == prefix) {
        entries.forEach((e, k) => {
          if (k != t.key && !k.includes(' ') && k.startsWith(t.fold)) add(e, true);
        });
      }
      // A page must match every token.
      if (score) best.forEach((s, page) => score.has(page) && best.set(page, s + score.get(page)));
      score = score ? new Map([...best].filter(([page]) => score.has(page))) : best;
    }
    // Two adjacent query words that the page has side by side: 48.
    for (const b of bigrams) {
      if (entries.has(b)) decode(entries.get(b)[1], false, (page) => score.has(page) && score.set(page, score.get(page) + 48));
    }
    return [...score].map(([page, s]) => ({ page, s })).sort((a, b) => b.s - a.s || a.page - b.page);
  };

  // For each word of a text, the query token it matches or -1: the token's key, or for the
  // prefix a longer word it begins (unless the text has the whole word too), with the query's marks.
  const matcher = (words, { tokens, prefix }) => {
    let whole = false;
    return words
      .map((w) => {
        const f = fold(w[0]);
        const k = keyOf(f);
        const i = tokens.findIndex((t) => (t.key == k || (t == prefix && f.startsWith(t.fold))) && tier(t.marks, marksOf(w[0]), t.key != k) > 1);
        if (i >= 0 && tokens[i].key != k) return -2 - i;
        if (i >= 0 && tokens[i] == prefix) whole = true;
        return i;
      })
      .map((i) => (i < -1 ? (whole ? -1 : -2 - i) : i));
  };

  // Appends the snippet of `text` to `el`: the SPAN tokens with the most different query tokens
  // (then the most matches), from a few tokens before the first match, each match in <mark>.
  const snippet = (el, text, query) => {
    const words = [...text.matchAll(WORD)];
    const hit = matcher(words, query);
    let start = 0;
    let best = 0;
    hit.forEach((h, i) => {
      if (h < 0) return;
      const seen = hit.slice(i, i + SPAN - 4).filter((x) => x >= 0);
      const n = new Set(seen).size * SPAN + seen.length;
      if (n > best) [best, start] = [n, Math.max(0, i - 4)];
    });
    const end = Math.min(words.length, start + SPAN);
    let at = start && words[start].index;
    const put = (to) => el.append(text.slice(at, to).replace(/\s*\n\s*/g, ' · '));
    if (start) el.append('… ');
    for (let i = start; i < end; i++) {
      if (hit[i] < 0) continue;
      put(words[i].index);
      const mark = document.createElement('mark');
      mark.textContent = words[i][0];
      el.append(mark);
      at = words[i].index + words[i][0].length;
    }
    if (end < words.length) {
      put(words[end - 1].index + words[end - 1][0].length);
      el.append(' …');
    } else put(text.length);
  };

  const make = (tag, parent, text) => {
    const el = document.createElement(tag);
    if (text) el.textContent = text;
    parent.append(el);
    return el;
  };

  let run = 0; // the latest query's number: an older one stops when it sees it changed

  // Shows the next PAGE results once their fragments are loaded; false when one failed.
  const more = async (state, focus) => {
    if (state.busy) return true;
    state.busy = true;
    const id = run;
    const m = await manifest();
    const batch = state.list.slice(state.shown, state.shown + PAGE);
    // Fragments come m.g to a file: page n is entry n % m.g of file ⌊n / m.g⌋.
    const frags = await Promise.all(batch.map((r) => file(m, 'p', Math.floor(r.page / m.g)).then((g) => g[r.page % m.g]).catch(() => null)));
    state.busy = false;
    if (id != run) return true;
    let first;
    for (const f of frags.filter(Boolean)) {
      // <li><h2><a>title</a></h2><p>section</p><p>snippet</p></li>
      const li = make('li', state.ol);
      const a = make('a', make('h2', li), f.t);
      a.href = (data.root || '') + f.u;
      first = first || a;
      if (f.s) make('p', li, f.s).className = 'page-list-meta';
      snippet(make('p', li), f.x || '', state.query);
    }
    state.shown += batch.length;
    state.button.hidden = state.shown >= state.list.length;
    if (focus && first) first.focus();
    return frags.every(Boolean);
  };

  const search = async (q) => {
    const id = ++run;
    const slow = setTimeout(() => id == run && (status.textContent = say('loading')), 400);
    try {
      const query = parse(q);
      const list = query.tokens.length ? await rank(query) : [];
      if (id != run) return;
      box.textContent = '';
      q = q.trim();
      if (!list.length) {
        status.textContent = q && say('none', 0, q);
        return;
      }
      const state = { query, list, shown: 0, ol: make('ol', box) };
      state.ol.className = 'page-list search-results';
      const button = (state.button = make('button', box, say('more')));
      button.type = 'button';
      button.className = 'search-more no-print';
      button.onclick = async () => (await more(state, true)) || (status.textContent = say('error'));
      const ok = await more(state, false);
      if (id == run) status.textContent = ok ? say('results', list.length, q) : say('error');
    } catch (e) {
      if (id == run) {
        box.textContent = '';
        status.textContent = say('error');
      }
    } finally {
      clearTimeout(slow);
    }
  };

  // Keeps the query in the address, so reload and back show the same results.
  const go = () => {
    const q = input.value;
    try {
      const u = new URL(location.href);
      u.searchParams.set('q', q);
      if (!q) u.searchParams.delete('q');
      history.replaceState(null, '', u.href);
    } catch (e) {
      // a browser that refuses to change a file:// address loses only the reload
    }
    search(q);
  };
  let timer;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(go, 150);
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    clearTimeout(timer);
    go();
  });

  input.value = new URLSearchParams(location.search).get('q') || '';
  if (input.value) search(input.value);
  else manifest().catch(() => {}); // warm the cache while the reader types
})();
