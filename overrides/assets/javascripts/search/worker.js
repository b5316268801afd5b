/*
 * The search worker: Material's search box and result list, with an index that is loaded in
 * shards as queries need them (unmd.search_shards writes them into search/).
 *
 * It speaks the message protocol of Material's own worker, which the theme lets a site replace
 * (`__config.search`, set in overrides/main.html): SETUP (Material's search_index.json, which
 * holds only the configuration) -> READY; QUERY (the text typed) -> RESULT (the results grouped
 * by page, titles and texts highlighted, per document the query terms it has).
 *
 * Over HTTP this is a Web Worker and fetches the shard files. From file:// Material runs it in
 * an iframe (the iframe-worker shim), where files cannot be fetched, and the shards are loaded
 * as <script> elements; each calls searchShard(name, data).
 *
 * A query is cut into terms as the build cut the pages (unmd.search_terms.terms_of): Chinese
 * into words (segmenter.js), the rest at separators, in lower case. Each term loads one shard
 * of postings; the last term, while it is being typed, also finds the terms it begins. Entries
 * having more of the terms come first, then by the sum of their BM25 weights. The texts of the
 * best RESULT_PAGES pages' entries (at most ENTRIES_PER_PAGE each) are loaded to be shown; the
 * other pages are listed by title.
 */
