// The language switch keeps the reader's place: the same page, with the same search (?q=…) and the
// same answer or section (#…). Without this script the link still opens the same page.
document.addEventListener("click", function (e) {
  var a = e.target.closest && e.target.closest("a[data-keep-place]");
  if (!a) return;
  e.preventDefault();
  location.href = a.href.split(/[?#]/)[0] + location.search + location.hash;
});
