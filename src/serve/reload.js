// Loa live reload: reloads this page after each successful rebuild of `loa serve`.
(function () {
  if (!window.EventSource || window.__loaReload) return;
  window.__loaReload = true;
  var es = new EventSource("/__loa/events");
  es.addEventListener("reload", function () {
    es.close();
    location.reload();
  });
})();
