// The browser app's service worker: the whole app (pages, bundles, icons, the sample) is
// cached when it is first installed, so it opens and works offline afterwards. The build
// (webpack.config.js) replaces the two placeholders: the list of files and a version
// that changes with any of them, so a new release installs a new cache and drops the old.
// Every file is served from the cache first (a poor connection does not slow the app); a
// release changes sw.js, which the browser checks on each visit, so the next visit gets
// it. Only GETs to this origin are handled: the workbook never leaves the page.
'use strict';

const VERSION = '__CHISO_VERSION__';
const FILES = __CHISO_FILES__;
const CACHE = `chiso-${VERSION}`;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(FILES.map((file) => new Request(file, { cache: 'reload' }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => key.startsWith('chiso-') && key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(caches.match(request, { ignoreSearch: true }).then((cached) => cached ?? fetch(request)));
});
