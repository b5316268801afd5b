/*
 * The search worker: Material's search box and result list, with an index that is loaded in
 * shards as queries need them (unmd.search_shards writes them into search/).
 *
 * It speaks the message protocol of Material's own worker, which the theme lets a site replace
 * (`__config.search`, set in overrides/main.html): SETUP (Material's search_index.json, which
 * holds only the configuration) -> READY; QUERY (the text typed) -> RESULT (the results grouped
 * by page, titles and texts highlighted, per document the query terms it has). The worker
 * reads that configuration itself as soon as it starts and loads the page table and the
 * segmenter, so that READY does not wait for the page.
 *
 * Over HTTP this is a Web Worker and fetches the shard files. From file:// Material runs it in
 * an iframe (the iframe-worker shim), where files cannot be fetched, and the shards are loaded
 * as <script> elements; each calls searchShard(name, data).
 *
 * A query is cut into terms as the build cut the pages (unmd.search_terms.terms_of): Chinese
 * into words (segmenter.js), the rest at separators, in lower case. Each term loads one shard
 * of postings; the last term, while it is being typed, also finds the terms it begins. Entries
 * having more of the terms come first, then by the sum of their BM25 weights; only the entries
 * in the terms' postings are visited. The texts of the best RESULT_PAGES pages' entries (at most
 * ENTRIES_PER_PAGE each) are loaded to be shown, the other pages are listed by title. RESULT is
 * sent as soon as the texts Material shows unfolded are loaded (a page's best entry), and again
 * once those it folds under "more on this page" are.
 */
