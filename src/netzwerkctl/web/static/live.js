// netzwerkctl serve: reload the page when the network on disk has changed. Once a
// second the page asks the server for the version of what it shows (the server's
// start, its latest read of the folder, failed reads) and reloads when it differs
// from the one it was made from (data-serial on <body>). Asked, not pushed: a
// connection held open per tab would soon use up the browser's connections.
(function () {
  "use strict";
  var serial = document.body.getAttribute("data-serial");
  var typing = false;
  document.addEventListener("input", function () { typing = true; });
  function ask() {
    window.fetch("/_version", { cache: "no-store" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (state) {
        if (state && state.version !== serial && !typing) {
          window.location.reload();
          return;
        }
        window.setTimeout(ask, 1000);
      })
      .catch(function () { window.setTimeout(ask, 2000); });  // the server is away
  }
  if (serial !== null && window.fetch) {
    window.setTimeout(ask, 1000);
  }
  // Filters on a list page: choosing a value sends the form (no button needed).
  var selects = document.querySelectorAll("form.filters select");
  for (var i = 0; i < selects.length; i++) {
    selects[i].addEventListener("change", function (e) { e.target.form.submit(); });
  }
})();