(function () {
  "use strict";

  var RESULT_PAGES = 10;
  var ENTRIES_PER_PAGE = 8;
  var PREFIX_WEIGHT = 0.5;  // a term that only begins with the term typed counts half
  var HAN = /\p{Script=Han}/u;
  var EDGES = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;
  var IN_WORKER = typeof document === "undefined";

  var script = IN_WORKER ? self.location.href : document.querySelector("script[src*='search/worker']").src;
  var root = new URL("../../../", script);  // assets/javascripts/search/worker.js
  var config = null;
  var split = null;  // keys whose terms are in shards of longer keys
  var pages = null;  // [first entry, url, title] by first entry
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

  function setup(data) {
    config = data.config;
    split = new Set(config.shards.split);
    var segmenter = new URL("assets/javascripts/search/segmenter.js?v=" + config.shards.version, root).href;
    var ready = IN_WORKER ? Promise.resolve(importScripts(segmenter)) : loadScript(segmenter);
    return Promise.all([ready, shard("pages")]).then(function (results) {
      pages = results[1] || [];
    });
  }

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

  function shardName(key) {
    return "w/" + Array.from(new TextEncoder().encode(key), function (byte) {
      return byte.toString(16).padStart(2, "0");
    }).join("");
  }

  /* unmd.search_shards.postings: entry number deltas in base 36, each closed by its
     relevance letter (A-Z); decoded once per term into typed arrays */
  var decoded = new Map();

  function decode(shardName, term, postings) {
    var key = shardName + " " + term;
    if (decoded.has(key)) return decoded.get(key);
    var numbers = [];
    var weights = [];
    var number = 0;
    var digits = 0;
    var step = config.shards.relevance_step;
    for (var i = 0; i < postings.length; i++) {
      var code = postings.charCodeAt(i);
      if (code >= 65 && code <= 90) {
        number += digits;
        digits = 0;
        var level = (code - 65) / step;
        numbers.push(number);
        weights.push(level * level);
      } else {
        digits = digits * 36 + (code <= 57 ? code - 48 : code - 87);
      }
    }
    var list = { numbers: Int32Array.from(numbers), weights: Float32Array.from(weights) };
    decoded.set(key, list);
    return list;
  }

  /* Per query term: the postings of the term (and, while it is typed, of the terms it begins,
     weighing PREFIX_WEIGHT), and the index terms found. */
  function match(term, prefix) {
    var key = shardKey(term);
    prefix = prefix && !(key === term && split.has(key));  // longer terms are in other shards then
    var name = shardName(key);
    return shard(name).then(function (terms) {
      var lists = [];
      var found = [];
      if (!terms) return { lists: lists, found: found };
      if (terms[term] !== undefined) {
        lists.push({ postings: decode(name, term, terms[term]), scale: 1 });
        found.push(term);
      }
      if (prefix)
        for (var other in terms)
          if (other !== term && other.startsWith(term)) {
            lists.push({ postings: decode(name, other, terms[other]), scale: PREFIX_WEIGHT });
            found.push(other);
          }
      return { lists: lists, found: found };
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

  function entry(number) {
    var chunk = config.shards.entries_per_chunk;
    return shard("e/" + Math.floor(number / chunk)).then(function (entries) {
      return entries ? entries[number % chunk] : ["", "", ""];
    });
  }

  function bits(mask) {
    var count = 0;
    for (; mask; mask &= mask - 1) count++;
    return count;
  }

  function search(query) {
    var terms = termsOf(query).slice(0, 31);  // one bit a term
    if (!terms.length) return Promise.resolve({ items: [] });
    var typing = !new RegExp("(" + config.separator + ")$", "u").test(query);
    return Promise.all(terms.map(function (term, i) {
      return match(term, typing && i === terms.length - 1);
    })).then(function (matches) {
      /* per entry: the terms it has (bits) and its summed weight, in arrays over all entries */
      var sum = new Float64Array(config.shards.entries);
      var has = new Int32Array(config.shards.entries);
      var touched = [];
      matches.forEach(function (m, i) {
        m.lists.forEach(function (list) {
          var numbers = list.postings.numbers;
          var weights = list.postings.weights;
          for (var k = 0; k < numbers.length; k++) {
            var n = numbers[k];
            if (!has[n]) touched.push(n);
            has[n] |= 1 << i;
            sum[n] += weights[k] * list.scale;
          }
        });
      });
      var value = function (n) { return bits(has[n]) + sum[n] / (1 + sum[n]); };
      /* pages, each with its entries, in entry order; then best first */
      var groups = [];
      var page = 0;
      Int32Array.from(touched).sort().forEach(function (n) {
        while (page + 1 < pages.length && pages[page + 1][0] <= n) page++;
        var group = groups[groups.length - 1];
        if (!group || group.page !== page) groups.push(group = { page: page, entries: [], best: -1 });
        group.entries.push(n);
        group.best = Math.max(group.best, value(n));
      });
      groups.sort(function (a, b) { return b.best - a.best; });
      var mark = highlighter([].concat.apply([], matches.map(function (m) { return m.found; })));
      var termsOfEntry = function (mask) {
        var found = {};
        terms.forEach(function (term, i) { found[term] = (mask & (1 << i)) !== 0; });
        return found;
      };
      return Promise.all(groups.map(function (group, rank) {
        var row = pages[group.page];
        var shown = [];
        if (rank < RESULT_PAGES)
          shown = group.entries.sort(function (a, b) { return value(b) - value(a); }).slice(0, ENTRIES_PER_PAGE);
        var best = group.entries.reduce(function (a, b) { return value(b) > value(a) ? b : a; });
        var items = shown.map(function (n) {
          return entry(n).then(function (fields) {
            return {
              location: row[1] + (fields[0] ? "#" + fields[0] : ""),
              title: mark(fields[1]),
              text: mark(fields[2]),
              score: value(n),
              terms: termsOfEntry(has[n])
            };
          });
        });
        if (shown.indexOf(row[0]) < 0)  // the page itself, by its title, as Material adds it
          items.push(Promise.resolve({ location: row[1], title: mark(row[2]), text: "", score: 0,
                                       terms: termsOfEntry(has[best]) }));
        return Promise.all(items);
      }));
    }).then(function (items) {
      return { items: items };
    });
  }

  /* ------------------------------------------------------------------ messages */

  var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
  var latest = null;  // the query to answer next; one typed meanwhile replaces it
  var busy = Promise.resolve();

  addEventListener("message", function (event) {
    var message = event.data;
    if (message.type === SETUP) {
      busy = busy.then(function () { return setup(message.data); })
        .then(function () { postMessage({ type: READY }); });
    } else if (message.type === QUERY) {
      latest = message.data;
      busy = busy.then(function () {
        if (latest === null) return;
        var query = latest;
        latest = null;
        return search(query).catch(function (error) {
          console.warn("search failed: " + query, error);
          return { items: [] };
        }).then(function (result) {
          postMessage({ type: RESULT, data: result });
        });
      });
    }
  });
})();
