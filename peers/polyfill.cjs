// Node 20 lacks Promise.withResolvers, which a dependency of js-ipfs 0.66 calls: preload this
// (node --require ./polyfill.cjs ...) before starting js-ipfs.
if (typeof Promise.withResolvers !== 'function') {
  Promise.withResolvers = function () {
    let resolve
    let reject
    const promise = new Promise((res, rej) => { resolve = res; reject = rej })
    return { promise, resolve, reject }
  }
}
