/* servicemap-match.js: how a word typed in a search box matches the words of a service.
 *
 * People type "bolete", "pacchi alimentari", "Spid" or "permessi" and expect the desk that helps
 * with "bollette", "pacco alimentare", "SPID" or "permesso di soggiorno". A query word matches a
 * word of the record when, accents and case ignored:
 *   - it is a prefix of it (results follow the typing: "segr" finds Segrate);
 *   - it appears inside the record's text (compound words, scripts without spaces: "文" in "中文",
 *     "账单" in "帮助支付账单");
 *   - from 4 letters on, the two words agree after dropping their final vowels (Italian plurals
 *     and genders: "case"/"casa", "pacchi"/"pacco", "bollette"/"bolletta");
 *   - from 5 letters on, the same with one typo (a letter missing, added, changed or two
 *     swapped: "bolette", "affito", "curriculm"), or the start of the word with one typo
 *     ("bollete" while typing "bollette"). Shorter words get no typo: "casa" must not find
 *     "cassa", nor "cie" find "die".
 * Accents and case are ignored, and so are Arabic short vowels (tashkeel) and tatweel; alef
 * with hamza or madda, alef wasla, alef maksura and ta marbuta read as their plain letters, so
 * "فاتورة" finds "فاتوره" and "أسرة" finds "اسرة" (clientdata.fold does the same at build time);
 *   from 4 letters on, a word with the article al- matches the word without ("الفواتير", "فواتير").
 * Every query word must match (AND). The rules live here only; tests/data/search_cases.json holds
 * the golden cases, asserted in Chromium. Plain ES2017, no modules: it runs from file:// too.
 */
(function () {
  "use strict";

  // Also the Arabic comma, semicolon and question mark, and the Chinese comma and full stop.
  var SPLIT = /[\s.,;:!?'’"“”«»()\[\]{}\/\\|+*=<>–—\u060c\u061b\u061f\u3001\u3002「」-]+/;
  var IGNORED = /[\u0300-\u036f\u064b-\u065f\u0670\u0640]/g;
  var LETTERS = { "\u0671": "\u0627", "\u0649": "\u064a", "\u0629": "\u0647", "\u06cc": "\u064a",
    "\u06a9": "\u0643" };
  var LETTER = /[\u0671\u0649\u0629\u06cc\u06a9]/g;

  function fold(text) {
    return String(text).normalize("NFKD").replace(IGNORED, "")
      .replace(LETTER, function (c) { return LETTERS[c]; }).toLowerCase();
  }

  /* The words of an already folded text. */
  function words(folded) {
    return folded.split(SPLIT).filter(Boolean);
  }

  /* Italian plural and gender endings: "pacchi" -> "pacch", "bollette" -> "bollett"; the Arabic
   * article: "الفواتير" -> "فواتير" (so the word typed with it finds the word without). */
  function stem(word) {
    if (word.length >= 5 && word.lastIndexOf("\u0627\u0644", 0) === 0) { word = word.slice(2); }
    var short = word.replace(/[aeiou]+$/, "");
    return short.length >= 3 ? short : word;
  }

  /* At most one edit between a and b: insertion, deletion, substitution or swap of neighbours. */
  function withinOne(a, b) {
    if (a === b) { return true; }
    var la = a.length, lb = b.length;
    if (Math.abs(la - lb) > 1) { return false; }
    var i = 0;
    while (i < la && i < lb && a.charCodeAt(i) === b.charCodeAt(i)) { i++; }
    if (la === lb) {
      if (a.slice(i + 1) === b.slice(i + 1)) { return true; }  // one substitution
      return a.charAt(i) === b.charAt(i + 1) && a.charAt(i + 1) === b.charAt(i) &&
        a.slice(i + 2) === b.slice(i + 2);  // two neighbours swapped
    }
    return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
  }

  /* Does the query word q (folded) match the record's word w (folded)? */
  function wordMatches(q, w) {
    return stemmedMatches(q, stem(q), w, stem(w));
  }

  /* wordMatches with both stems already made (Index makes its words' stems once). */
  function stemmedMatches(q, qs, w, ws) {
    if (w.lastIndexOf(q, 0) === 0) { return true; }
    if (q.length < 4) { return false; }
    if (qs === ws) { return true; }
    if (q.length < 5) { return false; }
    return withinOne(qs, ws) || (w.length > q.length && withinOne(q, w.slice(0, q.length)));
  }

  /* The query's words, folded. */
  function queryWords(query) {
    return words(fold(query));
  }

  /* One record's text against a query: the same rule as Index, for one text (tests, lists). */
  function matchText(query, text) {
    var hay = fold(text), own = words(hay);
    return queryWords(query).every(function (q) {
      return hay.indexOf(q) >= 0 || own.some(function (w) { return wordMatches(q, w); });
    });
  }

  /* Many records: every distinct word once, with the records that hold it, so a keystroke tests
   * each distinct word once (thousands), not every word of every record (hundreds of thousands).
   * A query word has no separator in it, so it appears inside a record's text exactly when it
   * appears inside one of its words: that test runs on the distinct words too, not on the
   * records' texts (megabytes at 10,000 records). hays: one folded text per record. */
  function Index(hays) {
    this.hays = hays;
    var postings = Object.create(null), list = [];
    hays.forEach(function (hay, n) {
      words(hay).forEach(function (w) {
        var p = postings[w];
        if (!p) { p = postings[w] = []; list.push(w); }
        if (p[p.length - 1] !== n) { p.push(n); }
      });
    });
    this.postings = postings;
    this.vocabulary = list;
    this.stems = list.map(stem);
    this.cache = Object.create(null);
  }

  /* A Uint8Array with 1 for every record that the query word q (folded) matches. */
  Index.prototype.marks = function (q) {
    var found = this.cache[q];
    if (found) { return found; }
    if (Object.keys(this.cache).length > 200) { this.cache = Object.create(null); }
    return (this.cache[q] = this.find(q));
  };

  /* marks() without the cache. */
  Index.prototype.find = function (q) {
    var marks = new Uint8Array(this.hays.length), postings = this.postings;
    var vocabulary = this.vocabulary, stems = this.stems, qs = stem(q);
    var whole = words(q).length === 1 && words(q)[0] === q;  // no separator inside
    var left = marks.length;  // records not found yet: a letter or two soon finds them all
    for (var i = 0; i < vocabulary.length && left > 0; i++) {
      var w = vocabulary[i];
      if ((whole && w.indexOf(q) >= 0) || stemmedMatches(q, qs, w, stems[i])) {
        var p = postings[w];
        for (var j = 0; j < p.length; j++) {
          if (!marks[p[j]]) { marks[p[j]] = 1; left--; }
        }
      }
    }
    if (!whole) {  // a text with separators (not a query word): look inside each record's text
      for (var n = 0; n < this.hays.length; n++) {
        if (!marks[n] && this.hays[n].indexOf(q) >= 0) { marks[n] = 1; }
      }
    }
    return marks;
  };

  /* Runs the matching once over every word, for a word of 5 letters no record has (all the
   * rules are tried): a page calls it when the browser is idle after loading, so the engine
   * compiles this code then, not during the first keystroke. Nothing is kept. */
  Index.prototype.warm = function () {
    this.find("\uffff\uffff\uffff\uffff\uffff");
  };

  window.ServicemapMatch = {
    fold: fold, words: words, queryWords: queryWords, wordMatches: wordMatches,
    matchText: matchText, Index: Index
  };
}());
