// Copy buttons for quoted clauses: the page is complete without this script; it only reveals the
// buttons and copies a clause with its citation to the clipboard.
(function () {
  'use strict';
  // Citations are written with the dataset's date as the access date; the reader's own day replaces it.
  function accessed() {
    var today = new Date().toISOString().slice(0, 10);
    document.querySelectorAll('[data-cite]').forEach(function (el) {
      el.textContent = el.textContent
        .replace(/accessed \d{4}-\d{2}-\d{2}/, 'accessed ' + today)
        .replace(/urldate = \{\d{4}-\d{2}-\d{2}\}/, 'urldate = {' + today + '}')
        .replace(/("accessed": \{\s*"date-parts": \[\s*\[)[^\]]*\]/, '$1' + today.split('-').map(Number).join(', ') + ']');
    });
  }
  function start() {
    accessed();
    document.querySelectorAll('button.copy[data-copy]').forEach(function (button) {
      var target = document.getElementById(button.dataset.copy);
      if (!target || !navigator.clipboard) return;
      button.hidden = false;
      button.addEventListener('click', function () {
        var text = target.innerText.replace(/\s+\n/g, '\n').trim();
        navigator.clipboard.writeText(text).then(function () {
          var label = button.textContent;
          button.textContent = 'Copied';
          setTimeout(function () { button.textContent = label; }, 1500);
        });
      });
    });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start); else start();
})();
