// The Pagefind side of the benchmark: Pagefind's own API on our search page, showing the first
// five results (title and excerpt) as our page does, then marking the time they were shown.
(async function () {
  var q = new URLSearchParams(location.search).get('q') || '';
  var pagefind = await import('../pagefind/pagefind.js');
  var search = await pagefind.search(q);
  var top = await Promise.all(search.results.slice(0, 5).map(function (r) { return r.data(); }));
  var list = document.getElementById('results');
  list.replaceChildren();
  top.forEach(function (d) {
    var li = document.createElement('li');
    var a = document.createElement('a');
    a.className = 'hit'; a.href = d.url; a.textContent = d.meta.title || d.url;
    var p = document.createElement('p');
    p.innerHTML = d.excerpt;
    li.append(a, p);
    list.append(li);
  });
  document.getElementById('search-status').textContent = search.results.length + ' results';
  window.benchDone = { at: performance.now(), urls: top.map(function (d) { return d.url; }) };
})();
