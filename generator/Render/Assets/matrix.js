// Filtering and sorting for the comparison matrix. The table is complete without this script;
// the script only hides rows and reorders them.
(function () {
  'use strict';
  function start() {
    var form = document.getElementById('matrix-filters');
    var table = document.getElementById('matrix');
    if (!form || !table) return;
    form.hidden = false;
    var body = table.tBodies[0];
    var rows = Array.from(body.rows);
    var count = form.querySelector('.matrix-count');
    var params = new URLSearchParams(location.search);
    form.theme.value = params.get('theme') || '';
    form.state.value = params.get('state') || '';
    form.jurisdiction.value = params.get('jurisdiction') || '';
    if (form.asof) form.asof.addEventListener('change', function (e) {
      // Opening another year's matrix: keep the filters, and do not let apply() rewrite the URL meanwhile.
      e.stopPropagation();
      if (form.asof.value) location.href = form.asof.value + (location.search || '');
    });

    // With a jurisdiction chosen, a reading is looked for in that jurisdiction's cell only.
    function matches(row, state, jurisdiction) {
      if (!state) return true;
      if (!jurisdiction || state === 'differs') return row.dataset.states.split(' ').indexOf(state) >= 0;
      var cell = row.querySelector('td[data-j="' + jurisdiction + '"]');
      return !!cell && cell.dataset.state.split(' ').indexOf(state) >= 0;
    }

    function apply() {
      var theme = form.theme.value, state = form.state.value, jurisdiction = form.jurisdiction.value, shown = 0;
      rows.forEach(function (row) {
        var ok = (!theme || row.dataset.theme === theme) && matches(row, state, jurisdiction);
        row.hidden = !ok;
        if (ok) shown++;
      });
      count.textContent = shown + ' of ' + rows.length + ' questions shown';
      var p = new URLSearchParams();
      if (theme) p.set('theme', theme);
      if (state) p.set('state', state);
      if (jurisdiction) p.set('jurisdiction', jurisdiction);
      history.replaceState(null, '', location.pathname + (p.toString() ? '?' + p : ''));
    }
    form.addEventListener('change', apply);
    form.addEventListener('submit', function (e) { e.preventDefault(); });

    var headers = Array.from(table.tHead.rows[0].cells);
    headers.forEach(function (th, col) {
      th.tabIndex = 0;
      function sort() {
        var dir = th.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending';
        headers.forEach(function (h) { h.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', dir);
        var sorted = rows.slice().sort(function (a, b) {
          var x = a.cells[col].textContent.trim(), y = b.cells[col].textContent.trim();
          var nx = parseFloat(x), ny = parseFloat(y);
          var c = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : x.localeCompare(y);
          return dir === 'ascending' ? c : -c;
        });
        sorted.forEach(function (r) { body.appendChild(r); });
      }
      th.addEventListener('click', function (e) { if (e.target.tagName !== 'A') sort(); });
      th.addEventListener('keydown', function (e) { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); sort(); } });
    });
    apply();
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start); else start();
})();
