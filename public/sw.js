// The app's service worker: after one visit the app opens and works with no connection.
//
// Only this origin and this folder are handled; nothing is ever requested elsewhere. Files whose
// names carry Trunk's content hash never change, so they are served from the cache first. The
// pages and the few files without a hash (the spreadsheet worker, the manifest, the icons) are
// asked of the network first, so a new release arrives with the next reload, and fall back to the
// cache when there is no connection or it is too slow. Each page fetched lists the hashed files it
// needs; they are cached with it, and files of older releases are dropped. localStorage, where the
// drafts live, is never touched. A cache write refused (storage full) leaves the app working online.

const CACHE = 'cchc-app';
const SCOPE = new URL('./', self.location).href;
// The pages the app has, each with the files its HTML names.
const PAGES = ['./', './day-du/', './tao-bo-tieu-chi/'];
const UNHASHED = [
  './xlsx_worker_loader.js', './xlsx_worker.js', './xlsx_worker_bg.wasm',
  './manifest.webmanifest', './icons/icon-192.png', './icons/icon-512.png',
];
// How long a page waits for the network before the cached copy is shown.
const NETWORK_WAIT_MS = 3000;

// Trunk writes its hash as hexadecimal without leading zeros: usually 16 digits, now and then fewer.
const HASHED = /-[0-9a-f]{12,16}(_bg)?\.(js|wasm|css)$/;

function own(url) {
  return url.startsWith(SCOPE);
}

/** The files a page's HTML names (scripts, styles, the wasm), as absolute URLs. */
function named(html, pageUrl) {
  const out = new Set();
  for (const m of html.matchAll(/(?:href|src)=["']([^"']+)["']|(?:from|module_or_path:)\s*["']([^"']+)["']/g)) {
    const ref = m[1] ?? m[2];
    if (!ref || ref.startsWith('data:') || ref.startsWith('#')) continue;
    const url = new URL(ref, pageUrl).href;
    if (own(url)) out.add(url);
  }
  return [...out];
}

async function put(cache, url, response) {
  try {
    await cache.put(url, response);
  } catch {
    // Storage full or refused: the app keeps working online.
  }
}

/** Fetches every page and what it names, and drops what no page names any more; gives the files
 * the app's pages name now (empty when none could be fetched), so that each page can tell whether
 * its own WebAssembly is still among them. */
async function cacheRelease() {
  let appFiles = [];
  const cache = await caches.open(CACHE);
  const keep = new Set();
  for (const page of PAGES) {
    const pageUrl = new URL(page, SCOPE).href;
    let html;
    try {
      const response = await fetch(pageUrl, { cache: 'no-cache' });
      if (!response.ok) continue;
      html = await response.clone().text();
      await put(cache, pageUrl, response);
    } catch {
      continue;
    }
    keep.add(pageUrl);
    appFiles.push(...named(html, pageUrl));
    for (const url of named(html, pageUrl)) {
      keep.add(url);
      if (!(await cache.match(url))) {
        try {
          const r = await fetch(url);
          if (r.ok) await put(cache, url, r);
        } catch { /* offered again at the next visit */ }
      }
    }
  }
  for (const file of UNHASHED) {
    const url = new URL(file, SCOPE).href;
    keep.add(url);
    try {
      const r = await fetch(url, { cache: 'no-cache' });
      if (r.ok) await put(cache, url, r);
    } catch { /* kept from an earlier visit, if any */ }
  }
  if (keep.size > UNHASHED.length) {
    for (const request of await cache.keys()) {
      if (!keep.has(request.url)) await cache.delete(request);
    }
  }
  return appFiles;
}

// A page asks (when it is shown again, and now and then) whether a new release is out: the files
// the app's page names now are sent back, and the page compares them with its own. Nothing is
// reloaded here: the page offers it, and the user chooses when.
self.addEventListener('message', (event) => {
  if (event.data !== 'cchc-check-release' || !event.source) return;
  event.waitUntil(cacheRelease()
    .then((files) => event.source.postMessage({ type: 'cchc-release', files }))
    .catch(() => {}));
});

self.addEventListener('install', (event) => {
  event.waitUntil(cacheRelease().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(self.clients.claim());
});

/** The network's answer, cached; the cache's when the network fails or is slower than `wait`. */
async function networkFirst(request, wait) {
  const cache = await caches.open(CACHE);
  const key = request.mode === 'navigate' ? pageKey(request.url) : request.url;
  const fromNetwork = fetch(request).then(async (response) => {
    if (response.ok) await put(cache, key, response.clone());
    return response;
  });
  const cached = await cache.match(key, { ignoreSearch: true });
  if (!cached) return fromNetwork;
  const timeout = new Promise((resolve) => setTimeout(() => resolve(null), wait));
  try {
    return (await Promise.race([fromNetwork, timeout])) ?? cached;
  } catch {
    return cached;
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request.url);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await put(cache, request.url, response.clone());
  return response;
}

/** A page is cached under its folder: `./index.html` and `./` are one page. */
function pageKey(url) {
  const u = new URL(url);
  u.hash = '';
  u.search = '';
  u.pathname = u.pathname.replace(/index\.html$/, '');
  return u.href;
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || !own(request.url)) return;
  if (request.mode === 'navigate') {
    event.respondWith(networkFirst(request, NETWORK_WAIT_MS));
  } else if (HASHED.test(new URL(request.url).pathname)) {
    event.respondWith(cacheFirst(request));
  } else {
    event.respondWith(networkFirst(request, NETWORK_WAIT_MS));
  }
  // A page fetched from the network may belong to a new release: cache what it names.
  if (request.mode === 'navigate') event.waitUntil(cacheRelease().catch(() => {}));
});
