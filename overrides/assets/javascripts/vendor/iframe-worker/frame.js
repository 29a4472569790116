/* iframe-worker (c) Martin Donath, MIT licence: the worker's globals inside the hidden frame
   (shim.js), as a file so that the Content-Security-Policy needs no inline script. */
postMessage = function (data, origin) {
  parent.postMessage(data, origin || "*")
}
importScripts = function (...urls) {
  return urls.reduce((done, url) => done.then(() => new Promise(resolve => {
    const script = document.createElement("script")
    script.src = url
    script.onload = resolve
    document.body.appendChild(script)
  })), Promise.resolve())
}
addEventListener("error", ({ error }) => {
  parent.dispatchEvent(new ErrorEvent("error", { filename: frameElement.dataset.worker, error }))
})
