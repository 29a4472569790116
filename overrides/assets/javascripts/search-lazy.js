/* Search loads nothing until it is first used. Over http Material fetches the search index and
 * starts its worker on every page; here the index request and the worker wait until the search
 * field is first focused or the search toggle opened, and on sites that fold queries (Arabic) the
 * folding scripts named in data-then load first, in order. From file:// Material already waits
 * for the toggle before loading the index; the worker waits with it, and the polyfills named in
 * data-file (the iframe-worker shim that stands in for a worker there) load first, from file://
 * only. Loaded before Material's bundle (overrides/main.html). */
(function () {
  "use strict"
  var me = document.currentScript
  function named(attribute) {
    return ((me && me.getAttribute(attribute)) || "").split(" ").filter(Boolean)
  }
  var fromFile = location.protocol === "file:"
  var scripts = (fromFile ? named("data-file") : []).concat(named("data-then"))
  var RealWorker = window.Worker
  var ready = false, started = false, waiting = []

  function whenReady(go) {
    if (ready) go()
    else waiting.push(go)
  }

  function start() {
    if (started) return
    started = true
    var next = 0
    ;(function load() {
      if (next >= scripts.length) {
        ready = true
        waiting.splice(0).forEach(function (go) { go() })
        return
      }
      var script = document.createElement("script")
      script.src = scripts[next++]
      script.onload = script.onerror = load
      document.head.appendChild(script)
    })()
  }

  /* The index request: sent once search is in use. */
  var open = XMLHttpRequest.prototype.open, send = XMLHttpRequest.prototype.send
  XMLHttpRequest.prototype.open = function (method, url) {
    this.searchIndex = /\/search\/search_index\.json([?#]|$)/.test(String(url))
    return open.apply(this, arguments)
  }
  XMLHttpRequest.prototype.send = function () {
    var xhr = this, args = arguments
    if (!xhr.searchIndex) return send.apply(xhr, args)
    whenReady(function () { send.apply(xhr, args) })
  }

  /* The search worker: created at its first message (the index), not when the page loads. */
  if (RealWorker) {
    var LazyWorker = function (url, options) {
      if (!/\/workers\/search\.[^/]*\.js/.test(String(url))) return new RealWorker(url, options)
      this.url = url
      this.options = options
      this.worker = null
      this.listeners = []
    }
    LazyWorker.prototype.real = function () {
      if (!this.worker) {
        var Impl = fromFile && window.IFrameWorker ? window.IFrameWorker : RealWorker
        var worker = this.worker = new Impl(this.url, this.options)
        this.listeners.forEach(function (l) { worker.addEventListener(l[0], l[1], l[2]) })
      }
      return this.worker
    }
    LazyWorker.prototype.postMessage = function () {
      var self = this, args = arguments
      start()
      whenReady(function () {
        var worker = self.real()
        worker.postMessage.apply(worker, args)
      })
    }
    LazyWorker.prototype.addEventListener = function (type, listener, options) {
      if (this.worker) this.worker.addEventListener(type, listener, options)
      else this.listeners.push([type, listener, options])
    }
    LazyWorker.prototype.removeEventListener = function (type, listener, options) {
      if (this.worker) this.worker.removeEventListener(type, listener, options)
      this.listeners = this.listeners.filter(function (l) { return l[0] !== type || l[1] !== listener })
    }
    LazyWorker.prototype.terminate = function () {
      if (this.worker) this.worker.terminate()
    }
    window.Worker = LazyWorker
  }

  /* First use: focus on the search field (also where Material's keyboard shortcut puts it), or
   * the search toggle. */
  document.addEventListener("focusin", function (event) {
    if (event.target && event.target.closest && event.target.closest("form[name=search]")) start()
  })
  document.addEventListener("change", function (event) {
    if (event.target && event.target.id === "__search" && event.target.checked) start()
  })
  document.addEventListener("click", function (event) {
    if (event.target && event.target.closest && event.target.closest("label[for=__search]")) start()
  })
})()
