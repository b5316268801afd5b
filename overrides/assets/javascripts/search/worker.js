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
 * A query is cut into terms as the build cut the pages (unmd.search_shards.terms_of): Chinese
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

  /* entry number -> weight, for one posting string (unmd.search_shards.postings) */
  function decode(postings, scale, into) {
    var number = 0;
    var digits = 0;
    for (var i = 0; i < postings.length; i++) {
      var code = postings.charCodeAt(i);
      if (code >= 65 && code <= 90) {  // A-Z: the relevance letter closes a posting
        number += digits;
        digits = 0;
        var level = (code - 65) / config.shards.relevance_step;
        var weight = level * level * scale;
        if (!(into.get(number) >= weight)) into.set(number, weight);
      } else {
        digits = digits * 36 + (code <= 57 ? code - 48 : code - 87);
      }
    }
  }

  /* Per query term: entry number -> weight, and the index terms that matched it. */
  function match(term, prefix) {
    var key = shardKey(term);
    prefix = prefix && !(key === term && split.has(key));  // longer terms are in other shards then
    return shard(shardName(key)).then(function (terms) {
      var weights = new Map();
      var found = [];
      if (!terms) return { weights: weights, found: found };
      if (terms[term] !== undefined) {
        decode(terms[term], 1, weights);
        found.push(term);
      }
      if (prefix)
        for (var other in terms)
          if (other !== term && other.startsWith(term)) {
            decode(terms[other], PREFIX_WEIGHT, weights);
            found.push(other);
          }
      return { weights: weights, found: found };
    });
  }

  /* ------------------------------------------------------------------ results */

  function pageOf(number) {
    var low = 0;
    var high = pages.length - 1;
    while (low < high) {
      var middle = (low + high + 1) >> 1;
      if (pages[middle][0] <= number) low = middle;
      else high = middle - 1;
    }
    return low;
  }

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

  function search(query) {
    var terms = termsOf(query);
    if (!terms.length) return Promise.resolve({ items: [] });
    var typing = !new RegExp("(" + config.separator + ")$", "u").test(query);
    return Promise.all(terms.map(function (term, i) {
      return match(term, typing && i === terms.length - 1);
    })).then(function (matches) {
      /* entry -> [terms it has, summed weight] */
      var scores = new Map();
      matches.forEach(function (m, i) {
        m.weights.forEach(function (weight, number) {
          var score = scores.get(number) || { has: new Array(terms.length).fill(false), sum: 0, count: 0 };
          score.has[i] = true;
          score.sum += weight;
          score.count += 1;
          scores.set(number, score);
        });
      });
      /* pages, each with its entries, best first (the score orders by terms found, then weight) */
      var groups = new Map();
      scores.forEach(function (score, number) {
        score.value = score.count + score.sum / (1 + score.sum);
        var page = pageOf(number);
        if (!groups.has(page)) groups.set(page, []);
        groups.get(page).push([number, score]);
      });
      var ranked = Array.from(groups.entries()).map(function (group) {
        group[1].sort(function (a, b) { return b[1].value - a[1].value; });
        return group;
      }).sort(function (a, b) { return b[1][0][1].value - a[1][0][1].value; });
      var mark = highlighter([].concat.apply([], matches.map(function (m) { return m.found; })));
      var termsOfEntry = function (score) {
        var has = {};
        terms.forEach(function (term, i) { has[term] = score.has[i]; });
        return has;
      };
      return Promise.all(ranked.map(function (group, rank) {
        var page = pages[group[0]];
        var shown = rank < RESULT_PAGES ? group[1].slice(0, ENTRIES_PER_PAGE) : [];
        if (!shown.some(function (e) { return e[0] === page[0]; }))
          shown.push([page[0], { value: 0, has: group[1][0][1].has, unmatched: true }]);
        return Promise.all(shown.map(function (e) {
          var text = e[1].unmatched ? Promise.resolve(["", page[2], ""]) : entry(e[0]);
          return text.then(function (fields) {
            return {
              location: page[1] + (fields[0] ? "#" + fields[0] : ""),
              title: mark(fields[1]),
              text: mark(fields[2]),
              score: e[1].value,
              terms: termsOfEntry(e[1])
            };
          });
        }));
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
