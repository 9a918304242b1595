// Search in the browser over the index the build exported from Lucene.Net. This file does not
// analyse or rank text its own way: words map to Lucene's terms through the exported vocabulary,
// and scores are Lucene's own BM25 contributions, added up. The query planner below mirrors
// KnowledgeBase.Search.QueryPlanner line for line; a test runs both and compares their results.
(function () {
  'use strict';

  // Word boundaries as Lucene's StandardTokenizer (UAX #29) draws them for this corpus: letters and
  // digits run together; '.', ':', and apostrophes join letters; '.', ',', ';' and apostrophes join digits.
  var LETTER = /[\p{L}\p{M}_]/u, DIGIT = /\p{N}/u;
  var MID_LETTER = ".:'\u2019\u00b7", MID_NUM = ".,;'\u2019";

  function splitWords(text) {
    var chars = Array.from(text), out = [], current = '';
    function kind(c) { return c === undefined ? '' : LETTER.test(c) ? 'L' : DIGIT.test(c) ? 'N' : ''; }
    for (var i = 0; i < chars.length; i++) {
      var c = chars[i], k = kind(c);
      if (k) { current += c; continue; }
      var prev = kind(chars[i - 1]), next = kind(chars[i + 1]);
      if (current && ((prev === 'L' && next === 'L' && MID_LETTER.indexOf(c) >= 0) ||
                      (prev === 'N' && next === 'N' && MID_NUM.indexOf(c) >= 0))) { current += c; continue; }
      if (current) { out.push(current); current = ''; }
    }
    if (current) out.push(current);
    return out;
  }

  // The index arrives in pieces (BrowserIndex): index.json first, then the vocabulary by word
  // length, the postings by term hash and the excerpts by document, each fetched once, when a
  // query needs it.
  function compile(index, base) {
    var synonymWords = new Set();
    index.synonyms.forEach(function (group) {
      group.forEach(function (phrase) { phrase.words.forEach(function (w) { synonymWords.add(w); }); });
    });
    index.docs.forEach(function (d, n) { d.n = n; });
    return {
      index: index, synonymWords: synonymWords, base: base || '',
      vocab: {}, words: [], lengths: new Set(index.vocab), vocabLoaded: {},
      postings: {}, surface: {}, loaded: {}, excerpts: {}, excerptsLoaded: {}, fetched: []
    };
  }

  function getJson(engine, name) {
    engine.fetched.push(name);
    return fetch(engine.base + name).then(function (r) {
      if (!r.ok) throw new Error('HTTP ' + r.status);
      return r.json();
    });
  }

  // Fetches the vocabulary of the given word lengths (once each); the sorted word list that typo
  // correction scans is rebuilt from what has arrived.
  function ensureVocab(engine, lengths) {
    return Promise.all(lengths.filter(function (n) { return engine.lengths.has(n); }).map(function (n) {
      engine.vocabLoaded[n] = engine.vocabLoaded[n] || getJson(engine, 'vocab-' + n + '.json').then(function (part) {
        Object.assign(engine.vocab, part);
        engine.words = Object.keys(engine.vocab).sort(ordinal);
      });
      return engine.vocabLoaded[n];
    }));
  }

  // Fetches the excerpts of the given documents (the chunks they fall in, once each).
  function ensureExcerpts(engine, docs) {
    var size = engine.index.excerptChunk, chunks = new Set();
    docs.forEach(function (n) { chunks.add(Math.floor(n / size)); });
    return Promise.all(Array.from(chunks).map(function (c) {
      engine.excerptsLoaded[c] = engine.excerptsLoaded[c] || getJson(engine, 'excerpts-' + c + '.json').then(function (part) {
        part.forEach(function (text, i) { engine.excerpts[c * size + i] = text; });
      });
      return engine.excerptsLoaded[c];
    }));
  }

  // Same FNV-1a as BrowserIndex.Hash: which postings shard holds a term.
  function shardOf(term, count) {
    var h = 2166136261;
    for (var i = 0; i < term.length; i++) { h ^= term.charCodeAt(i); h = Math.imul(h, 16777619) >>> 0; }
    return h % count;
  }

  // Fetches the postings shards a plan's terms fall in (once each); a small index has them inline.
  // Every search waits for each of its shards, including those another search started fetching:
  // two searches at once (the results and the unfiltered facet counts) once raced, and the second
  // scored before its postings had arrived, leaving the facets empty.
  function ensurePostings(engine, terms) {
    var count = engine.index.shards;
    var shards = new Set();
    terms.forEach(function (t) { shards.add(shardOf(t, count)); });
    return Promise.all(Array.from(shards).map(function (k) {
      engine.loaded[k] = engine.loaded[k] || getJson(engine, 'postings-' + k + '.json').then(function (part) {
        Object.assign(engine.postings, part.p);
        Object.assign(engine.surface, part.w);
        return true;
      });
      return engine.loaded[k];
    }));
  }

  function ordinal(a, b) { return a < b ? -1 : a > b ? 1 : 0; }

  // Same rewrites, tokeniser boundaries, possessive stripping and lower-casing as KbAnalyzer(surface).
  function surfaceTokens(engine, text) {
    engine.index.rewrites.forEach(function (r) {
      text = text.replace(new RegExp(r[0], 'gi'), function (m) {
        var out = r[1] === 'blank' ? '' : r[1] === 'join' ? m.replace(/-/g, '') : m.replace(/\(/g, '_').replace(/\)/g, '');
        return out.padEnd(m.length, ' ');
      });
    });
    var out = [], arabic = engine.index.arabic;
    var m = splitWords(text);
    for (var i = 0; i < m.length; i++) {
      var t = normalise(arabic, m[i].replace(/['\u2019][sS]$/, '').toLowerCase());
      if (t.length > 0) out.push(t);
    }
    return out;
  }

  // Arabic-script letters as Lucene's Persian and Arabic normalisers leave them (the map is theirs, exported).
  function normalise(arabic, word) {
    if (!/[\u0600-\u06ff]/.test(word)) return word;
    var out = '';
    for (var i = 0; i < word.length; i++) {
      var c = word[i];
      out += Object.prototype.hasOwnProperty.call(arabic, c) ? arabic[c] : c;
    }
    return out;
  }

  function maxEdits(length) { return length <= 3 ? 0 : length <= 5 ? 1 : 2; }

  // Optimal string alignment distance, capped like EditDistance.Osa.
  function osa(a, b, cap) {
    var d = [];
    for (var i = 0; i <= a.length; i++) { d.push(new Array(b.length + 1).fill(0)); d[i][0] = i; }
    for (var j = 0; j <= b.length; j++) d[0][j] = j;
    for (i = 1; i <= a.length; i++) {
      var rowMin = Infinity;
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        var v = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2][j - 2] + 1);
        d[i][j] = v;
        if (v < rowMin) rowMin = v;
      }
      if (rowMin > cap) return cap + 1;
    }
    return d[a.length][b.length];
  }

  function correct(engine, word) {
    var max = maxEdits(word.length);
    if (max === 0) return null;
    var best = null, bestDistance = Infinity, bestFreq = -1;
    var vocab = engine.vocab;
    for (var i = 0; i < engine.words.length; i++) {
      var candidate = engine.words[i];
      if (Math.abs(candidate.length - word.length) > max) continue;
      var entry = vocab[candidate];
      if (entry[0] === null) continue;
      var d = osa(word, candidate, max);
      if (d > max) continue;
      if (d < bestDistance || (d === bestDistance && entry[1] > bestFreq)) {
        best = candidate; bestDistance = d; bestFreq = entry[1];
      }
    }
    return best;
  }

  // The vocabulary a query's plan can consult: its words' lengths, and for a word not known (nor a
  // synonym), every length a correction of it can have, so correction sees the same candidates as
  // the CLI's scan of the whole vocabulary.
  function preparePlan(engine, query) {
    var raw = surfaceTokens(engine, query);
    return ensureVocab(engine, raw.map(function (w) { return w.length; })).then(function () {
      var more = [];
      raw.forEach(function (w) {
        if (Object.prototype.hasOwnProperty.call(engine.vocab, w) || engine.synonymWords.has(w)) return;
        var max = maxEdits(w.length);
        for (var n = w.length - max; n <= w.length + max; n++) more.push(n);
      });
      return ensureVocab(engine, more);
    }).then(function () { return plan(engine, query); });
  }

  function plan(engine, query) {
    var raw = surfaceTokens(engine, query);
    var vocab = engine.vocab;
    var words = [], corrected = false;
    raw.forEach(function (word) {
      if (Object.prototype.hasOwnProperty.call(vocab, word) || engine.synonymWords.has(word)) { words.push(word); return; }
      var fix = correct(engine, word);
      if (fix !== null) { corrected = true; words.push(fix); } else { words.push(word); }
    });
    var weights = new Map();
    words.forEach(function (w) {
      var e = Object.prototype.hasOwnProperty.call(vocab, w) ? vocab[w] : null;
      if (e && e[0] !== null) weights.set(e[0], 1);
    });
    for (var i = 0; i < words.length; i++) {
      var best = null, bestLength = 0;
      engine.index.synonyms.forEach(function (group) {
        group.forEach(function (phrase) {
          var n = phrase.words.length;
          if (n <= bestLength || i + n > words.length) return;
          for (var k = 0; k < n; k++) if (words[i + k] !== phrase.words[k]) return;
          best = group; bestLength = n;
        });
      });
      if (best === null) continue;
      best.forEach(function (phrase) {
        phrase.terms.forEach(function (t) { if (!weights.has(t)) weights.set(t, engine.index.synonymWeight); });
      });
      i += bestLength - 1;
    }
    return { words: words, weights: weights, correction: corrected ? words.join(' ') : null };
  }

  function search(engine, query, filters) {
    return preparePlan(engine, query).then(function (p) {
      return ensurePostings(engine, Array.from(p.weights.keys())).then(function () { return score(engine, p, filters); });
    });
  }

  function score(engine, p, filters) {
    var scores = new Map(), matched = new Map();
    p.weights.forEach(function (weight, term) {
      var postings = engine.postings[term];
      if (!postings) return;
      for (var i = 0; i < postings.length; i += 2) {
        var doc = postings[i];
        scores.set(doc, (scores.get(doc) || 0) + weight * postings[i + 1]);
        if (!matched.has(doc)) matched.set(doc, []);
        matched.get(doc).push(term);
      }
    });
    var docs = engine.index.docs;
    var hits = [];
    scores.forEach(function (score, doc) {
      var d = docs[doc];
      for (var f in filters) {
        if (!filters[f]) continue;
        var values = f === 'kind' ? [d.kind] : (d.facets[f] || []);
        if (values.indexOf(filters[f]) < 0) return;
      }
      hits.push({ doc: d, score: score, terms: matched.get(doc) });
    });
    hits.sort(function (a, b) { return b.score - a.score || ordinal(a.doc.id, b.doc.id); });
    return { plan: p, hits: hits };
  }

  function facetCounts(hits) {
    var counts = {};
    function add(f, v) { (counts[f] = counts[f] || {}); counts[f][v] = (counts[f][v] || 0) + 1; }
    hits.forEach(function (h) {
      add('kind', h.doc.kind);
      Object.keys(h.doc.facets).forEach(function (f) {
        Array.from(new Set(h.doc.facets[f])).forEach(function (v) { add(f, v); });
      });
    });
    return counts;
  }

  // ---- page wiring --------------------------------------------------------------------------
  var FACETS = [['kind', 'Kind'], ['jurisdiction', 'Jurisdiction'], ['theme', 'Theme'], ['verification', 'Verification'], ['status', 'Status']];
  var LIMIT = 20;

  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    (children || []).forEach(function (c) { if (c !== null && c !== undefined) e.append(c); });
    return e;
  }

  // Highlights the words whose Lucene term is one the query asked for; text nodes only, never HTML.
  // The cursor moves past every word, highlighted or not, so a mark never lands inside an earlier,
  // longer word ("child" inside "children").
  function highlighted(engine, text, weights) {
    var frag = document.createDocumentFragment();
    var pos = 0, cursor = 0;
    // The surface words of the query's terms (each term's shard lists them), so a word is marked when
    // its Lucene term is one the query asked for.
    var marked = new Set();
    weights.forEach(function (_, term) { (engine.surface[term] || []).forEach(function (w) { marked.add(w); }); });
    splitWords(text).forEach(function (word) {
      var at = text.indexOf(word, cursor);
      if (at < 0) return;
      cursor = at + word.length;
      var w = normalise(engine.index.arabic, word.replace(/['\u2019][sS]$/, '').toLowerCase());
      if (marked.has(w)) {
        frag.append(text.slice(pos, at));
        frag.append(el('mark', {}, [word]));
        pos = at + word.length;
      }
    });
    frag.append(text.slice(pos));
    return frag;
  }

  var LABELS = {};
  function label(v) { return Object.prototype.hasOwnProperty.call(LABELS, v) ? LABELS[v] : v; }

  // The page's words in its own language: the Urdu search page gives their Urdu in data-strings
  // (SearchStrings.cs lists every one); {0} and {1} are filled in.
  var STRINGS = {};
  var TITLES = {};
  function t(text, a, b) {
    var s = Object.prototype.hasOwnProperty.call(STRINGS, text) ? STRINGS[text] : text;
    return s.replace('{0}', a === undefined ? '' : String(a)).replace('{1}', b === undefined ? '' : String(b));
  }

  function start() {
    var form = document.getElementById('search-form');
    if (!form) return;
    try { LABELS = JSON.parse(form.dataset.labels || '{}'); } catch (e) { LABELS = {}; }
    try { STRINGS = JSON.parse(form.dataset.strings || '{}'); } catch (e) { STRINGS = {}; }
    try { TITLES = JSON.parse(form.dataset.titles || '{}'); } catch (e) { TITLES = {}; }
    // Where the index files are: beside the page, or (for the Urdu page) the English page's folder.
    var indexBase = form.dataset.index || '';
    var input = document.getElementById('q');
    var status = document.getElementById('search-status');
    var results = document.getElementById('results');
    var facets = document.getElementById('facets');
    var fallback = document.getElementById('search-fallback');
    if (fallback) fallback.hidden = true;
    var engine = null;
    var filters = {};
    var pages = 1; // how many pages of LIMIT results are shown: kept in the URL, so a shared link shows as many
    var timer = null;

    function readUrl() {
      var params = new URLSearchParams(location.search);
      input.value = params.get('q') || '';
      pages = Math.max(1, Math.min(50, parseInt(params.get('pages') || '1', 10) || 1));
      filters = {};
      FACETS.forEach(function (f) { if (params.get(f[0])) filters[f[0]] = params.get(f[0]); });
    }

    function writeUrl(push) {
      var params = new URLSearchParams();
      if (input.value) params.set('q', input.value);
      Object.keys(filters).forEach(function (f) { if (filters[f]) params.set(f, filters[f]); });
      if (pages > 1) params.set('pages', String(pages));
      var url = location.pathname + (params.toString() ? '?' + params.toString() : '');
      if (url !== location.pathname + location.search) history[push ? 'pushState' : 'replaceState'](null, '', url);
    }

    var rendered = null;

    function render() {
      var q = input.value.trim();
      // Re-rendering identical results would replace links under the user's pointer.
      var key = JSON.stringify([engine !== null, q, filters]);
      if (key === rendered) return;
      rendered = key;
      if (!engine || !q) {
        results.replaceChildren();
        facets.replaceChildren();
        status.textContent = !engine && q ? t('Loading the search index…')
          : t('Type a question, a law, a section such as s.377A, or a place.');
        showChips();
        return;
      }
      var token = key;
      Promise.all([search(engine, q, filters), search(engine, q, {})]).then(function (both) {
        // The first page of results is shown whole, excerpts included, so nothing moves after it appears.
        var groups = groupHits(both[0].hits);
        return ensureExcerpts(engine, groups.slice(0, LIMIT * pages).map(function (g) { return g[0].doc.n; })).then(function () {
          if (token !== rendered) return; // a newer query has been rendered meanwhile
          show(q, both[0], both[1], groups);
        });
      }).catch(function (e) {
        status.textContent = 'Search failed (' + e.message + ').';
      });
    }

    // Hits on the same page (a topic and its answers, a statute and its sections) are one result:
    // the best of them leads, the others are listed under it, so one page cannot crowd out the rest.
    function groupHits(hits) {
      var groups = [], byPage = {};
      hits.forEach(function (h) {
        var page = h.doc.url.split('#')[0];
        if (!Object.prototype.hasOwnProperty.call(byPage, page)) { byPage[page] = []; groups.push(byPage[page]); }
        byPage[page].push(h);
      });
      return groups;
    }

    function whyMatched(terms, weights) {
      var seen = new Set(), parts = [];
      (terms || []).forEach(function (term) {
        var word = (engine.surface[term] || [term])[0];
        if (seen.has(word)) return;
        seen.add(word);
        parts.push('“' + word + '”' + (weights.get(term) < 1 ? ' ' + t('(synonym)') : ''));
      });
      return t('Matches {0} further in the text.', parts.join(', '));
    }

    // Each active filter as a chip that removes it.
    function showChips() {
      var chips = document.getElementById('chips');
      if (!chips) return;
      chips.replaceChildren();
      FACETS.forEach(function (f) {
        var v = filters[f[0]];
        if (!v) return;
        var chip = el('button', { type: 'button', class: 'chip', 'aria-label': t('Remove filter {0}', t(f[1]) + ': ' + label(v)) },
          [t(f[1]) + ': ' + label(v) + ' ', el('span', { 'aria-hidden': 'true' }, ['×'])]);
        chip.addEventListener('click', function () {
          delete filters[f[0]];
          pages = 1;
          writeUrl(true);
          render();
          input.focus();
        });
        chips.append(chip);
      });
    }

    function show(q, r, unfiltered, groups) {
      results.replaceChildren();
      var stale = document.getElementById('more-results');
      if (stale) stale.remove();
      facets.replaceChildren();
      var prefix = r.plan.correction ? t('Showing results for “{0}”.', r.plan.correction) + ' ' : '';
      var mine = rendered;
      status.textContent = prefix + (groups.length !== r.hits.length
        ? t(r.hits.length === 1 ? '{0} result on {1} pages' : '{0} results on {1} pages', r.hits.length, groups.length)
        : t(r.hits.length === 1 ? '{0} result' : '{0} results', r.hits.length)) + ' ' + t('for “{0}”.', q);
      // Results come LIMIT pages at a time; a button under the list shows the next ones.
      var shown = 0;
      function more() {
        var batch = groups.slice(shown, shown + LIMIT);
        return ensureExcerpts(engine, batch.map(function (g) { return g[0].doc.n; })).then(function () {
          if (mine !== rendered) return;
          append(batch);
        });
      }
      function append(batch) {
        batch.forEach(function (group) {
          var d = group[0].doc;
          var where = (d.facets.jurisdiction || []).join(', ');
          var title = highlighted(engine, d.title, r.plan.weights);
          var excerpt = highlighted(engine, engine.excerpts[d.n] || '', r.plan.weights);
          var item = el('li', {}, [
            el('a', { href: '../' + d.url, class: 'hit' }, [title.querySelector('mark') ? title : d.title]),
            // On the Urdu page, a statute's or body's Urdu title where one is recorded.
            TITLES[d.url] ? el('p', { class: 'ur-title', lang: 'ur' }, [TITLES[d.url]]) : null,
            el('div', { class: 'meta' }, [label(d.kind) + (where ? ' · ' + (d.facets.jurisdiction || []).map(label).join(', ') : '')]),
            el('p', {}, [excerpt])
          ]);
          // Neither the title nor the opening shows a query word: say which words matched, and which by synonym.
          if (!item.querySelector('mark')) item.append(el('p', { class: 'why' }, [whyMatched(group[0].terms, r.plan.weights)]));
          if (group.length > 1) {
            var also = el('p', { class: 'also' }, [t('Also on this page:') + ' ']);
            group.slice(1, 4).forEach(function (h, i) {
              if (i > 0) also.append(' · ');
              also.append(el('a', { href: '../' + h.doc.url }, [h.doc.title]));
            });
            if (group.length > 4) also.append(' ' + t('and {0} more', group.length - 4));
            item.append(also);
          }
          results.append(item);
        });
        shown = Math.min(shown + batch.length, groups.length);
        var old = document.getElementById('more-results');
        if (old) old.remove();
        if (shown < groups.length) {
          var button = el('button', { type: 'button', id: 'more-results', class: 'more' },
            [t('Show {0} more ({1} not shown)', Math.min(LIMIT, groups.length - shown), groups.length - shown)]);
          button.addEventListener('click', function () {
            var next = shown;
            pages = Math.ceil((shown + LIMIT) / LIMIT);
            writeUrl(false);
            more().then(function () {
              var link = results.querySelectorAll('a.hit')[next];
              if (link) link.focus();
            });
          });
          results.after(button);
        }
      }
      append(groups.slice(0, LIMIT * pages));
      showChips();
      var counts = facetCounts(unfiltered.hits);
      FACETS.forEach(function (f) {
        var c = counts[f[0]];
        if (!c) return;
        var set = el('fieldset', {}, [el('legend', {}, [t(f[1])])]);
        var all = el('input', { type: 'radio', name: 'facet-' + f[0], value: '' });
        if (!filters[f[0]]) all.checked = true;
        set.append(el('label', {}, [all, ' ' + t('Any')]));
        Object.keys(c).sort(function (a, b) { return c[b] - c[a] || ordinal(a, b); }).forEach(function (v) {
          var radio = el('input', { type: 'radio', name: 'facet-' + f[0], value: v });
          if (filters[f[0]] === v) radio.checked = true;
          set.append(el('label', {}, [radio, ' ' + label(v) + ' (' + c[v] + ')']));
        });
        set.addEventListener('change', function (ev) {
          filters[f[0]] = ev.target.value;
          pages = 1;
          writeUrl(true);
          render();
        });
        facets.append(set);
      });
    }

    input.addEventListener('input', function () {
      clearTimeout(timer);
      pages = 1;
      timer = setTimeout(function () { writeUrl(false); render(); }, 120);
    });
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      writeUrl(true);
      render();
    });
    input.addEventListener('keydown', function (ev) {
      if (ev.key === 'ArrowDown') {
        var first = results.querySelector('a.hit');
        if (first) { ev.preventDefault(); first.focus(); }
      }
    });
    results.addEventListener('keydown', function (ev) {
      if (ev.key !== 'ArrowDown' && ev.key !== 'ArrowUp') return;
      var links = Array.from(results.querySelectorAll('a.hit'));
      var i = links.indexOf(document.activeElement);
      if (i < 0) return;
      ev.preventDefault();
      if (ev.key === 'ArrowDown' && i + 1 < links.length) links[i + 1].focus();
      else if (ev.key === 'ArrowUp') (i === 0 ? input : links[i - 1]).focus();
    });
    window.addEventListener('popstate', function () { readUrl(); render(); });

    // Nothing is fetched until it is needed: at once for a shared ?q= link, otherwise when the
    // reader reaches for the box, so opening the page costs a reader on slow data no index bytes.
    var loading = null;
    function load() {
      loading = loading || fetch(indexBase + 'index.json').then(function (r) {
        if (!r.ok) throw new Error('HTTP ' + r.status);
        return r.json();
      }).then(function (index) {
        engine = compile(index, indexBase);
        window.kbSearch.engine = engine;
        // Results may show before the typing debounce fires: the address says what they are for.
        if (input.value.trim()) writeUrl(false);
        render();
        return engine;
      }).catch(function (e) {
        status.textContent = t('The search index could not be loaded ({0}). Use the comparison matrix or the indexes instead.', e.message);
      });
      return loading;
    }
    window.kbSearch.load = load;

    readUrl();
    render();
    if (input.value) load();
    else ['focus', 'input', 'pointerenter', 'touchstart'].forEach(function (ev) { input.addEventListener(ev, load, { once: true, passive: true }); });
    form.addEventListener('submit', load);
  }

  window.kbSearch = {
    engine: null,
    plan: function (q) { return preparePlan(window.kbSearch.engine, q); },
    tokens: function (q) { return surfaceTokens(window.kbSearch.engine, q); },
    search: function (q, filters) {
      return search(window.kbSearch.engine, q, filters || {}).then(function (r) { return r.hits.map(function (h) { return h.doc.id; }); });
    },
    shards: function () { return Object.keys(window.kbSearch.engine.loaded).length; },
    fetched: function () { return window.kbSearch.engine.fetched.slice().sort(); }
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start); else start();
})();
