/* Parallel reading: switch between the text alone and both languages, remembered per browser.
 * Works from file:// and without a server; buttons are real <button>s for keyboard users. */
(function () {
  "use strict"
  var KEY = "reader.view"

  function stored() {
    try { return localStorage.getItem(KEY) } catch (e) { return null }
  }
  function store(view) {
    try { localStorage.setItem(KEY, view) } catch (e) { /* private mode: not remembered */ }
  }

  function apply(view) {
    document.querySelectorAll(".article-text").forEach(function (text) {
      text.setAttribute("data-view", view)
    })
    document.querySelectorAll(".view-switch button").forEach(function (button) {
      button.setAttribute("aria-pressed", String(button.getAttribute("data-view") === view))
    })
  }

  function setup() {
    if (!document.querySelector(".view-switch")) return
    var view = stored()
    apply(view === "parallel" ? "parallel" : "text")
    document.querySelectorAll(".view-switch button").forEach(function (button) {
      button.addEventListener("click", function () {
        var next = button.getAttribute("data-view")
        store(next)
        apply(next)
      })
    })
  }

  /* Keep the #p12 of the current page when switching language. */
  function keepAnchor() {
    document.querySelectorAll("[data-lang-switch]").forEach(function (link) {
      link.addEventListener("click", function () {
        var base = link.getAttribute("href").split("#")[0]
        link.setAttribute("href", base + location.hash)
      })
    })
  }

  /* Glossary tooltips: CSS shows them on hover and focus. A tap on a touch screen opens the
   * tooltip first and follows the link on the second tap; Escape closes an open tooltip; a
   * tooltip that would leave the screen is moved back inside it. */
  function terms() {
    document.querySelectorAll(".term").forEach(function (term) {
      var link = term.querySelector("a"), tip = term.querySelector(".term__tip")
      if (!link || !tip || term.hasAttribute("data-ready")) return
      term.setAttribute("data-ready", "")
      function place() {
        tip.style.left = ""
        tip.style.right = ""
        var box = tip.getBoundingClientRect(), width = document.documentElement.clientWidth
        if (!box.width) return
        var left = box.left
        if (box.right > width - 8) left -= box.right - (width - 8)
        if (left < 8) left = 8
        if (Math.abs(left - box.left) > 0.5) {
          tip.style.left = Math.round(left - term.getBoundingClientRect().left) + "px"
          tip.style.right = "auto"
        }
      }
      function placeSoon() { setTimeout(place, 0); setTimeout(place, 120) }  // after fonts settle
      term.addEventListener("mouseenter", placeSoon)
      link.addEventListener("focus", function () {
        term.classList.remove("is-closed")
        placeSoon()
      })
      link.addEventListener("touchend", function (event) {
        if (term.classList.contains("is-open")) return
        event.preventDefault()
        document.querySelectorAll(".term.is-open").forEach(function (t) { t.classList.remove("is-open") })
        term.classList.remove("is-closed")
        term.classList.add("is-open")
        placeSoon()
      })
    })
  }
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return
    document.querySelectorAll(".term").forEach(function (t) {
      if (t.classList.contains("is-open") || t.contains(document.activeElement)) {
        t.classList.remove("is-open")
        t.classList.add("is-closed")
      }
    })
  })
  document.addEventListener("mouseover", function (event) {
    var term = event.target.closest && event.target.closest(".term")
    if (term) term.classList.remove("is-closed")
  })

  /* Glossary page: show one category at a time; letters with no entry shown are hidden. */
  function glossaryFilter() {
    var group = document.querySelector(".glossary-filter")
    if (!group) return
    group.hidden = false
    group.querySelectorAll("button").forEach(function (button) {
      button.addEventListener("click", function () {
        var wanted = button.getAttribute("data-category")
        group.querySelectorAll("button").forEach(function (b) {
          b.setAttribute("aria-pressed", String(b === button))
        })
        document.querySelectorAll(".glossary .entry").forEach(function (entry) {
          entry.hidden = Boolean(wanted) && entry.getAttribute("data-category") !== wanted
        })
        document.querySelectorAll(".glossary .letter").forEach(function (letter) {
          letter.hidden = !letter.querySelector(".entry:not([hidden])")
        })
      })
    })
  }

  function all() { setup(); keepAnchor(); terms(); glossaryFilter() }
  if (typeof document$ !== "undefined") document$.subscribe(all)
  else document.addEventListener("DOMContentLoaded", all)
})()
