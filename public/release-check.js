// Every page of the app loads this: it registers the service worker (sw.js, beside this file, so
// its scope is the app's folder whichever page is open) and asks it, when the page is shown again
// and every 30 minutes, whether a new release is out. The worker says which files the app's pages
// name now; when this page's wasm is not among them, the app offers a reload (the event
// "cchc-new-release", heard in src/lib.rs).
(() => {
  if (!('serviceWorker' in navigator)) return;
  const worker = new URL('sw.js', document.currentScript.src).href;
  addEventListener('load', () => navigator.serviceWorker.register(worker).catch(() => {}));
  const ask = () => navigator.serviceWorker.controller?.postMessage('cchc-check-release');
  navigator.serviceWorker.addEventListener('message', (event) => {
    if (event.data?.type !== 'cchc-release' || !event.data.files.length) return;
    const own = document.querySelector('link[rel="preload"][as="fetch"]')?.href;
    if (own && !event.data.files.includes(own)) dispatchEvent(new CustomEvent('cchc-new-release'));
  });
  document.addEventListener('visibilitychange', () => { if (!document.hidden) ask(); });
  setInterval(ask, 30 * 60 * 1000);
})();
