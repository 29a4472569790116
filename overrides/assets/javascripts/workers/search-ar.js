/* Arabic search: fold each query word like build_scripts/arabic.py folds the index field
 * `norm` (diacritics, tatweel, alef/yaa/taa-marbuta forms, digits, prefix clitics), then hand
 * the message to Material's own worker. Works as a real worker and under iframe-worker (file://). */
(function () {
  "use strict"
  var DIACRITICS = /[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]/g
  var FOLD = { "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه" }
  var PREFIXES = ["وبال", "وكال", "وال", "بال", "كال", "فال", "ولل", "فلل", "لل", "ال", "و", "ف", "ب", "ل"]
  var ARABIC = /[\u0600-\u06ff]/

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
      return m[1] + normalise(m[2]).split(/[^\w\u0600-\u06ff]+/).map(stem).join(" ") + m[3]
    }).join("")
  }

  self.searchFold = fold // exposed for tests
  var add = self.addEventListener.bind(self)
  self.addEventListener = function (type, listener, options) {
    if (type !== "message") return add(type, listener, options)
    return add(type, function (ev) {
      var msg = ev.data
      if (msg && msg.type === 2 && typeof msg.data === "string")
        return listener({ data: { type: msg.type, data: fold(msg.data) } })
      return listener(ev)
    }, options)
  }

  var here = typeof document !== "undefined" && document.currentScript
    ? document.currentScript.src : self.location.href
  importScripts(new URL("__MATERIAL_WORKER__", here).href)
})()
