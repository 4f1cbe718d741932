/*
 * The kit's Polish search, appended to lunr-languages' Polish stemmer (above, MPL-1.1) and served
 * as assets/javascripts/lunr/min/lunr.pl.min.js, which Material's search worker loads for "pl".
 *
 * Both the index and the queries go through the same steps: lower case, fold diacritics
 * (ą→a, ł→l, …) so that "dostepnosc" finds "dostępność", then stem (Polish documents with the
 * Polish stemmer, English documents with lunr's English stemmer) so that inflected forms meet.
 * Material adds a trailing wildcard to each query term and lunr skips the pipeline for wildcard
 * terms, so the query parser is wrapped to fold and stem every term itself.
 */
;(function (lunr) {
  var plStem = lunr.pl.stemmer;
  var FOLD = {"ą": "a", "ć": "c", "ę": "e", "ł": "l", "ń": "n", "ó": "o", "ś": "s", "ź": "z", "ż": "z"};
  var docLanguage = "pl";

  function fold(word) {
    return word.toLowerCase().replace(/[ąćęłńóśźż]/g, function (c) { return FOLD[c]; })
      .normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }

  function trim(word) {
    return word.replace(/^[^0-9a-z]+|[^0-9a-z]+$/g, "");
  }

  function stem(word, lang) {
    if (word.length < 3) return word;
    var token = new lunr.Token(word, {});
    return (lang === "en" ? lunr.stemmer(token) : plStem(token)).toString();
  }

  function normalise(word, lang) {
    return stem(trim(fold(word)), lang);
  }

  lunr.kitNormalise = normalise;

  function kitIndex(token) {
    var out = token.update(function (s) { return normalise(s, docLanguage); });
    return out.toString() ? out : undefined;
  }
  lunr.Pipeline.registerFunction(kitIndex, "kit-index");

  // The worker builds the index with this.use(lunr.pl): documents under en/ are English.
  lunr.pl = function () {
    this.pipeline.reset();
    this.pipeline.add(kitIndex);
    this.searchPipeline.reset();
  };

  var add = lunr.Builder.prototype.add;
  lunr.Builder.prototype.add = function (doc, attributes) {
    docLanguage = /^en\//.test(doc.location || "") ? "en" : "pl";
    return add.call(this, doc, attributes);
  };

  // Each query term becomes its Polish and its English normalised form (either may match).
  var parse = lunr.QueryParser.prototype.parse;
  lunr.QueryParser.prototype.parse = function () {
    var query = parse.call(this);
    var clauses = [];
    query.clauses.forEach(function (clause) {
      var raw = clause.term;
      var pl = normalise(raw, "pl");
      var en = normalise(raw, "en");
      clause.term = pl || raw;
      clause.usePipeline = false;
      clauses.push(clause);
      if (en && en !== clause.term && clause.presence !== lunr.Query.presence.REQUIRED) {
        var copy = {};
        for (var key in clause) copy[key] = clause[key];
        copy.term = en;
        clauses.push(copy);
      }
    });
    query.clauses = clauses;
    return query;
  };
})(lunr);
