/* iframe-worker (c) Martin Donath, MIT licence (LICENSE beside this file), rewritten readably and
   changed for our Content-Security-Policy: the hidden frame that stands in for a Web Worker from
   file:// no longer gets an inline script (which would need 'unsafe-inline', its text holding the
   page's own address), but frame.js, a file of the site. Over http the browser's Worker is used. */
"use strict";
(() => {
  const frameScript = new URL("frame.js", document.currentScript.src).href

  class IFrameWorker extends EventTarget {
    constructor(url) {
      super()
      this.url = url
      this.m = event => {
        if (event.source !== this.w) return
        this.dispatchEvent(new MessageEvent("message", { data: event.data }))
        if (this.onmessage) this.onmessage(event)
      }
      this.e = (message, filename, lineno, colno, error) => {
        if (filename !== `${this.url}`) return
        const event = new ErrorEvent("error", { message, filename, lineno, colno, error })
        this.dispatchEvent(event)
        if (this.onerror) this.onerror(event)
      }
      const iframe = document.createElement("iframe")
      iframe.hidden = true
      iframe.dataset.worker = `${url}`
      document.body.appendChild(this.iframe = iframe)
      this.w.document.open()
      this.w.document.write(`<html><body><script src="${frameScript}"><\/script>` +
                            `<script src="${url}?${+Date.now()}"><\/script></body></html>`)
      this.w.document.close()
      onmessage = this.m
      onerror = this.e
      this.r = new Promise((resolve, reject) => {
        this.w.onload = resolve
        this.w.onerror = reject
      })
    }

    terminate() {
      this.iframe.remove()
      onmessage = onerror = null
    }

    postMessage(data) {
      this.r.catch().then(() => {
        this.w.dispatchEvent(new MessageEvent("message", structuredClone({ data })))
      })
    }

    get w() {
      return this.iframe.contentWindow
    }
  }

  window.IFrameWorker = IFrameWorker
  if (location.protocol === "file:") window.Worker = IFrameWorker
})()