(function () {
  "use strict";

  var RESULT_PAGES = 10;
  var ENTRIES_PER_PAGE = 8;
  var PREFIX_WEIGHT = 0.5;  // a term that only begins with the term typed counts half
  var WARM_UP_POSTINGS = 50000;
  var HAN = /\p{Script=Han}/u;
  var EDGES = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;
  var IN_WORKER = typeof document === "undefined";

  var script = IN_WORKER ? self.location.href : document.querySelector("script[src*='search/worker']").src;
  var root = new URL("../../../", script);  // assets/javascripts/search/worker.js
  var config = null;
  var split = null;  // keys whose terms are in shards of longer keys
  var pages = null;  // [first entry, url, title] by first entry
  var firsts = null;  // the pages' first entries
  var loaded = new Map();  // shard name -> Promise of its data (null if there is none)
  var waiting = new Map();  // shard name -> resolve, for shards loaded as scripts

  self.searchShard = function (name, data) {
    var resolve = waiting.get(name);
    if (resolve) {
      waiting.delete(name);
      resolve(data);
    }
  };

  function loadScript(url, name) {
    return new Promise(function (resolve) {
      if (name) waiting.set(name, resolve);
      var element = document.createElement("script");
      element.src = url;
      element.onload = element.onerror = function () {
        if (!name) return resolve(null);
        if (waiting.get(name) === resolve) {  // a missing shard: no term has its key
          waiting.delete(name);
          resolve(null);
        }
      };
      document.head.appendChild(element);
    });
  }

  function shard(name) {
    if (!loaded.has(name)) {
      var url = new URL("search/" + name + ".js?v=" + config.shards.version, root).href;
      loaded.set(name, IN_WORKER
        ? fetch(url).then(function (response) {
            if (!response.ok) return null;
            return response.text().then(function (text) {
              return JSON.parse(text.slice(text.indexOf(",") + 1, text.lastIndexOf(")")));
            });
          }).catch(function () { return null; })
        : loadScript(url, name));
    }
    return loaded.get(name);
  }

  function setup(index) {
    config = index.config;
    split = new Set(config.shards.split);
    var table = shard("pages");  // first: importScripts waits for its script
    var segmenter = new URL("assets/javascripts/search/segmenter.js?v=" + config.shards.version, root).href;
    var words = IN_WORKER ? Promise.resolve(importScripts(segmenter)) : loadScript(segmenter);
    return Promise.all([words, table]).then(function (results) {
      pages = results[1] || [];
      firsts = Int32Array.from(pages, function (row) { return row[0]; });
    });
  }

  /* Material's index file (the configuration only: the search hook writes no entries into it),
     read by the worker as soon as it starts, as Material reads it (search_index.js from
     file://), so that the set-up does not wait for the page to load it and send it with SETUP
     (which Material does from file:// only once the search box is opened). Settles with
     whether the set-up is done. */
  function setupEarly() {
    var index = IN_WORKER
      ? fetch(new URL("search/search_index.json", root)).then(function (response) {
          return response.ok ? response.json() : null;
        })
      : loadScript(new URL("search/search_index.js", root).href).then(function () { return self.__index; });
    return index.then(function (index) {
      return index && index.config && index.config.shards ? setup(index).then(function () { return true; }) : false;
    }).catch(function () { return false; });
  }

  var early = setupEarly();

  /* ------------------------------------------------------------------ terms */

  function termsOf(text) {
    var terms = [];
    text.split(new RegExp(config.separator, "u")).forEach(function (token) {
      ChineseSegmenter.segment(token).forEach(function (piece) {
        var term = HAN.test(piece) ? piece : piece.replace(EDGES, "").toLowerCase();
        if (term && terms.indexOf(term) < 0) terms.push(term);
      });
    });
    return terms;
  }

  /* unmd.search_shards.shard_key: two characters (Chinese) or three, more for a split key */
  function shardKey(term) {
    var chars = Array.from(term);
    var length = HAN.test(term) ? 2 : 3;
    while (length < chars.length && split.has(chars.slice(0, length).join(""))) length++;
    return chars.slice(0, length).join("");
  }

  /* unmd.search_shards.bucket_of: the file a key's shard is in, FNV-1a of its UTF-8 bytes */
  function shardName(key) {
    var digest = 0x811c9dc5;
    new TextEncoder().encode(key).forEach(function (byte) {
      digest = Math.imul(digest ^ byte, 0x01000193) >>> 0;
    });
    return "w/" + (digest % config.shards.buckets).toString(36);
  }

  /* unmd.search_shards.postings: entry number deltas in base 36, each closed by its
     relevance letter (A-Z); decoded once per term into typed arrays */
  var decoded = new Map();

  function decode(shardName, term, postings) {
    var key = shardName + " " + term;
    if (decoded.has(key)) return decoded.get(key);
    var numbers = new Int32Array(postings.length >> 1);  // at least two characters a posting
    var weights = new Float32Array(numbers.length);
    var levels = new Float32Array(26);  // weight by letter
    for (var l = 0; l < 26; l++) levels[l] = (l / config.shards.relevance_step) * (l / config.shards.relevance_step);
    var count = 0;
    var number = 0;
    var digits = 0;
    for (var i = 0; i < postings.length; i++) {
      var code = postings.charCodeAt(i);
      if (code >= 65 && code <= 90) {
        number += digits;
        digits = 0;
        numbers[count] = number;
        weights[count++] = levels[code - 65];
      } else {
        digits = digits * 36 + (code <= 57 ? code - 48 : code - 87);
      }
    }
    var list = { numbers: numbers.subarray(0, count), weights: weights.subarray(0, count) };
    decoded.set(key, list);
    return list;
  }

  /* Two postings lists as one, entries ascending, the weights of an entry in both summed;
     b's weights scaled by `scale`. */
  function merged(a, b, scale) {
    var numbers = new Int32Array(a.numbers.length + b.numbers.length);
    var weights = new Float32Array(numbers.length);
    var i = 0, j = 0, k = 0;
    while (i < a.numbers.length || j < b.numbers.length) {
      var x = i < a.numbers.length ? a.numbers[i] : Infinity;
      var y = j < b.numbers.length ? b.numbers[j] : Infinity;
      numbers[k] = Math.min(x, y);
      weights[k] = (x <= y ? a.weights[i++] : 0) + (y <= x ? b.weights[j++] * scale : 0);
      k++;
    }
    return { numbers: numbers.subarray(0, k), weights: weights.subarray(0, k) };
  }

  /* Per query term: its postings (with, while it is typed, those of the terms it begins,
     weighing PREFIX_WEIGHT, in one list), and the index terms found. */
  function match(term, prefix) {
    var key = shardKey(term);
    prefix = prefix && !(key === term && split.has(key));  // longer terms are in other shards then
    var name = shardName(key);
    return shard(name).then(function (terms) {
      var found = [];
      var list = { numbers: new Int32Array(0), weights: new Float32Array(0) };
      if (!terms) return { list: list, found: found };
      if (terms[term] !== undefined) {
        list = decode(name, term, terms[term]);
        found.push(term);
      }
      var longer = [];
      if (prefix)
        for (var other in terms)
          if (other !== term && other.startsWith(term) && shardKey(other) === key) {  // a file holds other keys' shards too
            longer.push(decode(name, other, terms[other]));
            found.push(other);
          }
      if (longer.length) {  // pairwise, so that each posting is copied about log(n) times
        while (longer.length > 1) {
          var pairs = [];
          for (var i = 0; i < longer.length; i += 2)
            pairs.push(i + 1 < longer.length ? merged(longer[i], longer[i + 1], 1) : longer[i]);
          longer = pairs;
        }
        list = merged(list, longer[0], PREFIX_WEIGHT);
      }
      return { list: list, found: found };
    });
  }

  /* ------------------------------------------------------------------ ranking */

  /* The entries having any of the terms, found by walking the terms' postings side by side
     (entries ascending: only the entries in the postings are visited), with per entry the terms
     it has (one bit a term) and its value: the number of terms, then the summed weights. Entries
     come grouped by page (pages hold consecutive entries), each group with its best entry. */
  function rank(lists) {
    var k = lists.length;
    var postings = lists.map(function (list) { return list.numbers; });
    var weights = lists.map(function (list) { return list.weights; });
    var ends = lists.map(function (list) { return list.numbers.length; });
    var at = new Int32Array(k);
    var total = ends.reduce(function (sum, end) { return sum + end; }, 0);
    var numbers = new Int32Array(total);
    var masks = new Int32Array(total);
    var values = new Float64Array(total);
    var groups = [];
    var group = null;
    var page = 0;
    var next = firsts.length > 1 ? firsts[1] : Infinity;  // the first entry of the page after `page`
    var count = 0;
    for (;;) {
      var n = Infinity;
      var i;
      for (i = 0; i < k; i++)
        if (at[i] < ends[i] && postings[i][at[i]] < n) n = postings[i][at[i]];
      if (n === Infinity) break;
      var mask = 0;
      var terms = 0;
      var sum = 0;
      for (i = 0; i < k; i++)
        if (at[i] < ends[i] && postings[i][at[i]] === n) {
          mask |= 1 << i;
          terms++;
          sum += weights[i][at[i]++];
        }
      var value = terms + sum / (1 + sum);
      if (n >= next) {
        while (page + 1 < firsts.length && firsts[page + 1] <= n) page++;
        next = page + 1 < firsts.length ? firsts[page + 1] : Infinity;
      }
      if (!group || group.page !== page) groups.push(group = { page: page, from: count, to: count, best: -1, top: n, topMask: 0 });
      numbers[count] = n;
      masks[count] = mask;
      values[count] = value;
      group.to = ++count;
      if (value > group.best) {
        group.best = value;
        group.top = n;
        group.topMask = mask;
      }
    }
    groups.sort(function (a, b) { return b.best - a.best; });  // stable: ties in page order
    return { groups: groups, numbers: numbers, masks: masks, values: values };
  }

  /* The first query runs the decoding and ranking loops for the first time, which the browser
     does slowly (it compiles a loop into fast code only once it has run a while: decoding the
     postings of 联合国 at 1,000 reports takes 24 ms the first time, 1 ms the third): so in a
     Web Worker they run once on made-up postings when the index is set up, before a query is
     typed. Not from file://, where the worker shares the page's thread: there it would hold up
     the page while the reader begins to type. */
  function warmUp() {
    var postings = new Array(WARM_UP_POSTINGS + 1).join("1C");
    var list = decode("", "", postings);
    decoded.delete(" ");
    var prefixed = merged(list, list, PREFIX_WEIGHT);
    var ranked = rank([list, prefixed]);
    best(ranked, ranked.groups[0]);
  }

  /* A group's best entries, best first (ties in entry order): [entry, terms mask, value]. */
  function best(ranked, group) {
    var order = [];
    for (var k = group.from; k < group.to; k++) order.push(k);
    order.sort(function (a, b) { return ranked.values[b] - ranked.values[a] || a - b; });
    return order.slice(0, ENTRIES_PER_PAGE).map(function (k) {
      return [ranked.numbers[k], ranked.masks[k], ranked.values[k]];
    });
  }

  /* ------------------------------------------------------------------ results */

  function escapeHTML(text) {
    return text.replace(/[&<>"]/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;" }[c];
    });
  }

  function highlighter(found) {
    if (!found.length) return escapeHTML;
    var pattern = new RegExp("(" + found
      .sort(function (a, b) { return b.length - a.length; })
      .map(function (t) { return t.replace(/[.*+?^${}()|[\]\\\/]/g, "\\$&"); })
      .join("|") + ")", "giu");
    return function (text) {
      return text.split(pattern).map(function (piece, i) {
        return i % 2 ? "<mark data-md-highlight>" + escapeHTML(piece) + "</mark>" : escapeHTML(piece);
      }).join("");
    };
  }

  function chunkOf(number) {
    return "e/" + Math.floor(number / config.shards.entries_per_chunk);
  }

  function entry(number) {
    var chunk = config.shards.entries_per_chunk;
    return shard(chunkOf(number)).then(function (entries) {
      return entries ? entries[number % chunk] : ["", "", ""];
    });
  }

  /* Material's RESULT: per page (best first) its best entries (`tops`, for the first
     RESULT_PAGES pages), then the page itself by its title, as Material lists a page's sections.
     An entry's text is loaded where `shown(entry, entries)` says; any other is a placeholder
     with its score (Material folds it under "more on this page", out of sight) until it is. */
  function result(ranked, tops, terms, found, shown) {
    var mark = highlighter(found);
    var termsOf = function (mask) {
      var has = {};
      terms.forEach(function (term, i) { has[term] = (mask & (1 << i)) !== 0; });
      return has;
    };
    return Promise.all(ranked.groups.map(function (group, rank) {
      var row = pages[group.page];
      var entries = tops[rank] || [];
      var items = entries.map(function (e) {
        var item = { location: row[1] + "#", title: "", text: "", score: e[2], terms: termsOf(e[1]) };
        if (e[0] === row[0]) {  // the page's own entry
          item.location = row[1];
          item.title = mark(row[2]);
        }
        if (!shown(e, entries)) return Promise.resolve(item);
        return entry(e[0]).then(function (fields) {
          item.location = row[1] + (fields[0] ? "#" + fields[0] : "");
          item.title = mark(fields[1]);
          item.text = mark(fields[2]);
          return item;
        });
      });
      if (!entries.some(function (e) { return e[0] === row[0]; }))  // the page itself, as Material adds it
        items.push(Promise.resolve({ location: row[1], title: mark(row[2]), text: "", score: 0,
                                     terms: termsOf(group.topMask) }));
      return Promise.all(items);
    })).then(function (items) {
      return { items: items };
    });
  }

  /* What Material shows of a page unfolded: its best entry and those as good (it folds the
     others, renderSearchResultItem). */
  function unfolded(e, entries) {
    return e[2] >= entries[0][2];
  }

  function everything() {
    return true;
  }

  /* Answers a query: `answer` is called with the results as soon as the texts Material shows
     unfolded are loaded, and again with every text once the folded ones are (unless `stale()`
     says a newer query has come: then they are not loaded). The promise settles with the first
     answer. */
  function search(query, answer, stale) {
    var terms = termsOf(query).slice(0, 31);  // one bit a term
    if (!terms.length) return Promise.resolve(answer({ items: [] }));
    var typing = !new RegExp("(" + config.separator + ")$", "u").test(query);
    return Promise.all(terms.map(function (term, i) {
      return match(term, typing && i === terms.length - 1);
    })).then(function (matches) {
      var ranked = rank(matches.map(function (m) { return m.list; }));
      var tops = ranked.groups.slice(0, RESULT_PAGES).map(function (group) { return best(ranked, group); });
      var found = [].concat.apply([], matches.map(function (m) { return m.found; }));
      var folded = tops.some(function (entries) {
        return entries.some(function (e) { return !unfolded(e, entries); });
      });
      return result(ranked, tops, terms, found, folded ? unfolded : everything).then(function (first) {
        answer(first);
        if (folded) setTimeout(function () {  // after Material has shown the first answer
          if (stale()) return;
          result(ranked, tops, terms, found, everything).then(function (all) {
            if (!stale()) answer(all);
          }).catch(function (error) { console.warn("search failed: " + query, error); });
        });
      });
    });
  }

  /* ------------------------------------------------------------------ messages */

  var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
  var latest = null;  // the query to answer next; one typed meanwhile replaces it
  var asked = 0;  // queries begun: a query's late texts are dropped once another has begun
  var busy = Promise.resolve();

  addEventListener("message", function (event) {
    var message = event.data;
    if (message.type === SETUP) {
      busy = busy.then(function () { return early; })
        .then(function (done) { return done || setup(message.data); })
        .then(function () {
          postMessage({ type: READY });
          if (IN_WORKER) setTimeout(warmUp);  // while the reader types
        });
    } else if (message.type === QUERY) {
      latest = message.data;
      busy = busy.then(function () {
        if (latest === null) return;
        var query = latest;
        var number = ++asked;
        latest = null;
        var answer = function (result) { postMessage({ type: RESULT, data: result }); };
        var stale = function () { return asked !== number || latest !== null; };
        return search(query, answer, stale).catch(function (error) {
          console.warn("search failed: " + query, error);
          answer({ items: [] });
        });
      });
    }
  });
})();
