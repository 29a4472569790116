/* Arabic search: fold each query word the way the build folded the index fields `norm`/`ntitle`
 * (diacritics, tatweel, alef/yaa/taa-marbuta forms, digits, prefix clitics) before Material's
 * search worker sees it. The tables are not copied here: the build writes them from
 * build_scripts/arabic.py into search-fold-rules.js, loaded just before this file.
 * Patching postMessage on the page covers both the real worker (http) and the iframe-worker shim
 * used from file://. Loaded on sites whose language folds (Arabic) only. */
(function () {
  "use strict"
  var R = window.SEARCH_FOLD_RULES
  if (!R) return
  var DIACRITICS = new RegExp("[" + R.diacritics + "]", "g")
  var FOLDABLE = new RegExp("[" + Object.keys(R.fold).join("") + "]", "g")
  var ARABIC = /[\u0600-\u06ff]/
  var QUERY = 2 // Material's SearchMessageType.QUERY

  function normalise(text) {
    return text.replace(DIACRITICS, "")
      .replace(FOLDABLE, function (c) { return R.fold[c] })
      .replace(/[٠-٩]/g, function (d) { return String(d.charCodeAt(0) - 0x660) })
      .replace(/[۰-۹]/g, function (d) { return String(d.charCodeAt(0) - 0x6f0) })
      .toLowerCase()
  }

  function stem(word) {
    for (var i = 0; i < R.prefixes.length; i++) {
      var p = R.prefixes[i], rest = word.slice(p.length)
      var min = R.minStem[String(p.length)] || R.defaultMinStem
      if (word.indexOf(p) === 0 && rest.length >= min) return rest
    }
    return word
  }

  function fold(query) {
    return query.split(/(\s+)/).map(function (part) {
      if (!ARABIC.test(part)) return part
      var m = /^([+\-~^]?)(.*?)([*~^\d]*)$/.exec(part)
      var words = normalise(m[2]).split(/[^\w\u0600-\u06ff]+/).filter(Boolean)
      return m[1] + words.map(stem).join(" ") + m[3]
    }).join("")
  }

  window.searchFold = fold
  var Worker = window.Worker
  if (!Worker) return
  var send = Worker.prototype.postMessage
  Worker.prototype.postMessage = function (message) {
    if (message && message.type === QUERY && typeof message.data === "string")
      arguments[0] = { type: QUERY, data: fold(message.data) }
    return send.apply(this, arguments)
  }
})()
