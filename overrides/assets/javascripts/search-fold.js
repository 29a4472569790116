/* Arabic search: fold each query word like build_scripts/arabic.py folds the index fields
 * `norm`/`ntitle` (diacritics, tatweel, alef/yaa/taa-marbuta forms, digits, prefix clitics)
 * before Material's search worker sees it. Patching postMessage on the page covers both the
 * real worker (http) and the iframe-worker shim used from file://. Loaded on the Arabic site only. */
(function () {
  "use strict"
  var DIACRITICS = /[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]/g
  var FOLD = { "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه" }
  var PREFIXES = ["وبال", "وكال", "وال", "بال", "كال", "فال", "ولل", "فلل", "لل", "ال", "و", "ف", "ب", "ل"]
  var ARABIC = /[\u0600-\u06ff]/
  var QUERY = 2 // Material's SearchMessageType.QUERY

  function normalise(text) {
    return text.replace(DIACRITICS, "")
      .replace(/[أإآٱىة]/g, function (c) { return FOLD[c] })
      .replace(/[٠-٩]/g, function (d) { return String(d.charCodeAt(0) - 0x660) })
      .replace(/[۰-۹]/g, function (d) { return String(d.charCodeAt(0) - 0x6f0) })
      .toLowerCase()
  }

  function stem(word) {
    for (var i = 0; i < PREFIXES.length; i++) {
      var p = PREFIXES[i], rest = word.slice(p.length)
      if (word.indexOf(p) === 0 && rest.length >= (p.length === 1 ? 3 : 2)) return rest
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
