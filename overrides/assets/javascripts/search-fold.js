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

  /* Every clitic reading of a folded word: conjunction (و ف), preposition (ب ك ل), article
   * (ال; ل + ال is written لل) — as build_scripts/arabic.py clitic_readings(). */
  function readings(word) {
    var out = [word]
    ;["", "و", "ف"].forEach(function (conj) {
      ;["", "ب", "ك", "ل"].forEach(function (prep) {
        ;["", "ال"].forEach(function (article) {
          var prefix = conj + (prep === "ل" && article ? "لل" : prep + article)
          var rest = word.slice(prefix.length)
          var min = R.minStem[String(prefix.length)] || R.defaultMinStem
          if (prefix && word.indexOf(prefix) === 0 && rest.length >= min) {
            out.push(rest)
            if (article) out.push("ال" + rest)
          }
        })
      })
    })
    return out
  }

  /* As arabic.py light_stem(): one regular ending off, then a final ه/ي (search only). */
  function lightStem(word) {
    for (var i = 0; i < R.tails.length; i++) {
      var tail = R.tails[i]
      if (word.slice(-tail.length) === tail && word.length - tail.length >= 3) {
        word = word.slice(0, word.length - tail.length)
        break
      }
    }
    if (/[هي]$/.test(word) && word.length >= 4) word = word.slice(0, -1)
    return word
  }

  function withoutArticle(word) {
    return word.indexOf("ال") === 0 && word.length > 3 ? word.slice(2) : word
  }

  /* The glossary tokens a query mentions, in any spelling a term lists (search.query_rules()):
   * longest phrase first, clitics and, for common nouns, regular endings allowed. */
  function termTokens(words) {
    var T = R.terms || {}, forms = T.forms || {}, stems = T.stems || {}, tails = T.tails || []
    var found = []
    for (var i = 0; i < words.length; i++) {
      for (var n = Math.min(4, words.length - i); n >= 1; n--) {
        var rest = words.slice(i + 1, i + n).map(withoutArticle)
        var hit = null
        readings(words[i]).some(function (first) {
          var key = [first].concat(rest).join(" ")
          if (forms[key]) { hit = forms[key]; return true }
          if (n === 1) {
            return tails.some(function (tail) {
              var base = first.slice(0, first.length - tail.length)
              if (first.slice(-tail.length) === tail && stems[base]) { hit = stems[base]; return true }
              return false
            }) || (stems[first] ? (hit = stems[first], true) : false)
          }
          return false
        })
        if (hit) { found.push(hit); i += n - 1; break }
      }
    }
    return found
  }

  function fold(query) {
    var all = []
    var folded = query.split(/(\s+)/).map(function (part) {
      if (!ARABIC.test(part)) return part
      var m = /^([+\-~^]?)(.*?)([*~^\d]*)$/.exec(part)
      var words = normalise(m[2]).split(/[^\w\u0600-\u06ff]+/).filter(Boolean)
      all = all.concat(words)
      return m[1] + words.map(function (w) {
        var s = stem(w), light = lightStem(s)
        return light !== s ? s + " " + light : s
      }).join(" ") + m[3]
    }).join("")
    var tokens = termTokens(all).filter(function (t, k, list) { return list.indexOf(t) === k })
    return tokens.length ? folded + " " + tokens.join(" ") : folded
  }
  window.searchTermTokens = function (query) {
    return termTokens(normalise(query).split(/[^\w\u0600-\u06ff]+/).filter(Boolean))
  }

  /* Highlight in the results the words found through the folded fields (والعقوبات for عقوبات,
   * بيونج يانج for بيونغ يانغ): Material marks only the words it matched itself. */
  var wanted = { stems: {}, terms: {} }
  function remember(query) {
    wanted = { stems: {}, terms: {} }
    var words = normalise(query).split(/[^\w\u0600-\u06ff]+/).filter(Boolean)
    words.forEach(function (w) { wanted.stems[lightStem(stem(w))] = true })
    termTokens(words).forEach(function (t) { wanted.terms[t] = true })
  }
  function wordMatches(word) {
    var folded = normalise(word)
    if (!ARABIC.test(folded)) return false
    if (wanted.stems[lightStem(stem(folded))]) return true
    return termTokens([folded]).some(function (t) { return wanted.terms[t] })
  }
  function highlight(root) {
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT), nodes = []
    for (var n = walker.nextNode(); n; n = walker.nextNode())
      if (ARABIC.test(n.nodeValue) && !(n.parentElement && n.parentElement.closest("mark"))) nodes.push(n)
    nodes.forEach(function (node) {
      var parts = node.nodeValue.split(/([\u0600-\u06ff]+)/), changed = false
      var fragment = document.createDocumentFragment()
      parts.forEach(function (part) {
        if (part && wordMatches(part)) {
          var mark = document.createElement("mark")
          mark.textContent = part
          fragment.appendChild(mark)
          changed = true
        } else if (part) fragment.appendChild(document.createTextNode(part))
      })
      if (changed) node.parentNode.replaceChild(fragment, node)
    })
  }
  function watchResults() {
    var list = document.querySelector(".md-search-result__list")
    if (!list || !window.MutationObserver) return
    new MutationObserver(function (changes) {
      changes.forEach(function (change) {
        change.addedNodes.forEach(function (node) { if (node.nodeType === 1) highlight(node) })
      })
    }).observe(list, { childList: true })
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", watchResults)
  else watchResults()

  window.searchFold = fold
  var Worker = window.Worker
  if (!Worker) return
  var send = Worker.prototype.postMessage
  Worker.prototype.postMessage = function (message) {
    if (message && message.type === QUERY && typeof message.data === "string") {
      remember(message.data)
      arguments[0] = { type: QUERY, data: fold(message.data) }
    }
    return send.apply(this, arguments)
  }
})()
