/* The site's search, in the reader's browser. Loaded on the first turn to the search box
   (overrides/partials/search.html); reads the static index generator/search/index.py wrote.

   Text is read exactly as generator/search/text.py reads it at build time (fold, stem, runs,
   tokens, shard): keep the two in step. A passage is a result only when it holds every term
   of the query as typed (a Chinese term contiguously, in either script); passages holding the
   whole query as one phrase come first, and the whole term is highlighted. */
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
  function stem(w) {
    if (!/^[a-z]+$/.test(w) || w.length <= 3) return w;
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
    if (w.length > 3 && /e$/.test(w)) w = w.slice(0, -1);
    if (w.length > 3 && /y$/.test(w)) w = w.slice(0, -1) + "i";
    return w;
  }
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
  function runsOf(folded) {
    var out = [], m;
    RUN.lastIndex = 0;
    while ((m = RUN.exec(folded))) out.push({ text: m[0], at: m.index });
    return out;
  }

  /* ---- the query ---- */
  function parse(query) {
    var folded = fold(query.slice(0, MAX_QUERY));
    var seen = {}, terms = [];
    var runs = runsOf(folded);
    runs.forEach(function (r, i) {
      if (seen[r.text]) return;
      seen[r.text] = true;
      var latin = isLatin(r.text);
      // The last word may be half typed: it also finds the words it begins.
      var prefix = (latin || r.text.length === 1) && i === runs.length - 1 && !/\s$/.test(query);
      if (!latin && r.text.length === 1) prefix = true; // a lone character: any pair it starts
      terms.push({ text: r.text, latin: latin, stem: latin ? stem(r.text) : "", prefix: prefix });
    });
    return { terms: terms, phrase: runs.map(function (r) { return r.text; }).join("") };
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
  function termPassages(term, index) {
    // A term's pairs (not the run-final character the index also keeps: the term may stand
    // before more text); a lone character is looked up as the start of every pair it begins.
    var tokens = term.latin ? [term.stem] : runTokens(term.text);
    if (tokens.length > 1) tokens.pop();
    // A long term: four of its pairs, spread over it, find its passages nearly as well as all
    // of them (each passage's text confirms the whole term), for a fraction of the shards.
    if (tokens.length > MAX_PAIRS) {
      var step = (tokens.length - 1) / (MAX_PAIRS - 1), spread = [];
      for (var i = 0; i < MAX_PAIRS; i++) spread.push(tokens[Math.round(i * step)]);
      tokens = spread;
    }
    var shards = tokens.map(function (tok) { return "s" + shardOf(tok, index.shards) + ".json"; });
    return Promise.all(shards.map(load)).then(function (loaded) {
      var lists = tokens.map(function (tok, i) {
        var shard = loaded[i];
        if (!term.prefix) return postings(shard, tok);
        return union(Object.keys(shard).filter(function (k) {
          return k.lastIndexOf(tok, 0) === 0 || (term.latin && k.lastIndexOf(term.text, 0) === 0);
        }).map(function (k) { return postings(shard, k); }));
      });
      return lists.reduce(intersect);
    });
  }

  /* ---- confirming and ranking a candidate from its text ---- */
  function wordsOf(folded) {
    return runsOf(folded).filter(function (r) { return isLatin(r.text); });
  }
  // Where each term occurs in the passage (folded text: same positions as the shown text).
  function matches(term, folded) {
    var out = [];
    if (term.latin) {
      wordsOf(folded).forEach(function (w) {
        var s = stem(w.text);
        if (s === term.stem || (term.prefix && (w.text.lastIndexOf(term.text, 0) === 0 || s.lastIndexOf(term.stem, 0) === 0))) {
          out.push([w.at, w.at + w.text.length]);
        }
      });
    } else {
      var at = folded.indexOf(term.text);
      while (at >= 0) {
        out.push([at, at + term.text.length]);
        at = folded.indexOf(term.text, at + term.text.length);
      }
    }
    return out;
  }
  function judge(q, passage) {
    var folded = fold(passage[2]);
    var spans = [], count = 0;
    for (var i = 0; i < q.terms.length; i++) {
      var m = matches(q.terms[i], folded);
      if (!m.length) return null; // a term is missing (its characters are there, not together)
      count += m.length;
      spans = spans.concat(m);
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
    return { phrase: phrases.length > 0, count: count, spans: spans, first: (phrases[0] || spans[0])[0] };
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
          return confirm({ q: q, index: index, pending: pending, pages: pages.length, results: [], shown: SHOWN, mine: mine });
        });
    }).catch(function () {
      if (mine === serial) { list.textContent = ""; meta.textContent = t.none; }
    }).then(function () {
      if (mine === serial) api.answered = query; // for tests and the benchmark: this query is in
    });
  }

  // The whole phrase first; then each page's best passage (a heading, then the most
  // occurrences) before any page's second, so the first screen spans the pages that match.
  function rank(results) {
    results.sort(function (a, b) {
      return (b.v.phrase - a.v.phrase) || (b.passage[1] - a.passage[1]) ||
        (b.v.count - a.v.count) || (a.id - b.id);
    });
    var seen = {};
    results.forEach(function (r, i) {
      var key = r.v.phrase + ":" + r.page;
      r.ordinal = seen[key] = (seen[key] === undefined ? 0 : seen[key] + 1);
      r.position = i;
    });
    results.sort(function (a, b) {
      return (b.v.phrase - a.v.phrase) || (a.ordinal - b.ordinal) || (a.position - b.position);
    });
  }

  // Fetch the next batch of candidates' texts until enough results are confirmed, from as
  // many pages as there are results to show.
  function confirm(state) {
    var pages = {};
    state.results.forEach(function (r) { pages[r.page] = true; });
    var enough = state.results.length >= state.shown &&
      Object.keys(pages).length >= Math.min(state.shown, state.pages);
    if (enough || !state.pending.length) return render(state);
    var batch = state.pending.splice(0, CHUNKS_PER_BATCH);
    return Promise.all(batch.map(function (b) { return load("p" + b.page + "-" + b.chunk + ".json"); })).then(function (texts) {
      if (state.mine !== serial) return;
      batch.forEach(function (b, i) {
        var first = state.index.pages[b.page][3] + b.chunk * CHUNK;
        b.ids.forEach(function (id) {
          var passage = texts[i][id - first];
          var verdict = passage && judge(state.q, passage);
          if (verdict) state.results.push({ id: id, page: b.page, passage: passage, v: verdict });
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

  var timer = 0;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(run, 120);
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
    buildFilters(index);
    var q = new URLSearchParams(location.search).get("q");
    if (q && !input.value) {
      input.value = q;
      open();
      input.focus();
    }
    api.fold = fold;
    api.stem = stem;
    api.shardOf = shardOf;
    if (document.activeElement === input) open();
    if (input.value) run();
  });
})();
