/*
 * Chinese words for the search worker (worker.js), which cuts queries into the terms of the
 * index with them.
 *
 * The index (unmd.search_shards) holds the words jieba cut the pages into at build time. The
 * search hook (overrides/hooks/paragraph_search.py) appends to this file the words of two or
 * more characters that jieba found (`ChineseSegmenter.words`, the most frequent first); a run
 * of Han characters in a query is cut into the fewest of those words, single characters where
 * none fits, and among cuts of as many pieces into the more frequent words (联合国|和, not
 * 联合|国和). That gives back jieba's cut for nearly every run (tests/browser). Latin letters
 * and digits inside a token (S/2015/730号) stay one piece.
 */
var ChineseSegmenter = (function () {
  "use strict";

  var HAN = /\p{Script=Han}/u;
  var RUNS = /\p{Script=Han}+|\P{Script=Han}+/gu;
  var cost = null;  // word -> how rare it is: log of its rank (Zipf: a count's log, reversed)
  var longest = 1;

  function load() {
    cost = new Map();
    (ChineseSegmenter.words || "").split(" ").filter(Boolean).forEach(function (word, rank) {
      cost.set(word, Math.log(rank + 1));
      longest = Math.max(longest, word.length);
    });
  }

  /* The fewest pieces that cover the run; on a tie, the more frequent words. */
  function cut(run) {
    var n = run.length;
    var pieces = [0];
    var rarity = [0];
    var start = [0];
    for (var k = 1; k <= n; k++) pieces[k] = Infinity;
    for (var i = 0; i < n; i++) {
      if (pieces[i] === Infinity) continue;  // inside a surrogate pair
      var single = run.codePointAt(i) > 0xffff ? 2 : 1;
      var last = Math.min(n, i + longest);
      for (var j = i + single; j <= last; j++) {
        var word = cost.get(run.slice(i, j));
        if (j > i + single && word === undefined) continue;
        var r = rarity[i] + (word === undefined ? 0 : word - Math.log(cost.size + 1));
        if (pieces[i] + 1 < pieces[j] || (pieces[i] + 1 === pieces[j] && r < rarity[j])) {
          pieces[j] = pieces[i] + 1;
          rarity[j] = r;
          start[j] = i;
        }
      }
    }
    var words = [];
    for (var end = n; end > 0; end = start[end]) words.unshift(run.slice(start[end], end));
    return words;
  }

  return {
    /* A token's pieces: its Han runs cut into words, every other run whole. */
    segment: function (token) {
      if (cost === null) load();
      var words = [];
      (token.match(RUNS) || []).forEach(function (run) {
        if (HAN.test(run)) Array.prototype.push.apply(words, cut(run));
        else words.push(run);
      });
      return words;
    }
  };
})();
