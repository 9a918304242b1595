// Copy buttons for quoted clauses: the page is complete without this script; it only reveals the
// buttons and copies a clause with its citation to the clipboard.
(function () {
  'use strict';
  function start() {
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
