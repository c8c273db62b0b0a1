// search.js: the search of a postmortem site, in the browser, with no
// library and no request outside the site. Package search (site/search,
// doc.go) builds the index this reads and documents the page it expects:
//
//   <form role="search" data-pm-search> with <input type="search" name="q">
//   an element with data-pm-search-results, where results go
//   optionally an element with data-pm-search-filters, for filter controls
//   <script src=".../search/search.js" defer></script>
//
// The index is a folder of scripts next to this one that call
// __pmsearch(name, data) when loaded: <script> tags work from file:// as
// well as over http, where fetch would not. Files load on demand: meta.js
// (the number of shards and filter values) when the box is first used, then the
// shards of the dictionary that hold the query's words, then one file per
// result shown. Tests read window.__pmSearchTiming and window.pmSearch.
// It needs a browser of 2023 or later (DecompressionStream 'deflate-raw':
// Chrome 103, Firefox 113, Safari 16.4).
(function () {
  'use strict';

  var script = document.currentScript;
  if (!script || !script.src) return;
  var base = new URL('./', script.src); // the index's folder

  // ---- Loading ------------------------------------------------------------

  var files = new Map(); // name -> Promise of the data the file registered
  var waiting = new Map(); // name -> resolve

  // A file is known by the script element that loads it (a file of
  // documents registers as "d", whatever its number), else by the name it
  // registers.
  window.__pmsearch = function (name, data) {
    var el = document.currentScript;
    if (el && el.getAttribute('data-pm-file')) name = el.getAttribute('data-pm-file');
    var resolve = waiting.get(name);
    if (resolve) {
      waiting.delete(name);
      resolve(data);
    }
  };

  function load(name, path) {
    if (!files.has(name)) {
      files.set(name, new Promise(function (resolve, reject) {
        waiting.set(name, resolve);
        var s = document.createElement('script');
        s.setAttribute('data-pm-file', name);
        s.src = new URL(path, base).href;
        s.async = true;
        s.onload = function () {
          s.remove();
          if (waiting.delete(name)) reject(new Error('search: ' + path + ' did not register'));
        };
        s.onerror = function () {
          s.remove();
          waiting.delete(name);
          files.delete(name); // let a later query try again
          reject(new Error('search: cannot load ' + path));
        };
        document.head.appendChild(s);
      }));
    }
    return files.get(name);
  }

  var metaPromise = null;
  function meta() {
    if (!metaPromise) {
      metaPromise = load('meta', 'meta.js');
      metaPromise.catch(function () { metaPromise = null; });
    }
    return metaPromise;
  }

  // A fragment is a document's fields, deflated and base64-encoded; the
  // browser inflates it (DecompressionStream), once. A file holds the
  // fragments of m.pack documents in a row.
  var docs = new Map(); // document number -> Promise of its fields
  function fragment(m, n) {
    if (!docs.has(n)) {
      var name = 'd/' + Math.floor(n / m.pack);
      docs.set(n, load(name, m.dir + name + '.js').then(function (pack) {
        var bytes = Uint8Array.from(atob(pack[n % m.pack]), function (c) { return c.charCodeAt(0); });
        var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
        return new Response(stream).text().then(JSON.parse);
      }));
      docs.get(n).catch(function () { docs.delete(n); });
    }
    return docs.get(n);
  }

  // The most frequent words of the documents, for suggestions.
  function vocabulary(m) { return load('words', m.dir + 'words.js'); }

  // ---- Text: the same rules as text.go -------------------------------------

  var WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:['’][\p{L}\p{N}][\p{L}\p{N}\p{M}]*)*/gu;
  var SPECIAL = {
    'ß': 'ss', 'æ': 'ae', 'Æ': 'ae', 'ø': 'o', 'Ø': 'o', 'œ': 'oe', 'Œ': 'oe',
    'đ': 'd', 'Đ': 'd', 'ð': 'd', 'Ð': 'd', 'þ': 'th', 'Þ': 'th', 'ł': 'l', 'Ł': 'l',
    'ı': 'i', 'ħ': 'h', 'Ħ': 'h', 'ŋ': 'ng', 'Ŋ': 'ng'
  };
  var SPECIAL_RE = new RegExp('[' + Object.keys(SPECIAL).join('') + ']', 'g');

  // fold is render.Fold: accents removed, some letters spelt in ASCII.
  function fold(s) {
    if (/^[\x00-\x7f]*$/.test(s)) return s;
    return s.normalize('NFD').replace(/\p{Mn}/gu, '').replace(SPECIAL_RE, function (c) { return SPECIAL[c]; });
  }

  var normalized = new Map(); // a cache: the same words come back often
  function normalize(w) {
    var n = normalized.get(w);
    if (n === undefined) {
      if (normalized.size > 50000) normalized.clear();
      n = fold(w).toLowerCase().replace(/['’]/g, '').replace(/ς/g, 'σ');
      normalized.set(w, n);
    }
    return n;
  }

  // words returns the words of s with their offsets.
  function words(s) {
    var out = [];
    for (var m of s.matchAll(WORD)) out.push({ start: m.index, end: m.index + m[0].length, word: normalize(m[0]) });
    return out;
  }

  function tokens(s) { return words(s).map(function (w) { return w.word; }); }

  function ends(w, suffix) { return w.endsWith(suffix); }

  // stem is Stem in text.go: a light English suffix stripper.
  function stem(w) {
    if (w.length < 4 || !/^[a-z]+$/.test(w)) return w;
    var n = w.length;
    if (ends(w, 'ies') && n > 4) w = w.slice(0, -3) + 'y';
    else if (ends(w, 'sses')) w = w.slice(0, -2);
    else if (ends(w, 'xes') || ends(w, 'ches') || ends(w, 'shes') || ends(w, 'zzes')) w = w.slice(0, -2);
    else if (ends(w, 'ss') || ends(w, 'us') || ends(w, 'is')) { /* status, analysis, loss */ }
    else if (ends(w, 's')) w = w.slice(0, -1);
    else if (ends(w, 'ied') && n > 4) w = w.slice(0, -3) + 'y';
    else if (ends(w, 'eed') && n >= 5) w = w.slice(0, -1);
    else if (ends(w, 'ing') && n >= 6 && /[aeiouy]/.test(w.slice(0, -3))) w = undouble(w.slice(0, -3));
    else if (ends(w, 'ed') && n >= 5 && /[aeiouy]/.test(w.slice(0, -2))) w = undouble(w.slice(0, -2));
    if (w.length >= 4 && ends(w, 'e') && !ends(w, 'ee')) w = w.slice(0, -1);
    return w;
  }

  function undouble(w) {
    var n = w.length;
    if (n >= 3 && w[n - 1] === w[n - 2] && 'aeiouylsz'.indexOf(w[n - 1]) < 0) return w.slice(0, -1);
    return w;
  }

  // ---- Queries: the same syntax as ParseQuery in query.go ------------------

  var FIELDS = ['severity', 'status', 'service', 'tag', 'year'];
  var ALIASES = {
    severity: 'severity', sev: 'severity', status: 'status', service: 'service',
    services: 'service', tag: 'tag', tags: 'tag', year: 'year'
  };
  var SPACE = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/;

  function trimSpace(s) {
    var a = 0, b = s.length;
    while (a < b && SPACE.test(s[a])) a++;
    while (b > a && SPACE.test(s[b - 1])) b--;
    return s.slice(a, b);
  }

  function parse(s) {
    var q = { terms: [], prefix: '', phrases: [], filters: {} };
    var seen = new Set();
    function addTerm(t) {
      if (seen.has(t)) return false;
      seen.add(t);
      q.terms.push(t);
      return true;
    }
    // quoted returns the text from i (just after a quote) to the next quote
    // and the offset after that quote.
    function quoted(i) {
      var j = s.indexOf('"', i);
      return j < 0 ? [s.slice(i), s.length] : [s.slice(i, j), j + 1];
    }
    var lastPlain = '', lastAdded = false;
    var i = 0;
    while (i < s.length) {
      var c = s[i];
      if (SPACE.test(c)) { i++; lastPlain = ''; continue; }
      if (c === '"') {
        var qt = quoted(i + 1);
        var ws = tokens(qt[0]);
        if (ws.length === 1) addTerm(stem(ws[0]));
        else if (ws.length > 1) q.phrases.push(ws.map(stem));
        i = qt[1];
        lastPlain = '';
        continue;
      }
      var j = i;
      while (j < s.length && !SPACE.test(s[j]) && s[j] !== '"') j++;
      var part = s.slice(i, j);
      var colon = part.indexOf(':');
      var name = colon > 0 ? part.slice(0, colon) : '';
      if (/^[A-Za-z]+$/.test(name) && ALIASES.hasOwnProperty(name.toLowerCase())) {
        var field = ALIASES[name.toLowerCase()];
        var value = part.slice(colon + 1), next = j;
        if (value === '' && s[j] === '"') {
          var qv = quoted(j + 1);
          value = qv[0];
          next = qv[1];
        }
        var v = normalize(trimSpace(value));
        if (v !== '') (q.filters[field] = q.filters[field] || []).push(v);
        i = next;
        lastPlain = '';
        continue;
      }
      var pw = tokens(part);
      if (pw.length > 1) {
        // Words joined by a hyphen, a dot or a slash ("checkout-api") are
        // a phrase.
        q.phrases.push(pw.map(stem));
        lastPlain = '';
      } else {
        pw.forEach(function (w) { lastAdded = addTerm(stem(w)); });
        lastPlain = part;
      }
      i = j;
    }
    if (lastPlain !== '') {
      var ws2 = words(lastPlain);
      var last = ws2[ws2.length - 1];
      if (last && last.end === lastPlain.length) {
        q.prefix = last.word;
        if (lastAdded) q.terms.pop();
      }
    }
    for (var f in q.filters) {
      q.filters[f] = Array.from(new Set(q.filters[f])).sort(compare);
    }
    return q;
  }

  // compare orders strings as Go's sort.Strings does (by UTF-8 bytes),
  // which differs from < only above U+FFFF; filter values need no more.
  function compare(a, b) {
    var x = new TextEncoder().encode(a), y = new TextEncoder().encode(b);
    for (var k = 0; k < x.length && k < y.length; k++) if (x[k] !== y[k]) return x[k] - y[k];
    return x.length - y.length;
  }

  // ---- The index -----------------------------------------------------------

  var lists = new Map(); // key and kind -> decoded postings

  // decode reads a posting list (encodePostings in encode.go).
  function decode(s) {
    var docs = [], imps = [], doc = -1, n = 0, shift = 0;
    for (var k = 0; k < s.length; k++) {
      var c = s.charCodeAt(k);
      var d = c >= 97 ? c - 71 : c === 95 ? 63 : c >= 65 ? c - 65 : c >= 48 ? c + 4 : 62; // a-z, _, A-Z, 0-9, -
      n += (d & 31) * Math.pow(2, shift);
      if (d & 32) { shift += 5; continue; }
      doc += Math.floor(n / 32) + 1;
      docs.push(doc);
      imps.push(n % 32);
      n = 0;
      shift = 0;
    }
    return { docs: docs, imps: imps };
  }

  // shardOf returns the number of the shard that holds key: FNV-1a of its
  // UTF-16 code units (shardOf in build.go).
  function shardOf(m, key) {
    var h = 2166136261;
    for (var k = 0; k < key.length; k++) h = Math.imul(h ^ key.charCodeAt(k), 16777619) >>> 0;
    return h % m.shards;
  }

  // postings returns the postings of key: kind 0 the word or value itself,
  // kind 1 the longer words that start with it. Empty when there are none.
  function postings(m, key, kind) {
    var id = kind + key;
    if (lists.has(id)) return Promise.resolve(lists.get(id));
    var n = shardOf(m, key);
    var shard = load('t/' + n, m.dir + 't/' + n + '.js');
    return shard.then(function (entries) {
      var e = Object.prototype.hasOwnProperty.call(entries, key) ? entries[key] : [];
      var s = e[kind] || '';
      if (s[0] === '~') return postings(m, s.slice(1), 0);
      return decode(s);
    }).then(function (list) {
      lists.set(id, list);
      return list;
    });
  }

  // clauses returns what a query asks for, as in reader_test.go: each
  // clause is lists of postings (the best impact of a document in any
  // counts), whether each counts a quarter, and its kind: 1 a word, which counts in
  // the hits; 0 a pair of neighbouring words, a bonus; -1 a phrase or a
  // filter, required.
  function clauses(m, q) {
    var want = q.terms.map(function (t) { return { alts: [[t, 0]], kind: 1 }; });
    var ws = q.terms.slice();
    if (q.prefix) {
      want.push({ alts: [[stem(q.prefix), 0], [q.prefix, 1]], half: [false, true], kind: 1 });
      ws.push(stem(q.prefix));
    }
    for (var k = 1; k < ws.length; k++) want.push({ alts: [[ws[k - 1] + ' ' + ws[k], 0]], kind: 0 });
    q.phrases.forEach(function (p) {
      for (var k = 1; k < p.length; k++) want.push({ alts: [[p[k - 1] + ' ' + p[k], 0]], kind: -1 });
    });
    FIELDS.forEach(function (f) {
      if (q.filters[f]) want.push({ alts: q.filters[f].map(function (v) { return ['!' + f + ':' + v, 0]; }), kind: -1 });
    });
    return Promise.all(want.map(function (c) {
      return Promise.all(c.alts.map(function (a) { return postings(m, a[0], a[1]); })).then(function (lists) {
        return { lists: lists, half: c.half || [], kind: c.kind };
      });
    }));
  }

  // weight is how rare a key in df of n documents is, as a whole number:
  // BM25's inverse document frequency, over that of a key in one document,
  // times 16 (weight in reader_test.go).
  function weight(n, df) {
    function idf(df) { return Math.log(1 + (n - df + 0.5) / (df + 0.5)); }
    return Math.max(1, Math.round(16 * idf(df) / idf(1)));
  }

  // rank orders the documents that match every required clause and every
  // word, or when none has every word, those with at least one (partial):
  // those with more of the words first, then by the sum over clauses of
  // their best score in each, a posting's impact times its list's weight
  // (the longer words of a prefix count a quarter), then newest first
  // (higher number).
  function rank(m, cls) {
    var n = m.docs, total = new Int32Array(n), hits = new Int32Array(n), need = new Int32Array(n);
    var required = 0, words = 0, best = new Int32Array(n);
    cls.forEach(function (c) {
      best.fill(-1);
      c.lists.forEach(function (l, a) {
        var half = c.half[a], w = weight(n, l.docs.length);
        for (var k = 0; k < l.docs.length; k++) {
          var imp = (half ? Math.max(1, l.imps[k] >> 2) : l.imps[k]) * w;
          if (imp > best[l.docs[k]]) best[l.docs[k]] = imp;
        }
      });
      for (var d = 0; d < n; d++) {
        if (best[d] < 0) continue;
        total[d] += best[d];
        if (c.kind === 1) hits[d]++;
        else if (c.kind === -1) need[d]++;
      }
      if (c.kind === 1) words++;
      else if (c.kind === -1) required++;
    });
    var out = [], all = 0;
    for (var d = 0; d < n; d++) {
      if (need[d] === required && (hits[d] > 0 || words === 0)) {
        out.push(d);
        if (hits[d] === words) all++;
      }
    }
    out.sort(function (a, b) { return hits[b] - hits[a] || total[b] - total[a] || b - a; });
    var partial = words > 1 && all === 0 && out.length > 0;
    if (all > 0) out.length = all; // those with every word come first
    return { docs: out, partial: partial };
  }

  // matcher returns a function that tells which part of the query a
  // normalised word matches: its stem, "*" for the word being typed, or ""
  // for none. Its property need is the number of parts.
  function matcher(q) {
    var stems = new Set(q.terms), prefix = q.prefix, memo = new Map();
    q.phrases.forEach(function (p) { p.forEach(function (t) { stems.add(t); }); });
    stems.delete(stem(prefix));
    function match(w) {
      var m = memo.get(w);
      if (m === undefined) {
        var s = stem(w);
        m = stems.has(s) ? s : prefix && (w.startsWith(prefix) || s === stem(prefix)) ? '*' : '';
        memo.set(w, m);
      }
      return m;
    }
    match.need = stems.size + (prefix ? 1 : 0);
    match.phrases = q.phrases;
    return match;
  }

  // hasPhrase checks a phrase of stems against a document's text.
  function hasPhrase(doc, p) {
    return [doc.title, doc.summary, doc.body].some(function (text) {
      var ts = tokens(text).map(stem);
      for (var k = 0; k + p.length <= ts.length; k++) {
        var j = 0;
        while (j < p.length && ts[k + j] === p[j]) j++;
        if (j === p.length) return true;
      }
      return false;
    });
  }

  // search runs a query: it returns the matching documents' numbers, best
  // first, and how long the work took once the data were there.
  function search(text) {
    var q = parse(text);
    if (q.prefix.length === 1) q.prefix = ''; // one letter finds everything
    if (q.terms.length + q.phrases.length + Object.keys(q.filters).length === 0 && q.prefix === '') {
      return Promise.resolve({ query: q, docs: [], ms: 0 });
    }
    return meta().then(function (m) {
      // A filter value that no document has (one being typed) matches
      // nothing: no need to fetch anything.
      var unknown = FIELDS.some(function (f) {
        return q.filters[f] && !q.filters[f].some(function (v) {
          return (m.facets[f] || []).some(function (fv) { return fv[0] === v; });
        });
      });
      if (unknown) return { query: q, docs: [], ms: 0, meta: m };
      return clauses(m, q).then(function (cls) {
        var t0 = performance.now();
        var ranked = rank(m, cls);
        return { query: q, docs: ranked.docs, partial: ranked.partial, ms: performance.now() - t0, meta: m };
      });
    });
  }

  // ---- The page -------------------------------------------------------------

  var PAGE = 10; // results shown at a time
  var MAX_CHECKED = 60; // candidates read to check long phrases

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  // highlight appends text to parent with the words that match in <mark>,
  // from character from to to, as text nodes: no markup is ever parsed.
  function highlight(parent, text, ws, match, from, to) {
    var at = from;
    ws.forEach(function (w) {
      if (w.start < from || w.end > to || !match(w.word)) return;
      parent.appendChild(document.createTextNode(text.slice(at, w.start)));
      parent.appendChild(el('mark', '', text.slice(w.start, w.end)));
      at = w.end;
    });
    parent.appendChild(document.createTextNode(text.slice(at, to)));
  }

  var SNIPPET = 30; // words of text a snippet shows

  // snippet shows about 30 words of the text around its best cluster of
  // matches (the first window with the most distinct query words), or null
  // when no word matches. It stops reading at a window with them all.
  function snippet(text, match) {
    var ws = [], hits = [], next = 0, best = -1, bestN = 0, done = false;
    // A phrase (quoted, or joined by hyphens): the snippet is around its
    // first occurrence, when the text has one.
    if (match.phrases.length) {
      var all = words(text), at = phraseAt(all, match.phrases);
      if (at >= 0) return snippetAt(text, all, match, at);
    }
    function close(h) { // scores the window that starts at word h
      var keys = new Set();
      for (var k = 0; k < hits.length; k++) if (hits[k] >= h && hits[k] < h + SNIPPET) keys.add(match(ws[hits[k]].word));
      if (keys.size > bestN) { best = h; bestN = keys.size; }
      done = bestN === match.need;
    }
    for (var m of text.matchAll(WORD)) {
      var w = { start: m.index, end: m.index + m[0].length, word: normalize(m[0]) };
      ws.push(w);
      if (match(w.word)) hits.push(ws.length - 1);
      while (next < hits.length && ws.length - 1 >= hits[next] + SNIPPET && !done) close(hits[next++]);
      if (done) break;
    }
    while (next < hits.length && !done) close(hits[next++]);
    if (best < 0) return null;
    return snippetAt(text, ws, match, best);
  }

  // phraseAt returns the index in ws of the first word of the first
  // occurrence of one of the phrases (lists of stems), or -1.
  function phraseAt(ws, phrases) {
    var ts = ws.map(function (w) { return stem(w.word); });
    for (var k = 0; k < ts.length; k++) {
      for (var i = 0; i < phrases.length; i++) {
        var p = phrases[i], j = 0;
        while (j < p.length && ts[k + j] === p[j]) j++;
        if (j === p.length) return k;
      }
    }
    return -1;
  }

  // snippetAt shows about 30 words of text from a little before word best.
  function snippetAt(text, ws, match, best) {
    var a = Math.max(0, best - 6), b = Math.min(ws.length, a + SNIPPET);
    var p = el('p', 'pm-search-snippet');
    if (a > 0) p.appendChild(document.createTextNode('… '));
    highlight(p, text, ws, match, ws[a].start, ws[b - 1].end);
    if (b < ws.length || ws[ws.length - 1].end < text.length - 1) p.appendChild(document.createTextNode(' …'));
    return p;
  }

  function safeURL(m, url) {
    var u = new URL(url, new URL(m.root, base));
    return /^(https?|file):$/.test(u.protocol) ? u.href : null;
  }

  function resultItem(m, doc, match) {
    var li = el('li', 'pm-search-result');
    var a = el('a', 'pm-search-title');
    var href = safeURL(m, doc.url);
    if (href) a.href = href;
    highlight(a, doc.title, words(doc.title), match, 0, doc.title.length);
    var h = el('h3');
    h.appendChild(a);
    li.appendChild(h);
    var info = el('p', 'pm-search-info');
    if (doc.date) {
      var t = el('time', '', doc.date);
      t.dateTime = doc.date;
      info.appendChild(t);
    }
    if (doc.severity) info.appendChild(el('span', 'pm-search-severity', doc.severity));
    if (doc.services.length) info.appendChild(el('span', 'pm-search-services', doc.services.join(', ')));
    li.appendChild(info);
    var snip = snippet(doc.body, match) || snippet(doc.summary, match);
    if (!snip && doc.summary) snip = el('p', 'pm-search-snippet', doc.summary);
    if (snip) li.appendChild(snip);
    return li;
  }

  // shortcut makes "/" focus the box, unless one is typing somewhere.
  function shortcut(input) {
    document.addEventListener('keydown', function (e) {
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
      var t = e.target;
      if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
      e.preventDefault();
      input.focus();
      input.select();
    });
  }

  function Box(form) {
    this.form = form;
    this.input = form.querySelector('input[name="q"]');
    this.out = document.querySelector('[data-pm-search-results]');
    this.filters = document.querySelector('[data-pm-search-filters]');
    this.run = 0;
    this.timer = 0;
    if (!this.input) return;
    shortcut(this.input);
    // Without a results container the form is a plain GET form, sent to
    // the search page (its action).
    if (!this.out || this.out.hasAttribute('data-pm-search-bound')) return;
    this.out.setAttribute('data-pm-search-bound', '');
    this.status = el('p', 'pm-search-status');
    this.status.setAttribute('role', 'status');
    this.status.setAttribute('aria-live', 'polite');
    this.list = el('ol', 'pm-search-results');
    this.list.setAttribute('aria-label', 'Search results');
    this.more = el('button', 'pm-search-more', 'More results');
    this.more.type = 'button';
    this.more.hidden = true;
    this.out.append(this.status, this.list, this.more);
    this.bind();
  }

  Box.prototype.bind = function () {
    var self = this, input = this.input;
    input.setAttribute('autocomplete', 'off');
    input.addEventListener('input', function () {
      clearTimeout(self.timer);
      self.timer = setTimeout(function () { self.update(true); }, 150);
    });
    input.addEventListener('focus', function () { meta().catch(function () {}); });
    input.addEventListener('keydown', function (e) {
      if (e.key === 'ArrowDown') {
        var first = self.list.querySelector('a');
        if (first) { e.preventDefault(); first.focus(); }
      } else if (e.key === 'Enter') {
        // Open the first result, unless the results are not yet those of
        // the box's text: then the form's submit shows them.
        var top = self.list.querySelector('a[href]');
        if (top && self.shownQuery === input.value) { e.preventDefault(); window.location.href = top.href; }
      } else if (e.key === 'Escape') {
        e.preventDefault();
        self.clear();
      }
    });
    this.form.addEventListener('submit', function (e) {
      e.preventDefault();
      clearTimeout(self.timer);
      self.update(true);
    });
    this.out.addEventListener('keydown', function (e) {
      var links = Array.from(self.list.querySelectorAll('a'));
      var k = links.indexOf(document.activeElement);
      if (e.key === 'Escape') { e.preventDefault(); self.clear(); return; }
      if (k < 0) return;
      if (e.key === 'ArrowDown' && k + 1 < links.length) { e.preventDefault(); links[k + 1].focus(); }
      if (e.key === 'ArrowUp') { e.preventDefault(); (k > 0 ? links[k - 1] : input).focus(); }
    });
    this.more.addEventListener('click', function () { self.showMore(); });
    var q = new URLSearchParams(window.location.search).get('q');
    if (q) input.value = q;
    if (q || this.filters) {
      meta().then(function (m) { self.controls(m); }, function () {});
    }
    if (q) this.update(false);
  };

  Box.prototype.clear = function () {
    this.input.value = '';
    this.update(true);
    this.input.focus();
  };

  // controls draws a select per filter field, kept in step with the box:
  // choosing a value rewrites the field's part of the query.
  Box.prototype.controls = function (m) {
    if (!this.filters || this.selects) return;
    var self = this;
    this.selects = {};
    FIELDS.forEach(function (f) {
      var values = m.facets[f] || [];
      if (!values.length) return;
      var label = el('label', 'pm-search-filter');
      label.appendChild(document.createTextNode(f[0].toUpperCase() + f.slice(1) + ' '));
      var sel = el('select');
      sel.name = f;
      sel.appendChild(el('option', '', 'Any')).value = '';
      values.forEach(function (v) {
        var o = el('option', '', v[1] + ' (' + v[2] + ')');
        o.value = v[1];
        o.dataset.key = v[0];
        sel.appendChild(o);
      });
      sel.addEventListener('change', function () { self.setFilter(f, sel.value); });
      label.appendChild(sel);
      self.filters.appendChild(label);
      self.selects[f] = sel;
    });
    this.syncControls(parse(this.input.value));
  };

  Box.prototype.setFilter = function (field, value) {
    var re = new RegExp('(^|\\s)(' + Object.keys(ALIASES).filter(function (a) { return ALIASES[a] === field; }).join('|') +
      '):("[^"]*"?|\\S*)', 'gi');
    var text = this.input.value.replace(re, '$1').replace(/\s+/g, ' ').trim();
    if (value) {
      var v = /[\s"]/.test(value) ? '"' + value.replace(/"/g, '') + '"' : value;
      text = (field + ':' + v + ' ' + text).trim() + ' ';
    }
    this.input.value = text;
    this.update(true);
  };

  Box.prototype.syncControls = function (q) {
    if (!this.selects) return;
    for (var f in this.selects) {
      var sel = this.selects[f], vs = q.filters[f] || [];
      var opt = vs.length === 1 && Array.from(sel.options).find(function (o) { return o.dataset.key === vs[0]; });
      sel.value = opt ? opt.value : '';
    }
  };

  // update runs the box's query and shows its results. Only the newest of
  // overlapping runs draws.
  Box.prototype.update = function (writeURL) {
    var self = this, text = this.input.value, run = ++this.run;
    var t0 = performance.now();
    if (writeURL) this.writeURL(text);
    var q = parse(text);
    this.syncControls(q);
    return search(text).then(function (r) {
      if (run !== self.run) return;
      self.result = r;
      self.shownQuery = text;
      self.shown = 0;
      self.checked = 0;
      self.list.textContent = '';
      if (!r.meta) {
        self.status.textContent = '';
        self.more.hidden = true;
        window.__pmSearchTiming = { query: text, results: 0, searchMs: 0, renderMs: 0, totalMs: performance.now() - t0 };
        return;
      }
      if (r.meta && !self.selects) self.controls(r.meta);
      return self.showMore().then(function (renderMs) {
        if (run !== self.run) return;
        self.suggest(text, r, run);
        window.__pmSearchTiming = {
          query: text, results: r.docs.length, searchMs: r.ms, renderMs: renderMs,
          totalMs: performance.now() - t0
        };
      });
    }).catch(function (err) {
      if (run !== self.run) return;
      self.status.textContent = 'Search is not available: ' + err.message;
    });
  };

  // showMore adds the next page of results. Candidates for phrases of three
  // words or more are checked against their text, since the index holds
  // pairs of words only. It resolves to the time spent drawing.
  Box.prototype.showMore = function () {
    var self = this, r = this.result, run = this.run, m = r.meta;
    var match = matcher(r.query);
    var long = r.query.phrases.filter(function (p) { return p.length > 2; });
    var batch = r.docs.slice(this.checked, this.checked + PAGE);
    this.checked += batch.length;
    return Promise.all(batch.map(function (n) { return fragment(m, n); })).then(function (docs) {
      if (run !== self.run) return 0;
      var t0 = performance.now();
      docs.forEach(function (doc) {
        if (!long.every(function (p) { return hasPhrase(doc, p); })) {
          self.dropped = (self.dropped || 0) + 1;
          return;
        }
        self.list.appendChild(resultItem(m, doc, match));
        self.shown++;
      });
      var ms = performance.now() - t0;
      var rest = r.docs.length - self.checked;
      if (long.length && self.shown < PAGE && rest > 0 && self.checked < MAX_CHECKED) {
        return self.showMore().then(function (more) { return ms + more; });
      }
      self.status.textContent = count(long.length ? self.shown : r.docs.length, long.length && rest > 0) +
        (r.partial ? ': none has every word, these have some' : '');
      self.more.hidden = rest <= 0;
      return ms;
    });
  };

  // correct returns text with each word of four letters or more that is
  // not among words replaced by the nearest of them (one edit away for a
  // word of up to five letters, two for a longer one; the more frequent of
  // two as near), or '' when it replaces none.
  function correct(text, words) {
    var known = new Set(words), changed = false;
    var out = text.replace(WORD, function (w) {
      var n = normalize(w);
      if ([...n].length < 4 || known.has(n)) return w;
      var best = '', bestD = (n.length <= 5 ? 1 : 2) + 1;
      for (var i = 0; i < words.length; i++) {
        var c = words[i];
        if (Math.abs(c.length - n.length) >= bestD) continue;
        var d = distance(n, c);
        if (d < bestD) { best = c; bestD = d; }
      }
      if (!best) return w;
      changed = true;
      return best;
    });
    return changed ? out.trim() : '';
  }

  // distance is the edit distance of a and b, with transpositions of two
  // neighbouring letters counting one.
  function distance(a, b) {
    var rows = [];
    for (var i = 0; i <= a.length; i++) {
      rows.push([i]);
      for (var j = 1; j <= b.length; j++) {
        if (i === 0) { rows[0].push(j); continue; }
        var v = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, rows[i - 2][j - 2] + 1);
        rows[i].push(v);
      }
    }
    return rows[a.length][b.length];
  }

  // suggest adds to the status a query that may find something, when a
  // query of plain words (no phrase, no filter) found nothing.
  Box.prototype.suggest = function (text, r, run) {
    var self = this;
    if (r.docs.length || !r.meta || text.indexOf('"') >= 0 || Object.keys(r.query.filters).length) return;
    vocabulary(r.meta).then(function (words) {
      if (run !== self.run) return;
      var s = correct(text, words);
      if (!s) return;
      var span = el('span', 'pm-search-suggest');
      span.appendChild(document.createTextNode('. Did you mean '));
      var u = new URL(window.location.href);
      u.searchParams.set('q', s);
      var a = el('a', '', s);
      a.href = u.href;
      a.addEventListener('click', function (e) {
        e.preventDefault();
        self.input.value = s;
        self.update(true);
      });
      span.appendChild(a);
      span.appendChild(document.createTextNode('?'));
      self.status.appendChild(span);
    }, function () {});
  };

  function count(n, more) {
    if (n === 0) return 'No results';
    return n.toLocaleString('en') + (more ? '+' : '') + (n === 1 && !more ? ' result' : ' results');
  }

  Box.prototype.writeURL = function (text) {
    var u = new URL(window.location.href);
    if (text.trim()) u.searchParams.set('q', text.trim()); else u.searchParams.delete('q');
    try {
      window.history.replaceState(window.history.state, '', u.href);
    } catch (e) {
      // file:// pages cannot change their URL in some browsers.
    }
  };

  window.pmSearch = { parse: parse, tokens: tokens, stem: stem, normalize: normalize, search: search };

  function start() {
    document.querySelectorAll('form[data-pm-search]').forEach(function (f) { new Box(f); });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
