// search.js: narrows the records table as a resident types, using the search
// index Lantern writes at build time (/search-index.json: names, descriptions,
// services, phases, functions, suppliers, tags). Without JavaScript the search
// box stays hidden and the filter pages are the way to narrow the list.
// Loaded from /assets/ (never inline: the site's Content Security Policy forbids
// inline script). No cookies, no storage, no request to any other server.
(function () {
  'use strict';
  var form = document.getElementById('record-search');
  var input = document.getElementById('record-search-input');
  var status = document.getElementById('record-search-status');
  var table = document.getElementById('records-table');
  if (!form || !input || !status || !table || !window.fetch) return;

  function fold(text) {
    return String(text || '').toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  }

  fetch(form.getAttribute('data-index-url'), { credentials: 'omit' })
    .then(function (response) {
      if (!response.ok) throw new Error('search index: HTTP ' + response.status);
      return response.json();
    })
    .then(function (index) {
      var haystacks = {};
      index.records.forEach(function (r) {
        haystacks[r.id] = fold([r.name, r.description, r.service, r.phase]
          .concat(r.functions, r.suppliers, r.tags).join(' \n '));
      });
      var rows = Array.prototype.slice.call(table.querySelectorAll('tbody tr[data-record-id]'));
      var timer = null;

      function apply() {
        var words = fold(input.value).split(/\s+/).filter(Boolean);
        var shown = 0;
        rows.forEach(function (row) {
          var text = haystacks[row.getAttribute('data-record-id')] || '';
          var match = words.every(function (w) { return text.indexOf(w) !== -1; });
          row.hidden = !match;
          if (match) shown++;
        });
        status.textContent = words.length ? form.getAttribute('data-status').replace('{count}', String(shown)) : '';
      }

      input.addEventListener('input', function () {
        // Wait for a pause in typing, so screen readers announce one count, not one per key.
        window.clearTimeout(timer);
        timer = window.setTimeout(apply, 150);
      });
      form.addEventListener('submit', function (event) {
        event.preventDefault();
        window.clearTimeout(timer);
        apply();
      });
      // A link or bookmark to /records/?q=… opens with its search applied.
      var asked = window.URLSearchParams ? new URLSearchParams(window.location.search).get('q') : null;
      if (asked && !input.value) input.value = asked;
      form.hidden = false;
      if (input.value) apply();
    })
    .catch(function () {
      // No index: keep the box hidden; the full list and the filter pages still work.
    });
})();
