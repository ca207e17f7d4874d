// Keeps the elements the server marks data-live current while something is in progress (an ingestion, say): every few
// seconds it fetches the page again and swaps those elements in, until the server stops marking them. Forms elsewhere
// on the page, and whatever is typed into them, are left alone.
(function () {
  'use strict';
  if (!document.querySelector('[data-live][id]')) {
    return;
  }
  var timer = setInterval(function () {
    fetch(location.href, { credentials: 'same-origin', headers: { Accept: 'text/html' } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error(response.status);
        }
        return response.text();
      })
      .then(function (html) {
        var page = new DOMParser().parseFromString(html, 'text/html');
        var stillLive = false;
        document.querySelectorAll('[data-live][id]').forEach(function (element) {
          var fresh = page.getElementById(element.id);
          if (fresh) {
            element.replaceWith(document.importNode(fresh, true));
            stillLive = stillLive || fresh.hasAttribute('data-live');
          }
        });
        if (!stillLive) {
          clearInterval(timer);
        }
      })
      .catch(function () {
        clearInterval(timer);
      });
  }, 3000);
})();
