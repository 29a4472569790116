/* The quiz: our own small script (no library), working from file:// and offline.
 *
 * The page holds no answer, only salted SHA-256 hashes of the right responses
 * (build_scripts/quiz.py). A response is built the same way as there, hashed, and compared.
 * SHA-256 is written out here because SubtleCrypto is missing where a school serves the site
 * over plain http. Progress is kept in localStorage per quiz; "Start again" clears it. */
(function () {
  "use strict"

  /* SHA-256 of a UTF-8 string, as lowercase hex (FIPS 180-4). */
  var K = [0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4,
    0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe,
    0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f,
    0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7,
    0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc,
    0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
    0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116,
    0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
    0xc67178f2]

  function sha256(text) {
    var bytes = Array.from(new TextEncoder().encode(text))
    var bitLength = bytes.length * 8
    bytes.push(0x80)
    while (bytes.length % 64 !== 56) bytes.push(0)
    for (var s = 56; s >= 0; s -= 8) bytes.push(s >= 32 ? 0 : (bitLength >>> s) & 0xff)
    var h = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c,
      0x1f83d9ab, 0x5be0cd19]
    var w = new Array(64)
    for (var chunk = 0; chunk < bytes.length; chunk += 64) {
      for (var i = 0; i < 16; i++) {
        var j = chunk + i * 4
        w[i] = (bytes[j] << 24) | (bytes[j + 1] << 16) | (bytes[j + 2] << 8) | bytes[j + 3]
      }
      for (i = 16; i < 64; i++) {
        var s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >>> 3)
        var s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >>> 10)
        w[i] = (w[i - 16] + s0 + w[i - 7] + s1) | 0
      }
      var a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], k = h[7]
      for (i = 0; i < 64; i++) {
        var t1 = (k + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[i] + w[i]) | 0
        var t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0
        k = g; g = f; f = e; e = (d + t1) | 0; d = c; c = b; b = a; a = (t1 + t2) | 0
      }
      h = [h[0] + a, h[1] + b, h[2] + c, h[3] + d, h[4] + e, h[5] + f, h[6] + g, h[7] + k]
        .map(function (x) { return x | 0 })
    }
    return h.map(function (x) { return ("00000000" + (x >>> 0).toString(16)).slice(-8) }).join("")
  }
  function rotr(x, n) { return (x >>> n) | (x << (32 - n)) }

  /* A typed answer folded as build_scripts/quiz.py fold_answer() folds it (tables from the
   * page, made from build_scripts/arabic.py). */
  function folder(rules) {
    var A = rules.arabic
    var diacritics = new RegExp("[" + A.diacritics + "]", "g")
    var foldable = new RegExp("[" + Object.keys(A.fold).join("") + "]", "g")
    function stem(word) {
      for (var i = 0; i < A.prefixes.length; i++) {
        var p = A.prefixes[i], rest = word.slice(p.length)
        if (word.indexOf(p) === 0 && rest.length >= (A.minStem[String(p.length)] || A.defaultMinStem))
          return rest
      }
      return word
    }
    return function (text) {
      var folded = text.replace(diacritics, "").replace(foldable, function (c) { return A.fold[c] })
        .replace(/[٠-٩]/g, function (d) { return String(d.charCodeAt(0) - 0x660) })
        .replace(/[۰-۹]/g, function (d) { return String(d.charCodeAt(0) - 0x6f0) })
        .toLowerCase()
      var words = folded.match(/[\p{L}\p{N}_]+/gu) || []
      return words.map(function (w) { return /[\u0600-\u06ff]/.test(w) ? stem(w) : w }).join(" ")
    }
  }

  function decode(data, key) {
    var stream = [], hex = sha256(key)
    for (var i = 0; i < 64; i += 2) stream.push(parseInt(hex.slice(i, i + 2), 16))
    var raw = atob(data), bytes = new Uint8Array(raw.length)
    for (i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i) ^ stream[i % stream.length]
    return new TextDecoder().decode(bytes)
  }

  function response(form, fold) {
    var type = form.getAttribute("data-type")
    if (type === "single" || type === "true-false") {
      var chosen = form.querySelector("input:checked")
      return chosen ? chosen.value : null
    }
    if (type === "multiple") {
      var all = Array.from(form.querySelectorAll("input:checked")).map(function (i) { return i.value })
      all.sort(function (a, b) { return Number(a.slice(1)) - Number(b.slice(1)) })
      return all.length ? all.join(",") : null
    }
    if (type === "order") {
      var rows = Array.from(form.querySelectorAll("[data-item]"))
      var places = rows.map(function (row) { return row.querySelector("select").value })
      if (places.some(function (p) { return !p })) return null
      if (new Set(places).size !== places.length) return "distinct"
      return rows.map(function (row, k) { return [Number(places[k]), row.getAttribute("data-item")] })
        .sort(function (a, b) { return a[0] - b[0] })
        .map(function (pair) { return pair[1] }).join(",")
    }
    if (type === "match") {
      var selects = Array.from(form.querySelectorAll("select[data-left]"))
      if (selects.some(function (s) { return !s.value })) return null
      return selects.map(function (s) { return s.getAttribute("data-left") + "=" + s.value }).join(",")
    }
    var typed = form.querySelector("input[type=text]").value
    return typed.trim() ? fold(typed) : null
  }

  function setup(quiz) {
    if (quiz.hasAttribute("data-ready")) return
    quiz.setAttribute("data-ready", "")
    var rulesNode = quiz.querySelector(".quiz-rules")
    var fold = folder(JSON.parse(rulesNode.textContent))
    var key = "quiz:" + quiz.getAttribute("data-quiz")
    var state = load(key)
    var forms = Array.from(quiz.querySelectorAll("form.quiz__q"))
    var score = quiz.querySelector(".quiz__score")

    function save() { try { localStorage.setItem(key, JSON.stringify(state)) } catch (e) {} }
    function update() {
      var done = forms.filter(function (f) { return state[f.getAttribute("data-q")] })
      var right = done.filter(function (f) { return state[f.getAttribute("data-q")].right })
      score.textContent = score.getAttribute("data-template")
        .replace("%(right)s", right.length).replace("%(total)s", forms.length)
        .replace("%(done)s", done.length)
    }
    function show(form, right) {
      var feedback = form.querySelector(".quiz__feedback")
      feedback.textContent = (right ? "✓ " : "✗ ") + quiz.getAttribute(right ? "data-right" : "data-wrong")
      feedback.className = "quiz__feedback " + (right ? "is-right" : "is-wrong")
      var box = form.querySelector(".quiz__explanation")
      box.innerHTML = decode(form.getAttribute("data-explanation"), form.getAttribute("data-salt") + "/explanation")
      box.hidden = false
      form.querySelector("[data-retry]").hidden = false
      form.classList.toggle("is-right", right)
      form.classList.toggle("is-wrong", !right)
    }
    function restore(form, saved) {
      var type = form.getAttribute("data-type")
      if (type === "short") form.querySelector("input[type=text]").value = saved.typed || ""
      else if (type === "order" || type === "match")
        Array.from(form.querySelectorAll("select")).forEach(function (s, k) { s.value = saved.values[k] || "" })
      else Array.from(form.querySelectorAll("input")).forEach(function (i) {
        i.checked = saved.values.indexOf(i.value) >= 0
      })
      show(form, saved.right)
    }
    function snapshot(form) {
      var type = form.getAttribute("data-type")
      if (type === "short") return { typed: form.querySelector("input[type=text]").value }
      if (type === "order" || type === "match")
        return { values: Array.from(form.querySelectorAll("select")).map(function (s) { return s.value }) }
      return { values: Array.from(form.querySelectorAll("input:checked")).map(function (i) { return i.value }) }
    }
    function clear(form) {
      form.reset()
      var feedback = form.querySelector(".quiz__feedback")
      feedback.textContent = ""
      feedback.className = "quiz__feedback"
      var box = form.querySelector(".quiz__explanation")
      box.hidden = true
      box.innerHTML = ""
      form.querySelector("[data-retry]").hidden = true
      form.classList.remove("is-right", "is-wrong")
    }

    forms.forEach(function (form) {
      var id = form.getAttribute("data-q")
      var hashes = form.getAttribute("data-hashes").split(" ")
      form.addEventListener("submit", function (event) {
        event.preventDefault()
        var given = response(form, fold)
        var feedback = form.querySelector(".quiz__feedback")
        if (given === null || given === "distinct") {
          feedback.textContent = quiz.getAttribute(given ? "data-distinct" : "data-empty")
          feedback.className = "quiz__feedback"
          return
        }
        var right = hashes.indexOf(sha256(form.getAttribute("data-salt") + "|" + given)) >= 0
        state[id] = Object.assign({ right: right }, snapshot(form))
        save()
        show(form, right)
        update()
      })
      form.querySelector("[data-retry]").addEventListener("click", function () {
        delete state[id]
        save()
        clear(form)
        update()
        var first = form.querySelector("input, select")
        if (first) first.focus()
      })
      if (state[id]) restore(form, state[id])
    })
    quiz.querySelector("[data-reset]").addEventListener("click", function () {
      state = {}
      try { localStorage.removeItem(key) } catch (e) {}
      forms.forEach(clear)
      update()
      var first = quiz.querySelector("form input, form select")
      if (first) first.focus()
    })
    update()
  }

  function load(key) {
    try { return JSON.parse(localStorage.getItem(key) || "{}") || {} } catch (e) { return {} }
  }

  window.quizSha256 = sha256
  window.quizFolder = folder
  function all() { document.querySelectorAll(".quiz").forEach(setup) }
  if (typeof document$ !== "undefined") document$.subscribe(all)
  else document.addEventListener("DOMContentLoaded", all)
})()
