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

  if (typeof document$ !== "undefined") document$.subscribe(function () { setup(); keepAnchor() })
  else document.addEventListener("DOMContentLoaded", function () { setup(); keepAnchor() })
})()
