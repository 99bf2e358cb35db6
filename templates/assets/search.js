/* The site's search, in the reader's browser. Loaded on the first turn to the search box
   (overrides/partials/search.html); reads the static index generator/search/index.py wrote.

   Text is read exactly as generator/search/text.py reads it at build time (fold, stem, runs,
   compounds, tokens, shard): keep the two in step. A passage is a result when it holds every
   term of the query as typed (a Chinese term contiguously, in either script or in Taiwan's or
   the mainland's word for it); passages holding the whole query as one phrase come first, and
   the whole term is highlighted. Only when no passage does, the search says so and shows the
   passages holding most of the query's words (loose, below). */
(function () {
  "use strict";
  var box = document.querySelector("[data-rs-search]");
  if (!box || box.rsSearch) return;
  box.rsSearch = true;
  // What tests and the benchmark read: the last query whose answer is shown, the text rules.
  var api = (window.reportSiteSearch = { answered: null });

  var HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff";
  var RUN = new RegExp("[" + HAN + "]+|[a-z0-9]+", "g");
  var MAX_QUERY = 100; // characters of a query that are searched (a pasted page is cut here)
  var SHOWN = 10; // results first shown; "more" shows as many again
  var MAX_PAIRS = 4; // character pairs of one term looked up in the index
  var CHUNKS_PER_BATCH = 6; // passage texts fetched at once to confirm candidates
  var CHUNK = 16; // passages per text file (generator/search/index.py writes them so)
  var MAX_PIECES = 12; // pairs and words of a query looked up when nothing matches it exactly
  var LOOSE_NEAR_BEST = 0.5; // a loose result scores at least half the best one's score
  var LOOSE_COVER = 0.5; // and holds pieces covering at least half of the query
  var LOOSE_MOST = 60; // loose candidates whose texts may be read

  var base = box.getAttribute("data-rs-search");
  var root = box.getAttribute("data-rs-root");
  var edition = box.getAttribute("data-rs-edition");
  var t = JSON.parse(box.getAttribute("data-rs-strings"));
  var input = box.querySelector("input");
  var toggle = document.getElementById("__search");
  var meta = box.querySelector(".md-search-result__meta");
  var list = box.querySelector(".md-search-result__list");
  var filters = box.querySelector(".rs-search-filters");
  var footer = box.querySelector(".rs-search-footer");

  var cache = {};
  function load(name) {
    if (!cache[name]) {
      cache[name] = fetch(base + name).then(function (r) {
        if (!r.ok) throw new Error(name + ": " + r.status);
        return r.json();
      });
    }
    return cache[name];
  }

  /* ---- text, as generator/search/text.py reads it ---- */
  var foldMap = {};
  function one(c) {
    var n = c.normalize("NFKC");
    if (n.length !== 1) n = c;
    var l = n.toLowerCase();
    if (l.length !== 1) l = n;
    return foldMap[l] || l;
  }
  function fold(text) {
    var out = "";
    for (var i = 0; i < text.length; i++) out += one(text[i]);
    return out;
  }
  // British spellings to American ones, in text.py's order.
  var SPELLINGS = [
    [/([a-z]{3,})our(s|ed|ing|ers?|able|ite|ites)?$/, "$1or$2"],
    [/([a-z]{2,}[tb])re(s|d)?$/, "$1er$2"],
    [/gramme(s)?$/, "gram$1"],
    [/([a-z]{2,}[iy])s(e|es|ed|ing|ation|ations|er|ers)$/, "$1z$2"]
  ];
  function stem(w) {
    if (!/^[a-z]+$/.test(w) || w.length <= 3) return w;
    SPELLINGS.forEach(function (s) { w = w.replace(s[0], s[1]); });
    if (/ies$/.test(w) && w.length > 4) w = w.slice(0, -3) + "y";
    else if (/sses$/.test(w)) w = w.slice(0, -2);
    else if (/s$/.test(w) && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
    var suffixes = ["ing", "ed"];
    for (var i = 0; i < suffixes.length; i++) {
      var s = suffixes[i];
      var b = w.slice(0, -s.length);
      if (w.slice(-s.length) === s && b.length >= 3 && /[aeiouy]/.test(b)) {
        w = b;
        if (w.length > 3 && w[w.length - 1] === w[w.length - 2] && "lsz".indexOf(w[w.length - 1]) < 0) {
          w = w.slice(0, -1);
        }
        break;
      }
    }
    var endings = [["ment", 4], ["er", 5]];
    for (var j = 0; j < endings.length; j++) {
      var e = endings[j][0];
      if (w.slice(-e.length) === e && w.length - e.length >= endings[j][1]) {
        w = w.slice(0, -e.length);
        break;
      }
    }
    if (w.length > 3 && /e$/.test(w)) w = w.slice(0, -1);
    if (w.length > 3 && /y$/.test(w)) w = w.slice(0, -1) + "i";
    return w.replace(/ll/g, "l");
  }
  // A hyphenated word or a number with thousands commas: also one token, its parts joined.
  var COMPOUND = "[a-z0-9]+(?:[-\u2010\u2011][a-z0-9]+)+|(?<![0-9])[0-9]{1,3}(?:,[0-9]{3})+(?![0-9])";
  function joined(compound) { return stem(compound.replace(/[-\u2010\u2011,]/g, "")); }
  function isLatin(run) { return run.charCodeAt(0) < 128; }
  function runTokens(run) {
    if (isLatin(run)) return [stem(run)];
    var out = [];
    for (var i = 0; i + 1 < run.length; i++) out.push(run.slice(i, i + 2));
    out.push(run[run.length - 1]);
    return out;
  }
  function shardKey(token) { return isLatin(token) ? token.slice(0, 2) : token.slice(0, 1); }
  function shardOf(token, shards) {
    var key = shardKey(token), h = 0x811c9dc5;
    for (var i = 0; i < key.length; i++) {
      var u = key.charCodeAt(i);
      h = Math.imul(h ^ (u & 0xff), 0x01000193) >>> 0;
      h = Math.imul(h ^ (u >> 8), 0x01000193) >>> 0;
    }
    return h % shards;
  }
  function matchesOf(re, folded) {
    var out = [], m;
    re.lastIndex = 0;
    while ((m = re.exec(folded))) out.push({ text: m[0], at: m.index });
    return out;
  }
  function runsOf(folded) { return matchesOf(RUN, folded); }
  var COMPOUNDS = new RegExp(COMPOUND, "g");
  var PIECES = new RegExp(COMPOUND + "|" + RUN.source, "g");

  /* ---- the query ---- */
  // Taiwan's and the mainland's words for one thing (网路/网络): the index lists those whose
  // other form its text holds; a term is also looked for in the other form.
  var phraseMap = {}, longestPhrase = 0;
  function otherWords(text) {
    var out = "", i = 0, changed = false;
    while (i < text.length) {
      var found = 0;
      for (var n = Math.min(longestPhrase, text.length - i); n >= 2 && !found; n--) {
        if (phraseMap[text.substr(i, n)]) found = n;
      }
      if (found) {
        out += phraseMap[text.substr(i, found)];
        changed = true;
        i += found;
      } else {
        out += text[i++];
      }
    }
    return changed ? out : null;
  }
  function parse(query) {
    var folded = fold(query.slice(0, MAX_QUERY));
    var seen = {}, terms = [];
    var pieces = matchesOf(PIECES, folded);
    pieces.forEach(function (r, i) {
      if (seen[r.text]) return;
      seen[r.text] = true;
      var latin = isLatin(r.text);
      var parts = latin ? r.text.split(/[-\u2010\u2011,]/) : [r.text];
      var text = parts.join("");
      // The last word may be half typed: it also finds the words it begins.
      var prefix = parts.length === 1 && (latin || text.length === 1) && i === pieces.length - 1 && !/\s$/.test(query);
      if (!latin && text.length === 1) prefix = true; // a lone character: any pair it starts
      var term = { text: text, latin: latin, stem: latin ? stem(text) : "", prefix: prefix, forms: [text] };
      if (parts.length > 1) term.parts = parts.map(stem); // co-operation: also co operation
      var other = latin ? null : otherWords(text);
      if (other) term.forms.push(other);
      terms.push(term);
    });
    return { terms: terms, phrase: pieces.map(function (r) { return r.text.replace(/[-\u2010\u2011,]/g, ""); }).join("") };
  }

  /* ---- candidates: passages holding every token of every term ---- */
  function postings(shard, token) {
    var deltas = shard[token];
    if (!deltas) return [];
    var out = new Array(deltas.length), id = 0;
    for (var i = 0; i < deltas.length; i++) out[i] = id += deltas[i];
    return out;
  }
  function union(lists) {
    var set = {};
    lists.forEach(function (l) { l.forEach(function (id) { set[id] = true; }); });
    return Object.keys(set).map(Number).sort(function (a, b) { return a - b; });
  }
  function intersect(a, b) {
    var set = {}, out = [];
    b.forEach(function (id) { set[id] = true; });
    a.forEach(function (id) { if (set[id]) out.push(id); });
    return out;
  }
  function shardName(token, index) { return "s" + shardOf(token, index.shards) + ".json"; }
  // A long list of tokens: four of them, spread over it, find its passages nearly as well as
  // all of them (each passage's text confirms the whole term), for a fraction of the shards.
  function spread(tokens, most) {
    if (tokens.length <= most) return tokens;
    var step = (tokens.length - 1) / (most - 1), out = [];
    for (var i = 0; i < most; i++) out.push(tokens[Math.round(i * step)]);
    return out;
  }
  // Passages holding every token (a prefix: any token it begins; `word`: or a word it begins).
  function holding(tokens, index, prefix, word) {
    return Promise.all(tokens.map(function (tok) { return load(shardName(tok, index)); })).then(function (loaded) {
      return tokens.map(function (tok, i) {
        var shard = loaded[i];
        if (!prefix) return postings(shard, tok);
        return union(Object.keys(shard).filter(function (k) {
          return k.lastIndexOf(tok, 0) === 0 || (word && k.lastIndexOf(word, 0) === 0);
        }).map(function (k) { return postings(shard, k); }));
      }).reduce(intersect);
    });
  }
  function termPassages(term, index) {
    var lookups;
    if (term.latin) {
      lookups = [holding([term.stem], index, term.prefix, term.text)];
      if (term.parts) lookups.push(holding(term.parts, index, false));
    } else {
      // A form's pairs (not the run-final character the index also keeps: the term may stand
      // before more text); a lone character is looked up as the start of every pair it begins.
      lookups = term.forms.map(function (form) {
        var tokens = runTokens(form);
        if (tokens.length > 1) tokens.pop();
        return holding(spread(tokens, MAX_PAIRS), index, term.prefix);
      });
    }
    return Promise.all(lookups).then(union);
  }

  /* ---- confirming and ranking a candidate from its text ---- */
  function wordsOf(folded) {
    return runsOf(folded).filter(function (r) { return isLatin(r.text); });
  }
  // Where each term occurs in the passage (folded text: same positions as the shown text).
  function matches(term, folded) {
    var out = [];
    if (term.latin) {
      var words = wordsOf(folded);
      words.forEach(function (w) {
        var s = stem(w.text);
        if (s === term.stem || (term.prefix && (w.text.lastIndexOf(term.text, 0) === 0 || s.lastIndexOf(term.stem, 0) === 0))) {
          out.push([w.at, w.at + w.text.length]);
        }
      });
      matchesOf(COMPOUNDS, folded).forEach(function (c) {
        if (joined(c.text) === term.stem) out.push([c.at, c.at + c.text.length]);
      });
      if (term.parts) {
        for (var i = 0; i + term.parts.length <= words.length; i++) {
          var all = term.parts.every(function (p, k) { return stem(words[i + k].text) === p; });
          if (all) out.push([words[i].at, words[i + term.parts.length - 1].at + words[i + term.parts.length - 1].text.length]);
        }
      }
    } else {
      term.forms.forEach(function (form) {
        var at = folded.indexOf(form);
        while (at >= 0) {
          out.push([at, at + form.length]);
          at = folded.indexOf(form, at + form.length);
        }
      });
    }
    return out;
  }
  function judge(q, passage) {
    var folded = fold(passage[2]);
    var spans = [], count = 0, typed = true;
    for (var i = 0; i < q.terms.length; i++) {
      var term = q.terms[i], m = matches(term, folded);
      if (!m.length) return null; // a term is missing (its characters are there, not together)
      count += m.length;
      spans = spans.concat(m);
      // Held in the other region's word only (网络 for 網路): after the words as typed.
      if (!term.latin && folded.indexOf(term.text) < 0) typed = false;
    }
    // The whole query as one phrase (its terms in order, nothing but spaces or punctuation
    // between them): found in the text without its separators, highlighted as one.
    var compact = "", at = [];
    runsOf(folded).forEach(function (r) {
      compact += r.text;
      for (var k = 0; k < r.text.length; k++) at.push(r.at + k);
    });
    var phrases = [];
    if (q.terms.length > 1) {
      var from = compact.indexOf(q.phrase);
      while (from >= 0) {
        phrases.push([at[from], at[from + q.phrase.length - 1] + 1]);
        from = compact.indexOf(q.phrase, from + q.phrase.length);
      }
    }
    if (phrases.length) {
      spans = phrases.concat(spans.filter(function (s) {
        return !phrases.some(function (p) { return s[0] < p[1] && p[0] < s[1]; });
      }));
    }
    return { phrase: phrases.length > 0, typed: typed, count: count, spans: spans, first: (phrases[0] || spans[0])[0] };
  }

  /* ---- no exact match: the passages holding most of the query's words ---- */
  // A query not written as the text has it (杭州的民办学校, 疫情期间停课不停学怎么做, teacher
  // recruitment) is cut the way the index is: Chinese into character pairs, English into stems.
  // A piece weighs what it says (a pair few passages hold, much; one none holds, 州的, nothing).
  // A passage scores the weight of the pieces it holds, or its report's or page's title holds
  // (宁夏 for 黄河治理 in Ningxia's report); it is shown when the pieces it holds cover at least
  // half of the query (its characters, and its English words) and it scores at least half the
  // best score, best first.
  function pieces(q) {
    var out = [], seen = {}, unit = 0;
    q.terms.forEach(function (term) {
      if (term.latin) {
        (term.parts || [term.stem]).forEach(function (tok) {
          if (!seen[tok]) { seen[tok] = true; out.push({ token: tok, covers: [unit] }); }
          unit++;
        });
        return;
      }
      var text = term.forms[term.forms.length - 1];
      for (var i = 0; i + 1 < text.length; i++) {
        var tok = text.slice(i, i + 2);
        if (!seen[tok]) { seen[tok] = true; out.push({ token: tok, covers: [unit + i, unit + i + 1] }); }
      }
      unit += text.length;
    });
    return spread(out, MAX_PIECES);
  }
  function titleTokens(index, page, cache) {
    if (!cache[page]) {
      var row = index.pages[page], report = row[2] >= 0 ? index.reports[row[2]] : [];
      var set = {};
      runsOf(fold([row[1]].concat(report).join(" "))).forEach(function (r) {
        runTokens(r.text).forEach(function (tok) { set[tok] = true; });
      });
      cache[page] = set;
    }
    return cache[page];
  }
  function loose(state) {
    var index = state.index, all = pieces(state.q);
    return Promise.all(all.map(function (p) { return load(shardName(p.token, index)); })).then(function (loaded) {
      if (state.mine !== serial) return;
      var weights = [], held = {}, titles = {}, units = {};
      all.forEach(function (p, i) {
        var ids = postings(loaded[i], p.token);
        weights[i] = ids.length ? Math.log(1 + index.passages / ids.length) : 0;
        ids.forEach(function (id) { (held[id] = held[id] || []).push(i); });
        p.covers.forEach(function (u) { units[u] = true; });
      });
      var reach = Object.keys(units).length, scored = [];
      Object.keys(held).forEach(function (key) {
        var id = Number(key), page = locate(index, id);
        if (!selected(index, page)) return;
        var has = {}, own = 0, score = 0, inTitle = 0, covered = {}, title = titleTokens(index, page, titles);
        held[key].forEach(function (i) { has[i] = true; own += weights[i]; });
        all.forEach(function (p, i) {
          if (title[p.token]) inTitle += weights[i];
          if (!has[i] && !title[p.token]) return;
          score += weights[i];
          p.covers.forEach(function (u) { covered[u] = true; });
        });
        if (Object.keys(covered).length >= reach * LOOSE_COVER) {
          scored.push({ id: id, page: page, score: score + own / 1000, title: inTitle });
        }
      });
      var best = scored.reduce(function (m, s) { return Math.max(m, s.score); }, 0);
      scored = scored.filter(function (s) { return s.score >= best * LOOSE_NEAR_BEST && s.score > 0; });
      scored.sort(function (a, b) { return b.score - a.score || a.id - b.id; });
      state.loose = true;
      state.titleScore = {};
      state.titles = titles;
      state.weights = {};
      var known = weights.filter(function (w) { return w > 0; });
      state.meanWeight = known.length ? known.reduce(function (a, b) { return a + b; }) / known.length : 0;
      all.forEach(function (p, i) { state.weights[p.token] = weights[i]; });
      state.pending = [];
      var chunks = {};
      scored.slice(0, LOOSE_MOST).forEach(function (s) {
        state.titleScore[s.id] = s.title;
        var chunk = Math.floor((s.id - index.pages[s.page][3]) / CHUNK), key = s.page + ":" + chunk;
        if (!chunks[key]) state.pending.push(chunks[key] = { page: s.page, chunk: chunk, ids: [] });
        chunks[key].ids.push(s.id);
      });
      state.pages = Object.keys(chunks).length;
      return confirm(state);
    });
  }
  // A loose result, read: what to mark (each stretch of two or more of the query's characters
  // the passage holds as typed, and its words) and its score. A longer stretch counts for
  // more than its pairs apart (民办学校 over 的民办 … 学校); the title's pieces count once.
  function looseVerdict(state, id, passage) {
    var folded = fold(passage[2]), spans = [], score = state.titleScore[id] || 0;
    var title = titleTokens(state.index, locate(state.index, id), state.titles);
    // (A piece its report's or page's title holds is counted once, there.)
    var weight = function (tok) {
      if (title[tok]) return 0;
      return tok in state.weights ? state.weights[tok] : state.meanWeight;
    };
    state.q.terms.forEach(function (term) {
      if (term.latin) {
        var found = matches(term, folded);
        if (found.length) score += (term.parts || [term.stem]).reduce(function (w, t) { return w + weight(t); }, 0);
        spans = spans.concat(found);
        return;
      }
      var text = term.forms[term.forms.length - 1];
      for (var i = 0; i < text.length - 1; ) {
        var n = text.length - i;
        while (n >= 2 && folded.indexOf(text.substr(i, n)) < 0) n--;
        if (n < 2) { i++; continue; }
        var piece = text.substr(i, n), at = folded.indexOf(piece), sum = 0;
        for (var k = 0; k + 1 < n; k++) sum += weight(piece.substr(k, 2));
        score += sum * (1 + 0.5 * (n - 2));
        while (at >= 0) { spans.push([at, at + n]); at = folded.indexOf(piece, at + n); }
        i += n;
      }
    });
    spans.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
    var kept = spans.filter(function (s, i) { return !spans.slice(0, i).some(function (o) { return s[0] < o[1] && o[0] < s[1]; }); });
    var longest = kept.reduce(function (m, s) { return m && m[1] - m[0] >= s[1] - s[0] ? m : s; }, null);
    return { phrase: false, typed: true, score: score, count: kept.length, spans: kept, first: longest ? longest[0] : 0 };
  }

  function locate(index, id) {
    var pages = index.pages, lo = 0, hi = pages.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (pages[mid][3] <= id) lo = mid; else hi = mid - 1;
    }
    return lo;
  }

  /* ---- state of one search ---- */
  var serial = 0; // the latest search; an older one's answer is dropped

  function selected(index, page) {
    var year = filters.querySelector("[name=year]");
    var report = filters.querySelector("[name=report]");
    var r = index.pages[page][2];
    if (report && report.value !== "" && String(r) !== report.value) return false;
    if (year && year.value !== "" && (r < 0 || index.reports[r][1] !== year.value)) return false;
    return true;
  }

  function run() {
    var mine = ++serial;
    var query = input.value;
    api.answered = null;
    return load("index.json").then(function (index) {
      if (mine !== serial) return;
      var q = parse(query);
      footer.textContent = "";
      elsewhere(query);
      if (!q.terms.length) {
        list.textContent = "";
        meta.textContent = query.trim() ? t.none : t.placeholder;
        input.setAttribute("aria-expanded", "false");
        return;
      }
      return Promise.all(q.terms.map(function (term) { return termPassages(term, index); }))
        .then(function (lists) {
          if (mine !== serial) return;
          var ids = lists.reduce(intersect);
          // Candidates by page (pages with the most first) and by text file within it: the
          // texts confirm and rank them, a page's best file before any page's second.
          var byPage = {}, pages = [];
          ids.forEach(function (id) {
            var p = locate(index, id);
            if (!selected(index, p)) return;
            var chunk = Math.floor((id - index.pages[p][3]) / CHUNK);
            if (!byPage[p]) { byPage[p] = {}; pages.push(p); }
            (byPage[p][chunk] = byPage[p][chunk] || []).push(id);
          });
          var size = function (p) {
            return Object.keys(byPage[p]).reduce(function (n, c) { return n + byPage[p][c].length; }, 0);
          };
          pages.sort(function (a, b) { return size(b) - size(a) || a - b; });
          var pending = [];
          for (var round = 0; ; round++) {
            var added = 0;
            pages.forEach(function (p) {
              var chunks = Object.keys(byPage[p]).map(Number).sort(function (a, b) {
                return byPage[p][b].length - byPage[p][a].length || a - b;
              });
              if (round < chunks.length) {
                pending.push({ page: p, chunk: chunks[round], ids: byPage[p][chunks[round]] });
                added++;
              }
            });
            if (!added) break;
          }
          return confirm({ q: q, query: query, index: index, pending: pending, pages: pages.length, results: [], shown: SHOWN, mine: mine });
        });
    }).catch(function () {
      if (mine === serial) { list.textContent = ""; meta.textContent = t.none; }
    }).then(function () {
      if (mine === serial) api.answered = query; // for tests and the benchmark: this query is in
    });
  }

  // The whole phrase first; then each page's best passage (a heading, then the most
  // occurrences) before any page's second, so the first screen spans the pages that match.
  // (Loose results: the highest score first, then the same.)
  function rank(results) {
    results.sort(function (a, b) {
      return (b.v.score - a.v.score) || (b.v.phrase - a.v.phrase) || (b.v.typed - a.v.typed) || (b.passage[1] - a.passage[1]) ||
        (b.v.count - a.v.count) || (a.id - b.id);
    });
    var seen = {};
    results.forEach(function (r, i) {
      var key = r.v.phrase + ":" + r.v.typed + ":" + r.page;
      r.ordinal = seen[key] = (seen[key] === undefined ? 0 : seen[key] + 1);
      r.position = i;
    });
    results.sort(function (a, b) {
      return (b.v.phrase - a.v.phrase) || (b.v.typed - a.v.typed) || (a.ordinal - b.ordinal) || (a.position - b.position);
    });
  }

  // Fetch the next batch of candidates' texts until enough results are confirmed, from as
  // many pages as there are results to show.
  function confirm(state) {
    var pages = {};
    state.results.forEach(function (r) { pages[r.page] = true; });
    var enough = state.results.length >= state.shown &&
      Object.keys(pages).length >= Math.min(state.shown, state.pages);
    if (enough || !state.pending.length) {
      if (!state.results.length && !state.loose) return loose(state);
      return render(state);
    }
    var batch = state.pending.splice(0, CHUNKS_PER_BATCH);
    return Promise.all(batch.map(function (b) { return load("p" + b.page + "-" + b.chunk + ".json"); })).then(function (texts) {
      if (state.mine !== serial) return;
      batch.forEach(function (b, i) {
        var first = state.index.pages[b.page][3] + b.chunk * CHUNK;
        b.ids.forEach(function (id) {
          var passage = texts[i][id - first];
          var verdict = passage && (state.loose ? looseVerdict(state, id, passage) : judge(state.q, passage));
          if (verdict) {
            verdict.score = verdict.score || 0;
            state.results.push({ id: id, page: b.page, passage: passage, v: verdict });
          }
        });
      });
      rank(state.results);
      return confirm(state);
    });
  }

  /* ---- showing results (text only: nothing typed becomes markup) ---- */
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }
  function count(n, more) {
    if (n === 0) return t.none;
    return n === 1 && !more ? t.one : t.other.replace("#", n + (more ? "+" : ""));
  }

  // The passage around its best match (the whole phrase, else the first term), marked.
  function excerpt(text, v) {
    var spans = v.spans.slice().sort(function (a, b) { return a[0] - b[0]; });
    var chinese = new RegExp("[" + HAN + "]").test(text);
    var width = chinese ? 60 : 120;
    var start = Math.max(0, v.first - width / 3), end = Math.min(text.length, start + width);
    var p = el("p");
    if (start > 0) p.appendChild(document.createTextNode("…"));
    var at = start;
    spans.forEach(function (s) {
      if (s[0] < at || s[0] >= end) return;
      p.appendChild(document.createTextNode(text.slice(at, s[0])));
      p.appendChild(el("mark", null, text.slice(s[0], s[1])));
      at = s[1];
    });
    p.appendChild(document.createTextNode(text.slice(at, Math.max(at, end))));
    if (end < text.length) p.appendChild(document.createTextNode("…"));
    return p;
  }

  function heading(texts, page, passageIndex) {
    for (var i = passageIndex; i > 0; i--) if (texts[i][1]) return texts[i][2];
    return "";
  }

  function render(state) {
    if (state.mine !== serial) return;
    var index = state.index;
    list.textContent = "";
    var shown = state.results.slice(0, state.shown);
    meta.textContent = count(state.results.length, state.pending.length > 0);
    if (state.loose && state.results.length) {
      // Said plainly: these passages do not hold the query as typed.
      meta.textContent = t.loose.replace("{q}", state.query.trim().slice(0, MAX_QUERY)) + " " + meta.textContent;
    }
    shown.forEach(function (r) {
      var page = index.pages[r.page];
      var li = el("li", "md-search-result__item");
      var a = el("a", "md-search-result__link");
      a.href = root + edition + "/" + page[0] + (r.passage[0] ? "#" + r.passage[0] : "");
      var article = el("article", "md-search-result__article md-typeset");
      var where = [];
      if (page[2] >= 0) where.push(reportName(index, page[2]), index.reports[page[2]][1]);
      where.push(page[1]);
      article.appendChild(el("div", "rs-search-where", where.join(" · ")));
      article.appendChild(excerpt(r.passage[2], r.v));
      a.appendChild(article);
      li.appendChild(a);
      list.appendChild(li);
    });
    footer.textContent = "";
    if (state.results.length > state.shown || state.pending.length) {
      var more = el("button", "md-button rs-search-more", t.more);
      more.type = "button";
      more.addEventListener("click", function () {
        state.shown += SHOWN;
        confirm(state).then(function () { focusResult(state.shown - SHOWN); });
      });
      footer.appendChild(more);
    }
    input.setAttribute("aria-expanded", String(shown.length > 0));
  }

  // A Chinese query in the English edition, or English in a Chinese one: the same search in
  // the edition whose text is in the query's language.
  function elsewhere(query) {
    var old = box.querySelector(".rs-search-elsewhere");
    if (old) old.remove();
    var q = query.trim().slice(0, MAX_QUERY);
    var han = new RegExp("[" + HAN + "]").test(q);
    var target = null;
    if (edition === "en" && han) {
      var traditional = q.split("").some(function (c) { return foldMap[c]; });
      target = traditional ? "zh-Hant" : "zh-Hans";
    } else if (edition !== "en" && !han && /[A-Za-z]{2}/.test(q)) {
      target = "en";
    }
    if (!target) return;
    var a = el("a", "rs-search-elsewhere", (target === "en" ? t.elsewhere_en : t.elsewhere_zh).replace("{q}", q));
    a.href = root + target + "/?q=" + encodeURIComponent(q);
    // target: Material takes over a plain link into another edition (its language selector's
    // way to the same page there), which would drop the query.
    a.target = "_self";
    a.lang = edition;
    meta.parentNode.insertBefore(a, filters);
  }

  // A report by its title, and its organisation too where two reports share a title.
  function reportName(index, i) {
    var r = index.reports[i];
    var shared = index.reports.some(function (o, j) { return j !== i && o[0] === r[0]; });
    return shared && r[2] ? r[0] + " · " + r[2] : r[0];
  }

  function buildFilters(index) {
    if (index.reports.length < 2) return;
    var years = [];
    index.reports.forEach(function (r) { if (years.indexOf(r[1]) < 0) years.push(r[1]); });
    years.sort().reverse();
    var year = el("select"), report = el("select");
    year.name = "year"; report.name = "report";
    year.setAttribute("aria-label", t.all_years);
    report.setAttribute("aria-label", t.all_reports);
    year.appendChild(new Option(t.all_years, ""));
    years.forEach(function (y) { year.appendChild(new Option(y, y)); });
    function reports() {
      var keep = report.value;
      report.textContent = "";
      report.appendChild(new Option(t.all_reports, ""));
      index.reports.forEach(function (r, i) {
        if (!year.value || r[1] === year.value) {
          report.appendChild(new Option(reportName(index, i) + " (" + r[1] + ")", String(i)));
        }
      });
      report.value = keep;
      if (report.value !== keep) report.value = "";
    }
    reports();
    year.addEventListener("change", function () { reports(); run(); });
    report.addEventListener("change", run);
    var label = el("span", "rs-search-filter-label", t.filter);
    filters.appendChild(label);
    filters.appendChild(year);
    filters.appendChild(report);
    filters.hidden = false;
  }

  /* ---- keyboard and the dialog ---- */
  function links() { return Array.prototype.slice.call(list.querySelectorAll("a")); }
  function focusResult(i) {
    var all = links();
    if (all.length) all[Math.max(0, Math.min(i, all.length - 1))].focus();
  }
  function open() { toggle.checked = true; }
  function close() {
    toggle.checked = false;
    input.blur();
  }

  var timer = 0; // a run waiting for the reader to stop typing
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { timer = 0; run(); }, 120);
  });
  input.addEventListener("focus", open);
  box.querySelector("form").addEventListener("reset", function () {
    setTimeout(function () { run(); input.focus(); }, 0);
  });
  box.addEventListener("keydown", function (e) {
    var all = links(), at = all.indexOf(document.activeElement);
    if (e.key === "ArrowDown") {
      e.preventDefault();
      focusResult(at + 1);
    } else if (e.key === "ArrowUp") {
      e.preventDefault();
      if (at <= 0) input.focus(); else focusResult(at - 1);
    } else if (e.key === "Enter" && document.activeElement === input) {
      e.preventDefault();
      if (all.length) all[0].click();
    } else if (e.key === "Escape") {
      e.preventDefault();
      close();
    }
  });
  document.addEventListener("keydown", function (e) {
    var at = e.target;
    if (e.ctrlKey || e.metaKey || e.altKey || box.contains(at)) return;
    if (/^(INPUT|TEXTAREA|SELECT)$/.test(at.tagName) || at.isContentEditable) return;
    if (e.key === "/" || e.key === "s" || e.key === "S") {
      e.preventDefault();
      open();
      input.focus();
    }
  });
  // Following a result closes the dialog (a link to the page already open only scrolls).
  list.addEventListener("click", function (e) { if (e.target.closest("a")) close(); });

  load("index.json").then(function (index) {
    var from = index.fold[0], to = index.fold[1];
    for (var i = 0; i < from.length; i++) foldMap[from[i]] = to[i];
    var words = index.phrases[0].split(" "), others = index.phrases[1].split(" ");
    words.forEach(function (w, k) {
      if (!w) return;
      phraseMap[w] = others[k];
      longestPhrase = Math.max(longestPhrase, w.length);
    });
    buildFilters(index);
    var q = new URLSearchParams(location.search).get("q");
    if (q && !input.value) {
      input.value = q;
      open();
      input.focus();
    }
    api.fold = fold;
    api.stem = stem;
    api.joined = joined;
    api.shardOf = shardOf;
    if (document.activeElement === input) open();
    // A query typed before this script listened (or given as ?q=) is run now. One it heard
    // waits for the reader to stop typing, and runs then: run now as well, it would be built
    // twice, the second time under a reader who had moved into the results (the link to the
    // other edition's search taken from under their focus).
    if (input.value && !timer) run();
  });
})();
