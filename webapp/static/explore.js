// The explorer: YASGUI when the app serves it (see webapp/assets/), else a small editor of our own.
(function () {
  "use strict";
  var cfg = JSON.parse(document.getElementById("explore-config").textContent);
  var root = document.getElementById("explorer");
  var endpoint = new URL(cfg.endpoint, window.location.href).href;
  var api = window.Yasgui ? startYasgui() : startPlain();

  document.querySelectorAll("button.example").forEach(function (b) {
    b.addEventListener("click", function () {
      api.run(cfg.examples[Number(b.dataset.index)].query);
    });
  });
  document.getElementById("share-link").addEventListener("click", function (ev) {
    ev.preventDefault();
    var url = new URL("/explore", window.location.href);
    url.searchParams.set("query", api.get());
    history.replaceState(null, "", url.href);
    if (navigator.clipboard) { navigator.clipboard.writeText(url.href).catch(function () {}); }
    ev.target.textContent = "Link copied (also in the address bar)";
  });

  function terms(kind, token) {
    var q = (token && token.autocompletionString) || "";
    return fetch("/explore/terms.json?kind=" + kind + "&q=" + encodeURIComponent(q))
      .then(function (r) { return r.ok ? r.json() : []; });
  }

  function startYasgui() {
    var Yasqe = window.Yasgui.Yasqe;
    // Completion from this store, not from the public Linked Open Vocabularies service: works offline.
    Yasqe.forkAutocompleter("property", { name: "unkgProperty", get: function (y, t) { return terms("property", t); } }, false);
    Yasqe.forkAutocompleter("class", { name: "unkgClass", get: function (y, t) { return terms("class", t); } }, false);
    Yasqe.defaults.autocompleters = ["prefixes", "variables", "unkgProperty", "unkgClass"];
    var fromUrl = new URLSearchParams(window.location.search).has("query");
    var yasgui = new window.Yasgui(root, {
      requestConfig: { endpoint: endpoint, method: "POST" },
      copyEndpointOnNewTab: false,
      endpointCatalogueOptions: { getData: function () { return [{ endpoint: endpoint }]; } },
      persistenceId: null,
      yasqe: { value: cfg.initial_query, prefixCcApi: "/explore/prefixes.json" },
    });
    var tab = yasgui.getTab();
    if (fromUrl || !tab.getQuery().trim()) { tab.setQuery(cfg.initial_query); }
    watch(tab.getYasqe());
    return {
      get: function () { return yasgui.getTab().getQuery(); },
      run: function (q) { var t = yasgui.getTab(); t.setQuery(q); t.getYasqe().query(); },
    };
  }

  // YASGUI shows a refused query as the raw response body, and a request it aborted itself only as
  // "signal is aborted without reason": the status line above the editor says what the endpoint said.
  function watch(yasqe) {
    var status = statusLine();
    yasqe.on("query", function () { status.className = "query-status"; status.textContent = "Running…"; });
    yasqe.on("queryResponse", function (y, res) {
      if (res && res.ok) { status.textContent = ""; status.className = "query-status"; }
    });
    yasqe.on("error", function () {
      // the listener's arguments differ between YASGUI versions: the error is the one with a message
      var err = Array.prototype.find.call(arguments, function (a) { return a instanceof Error || (a && a.message); });
      showError(status, err || arguments[arguments.length - 1]);
    });
  }

  function statusLine() {
    var el = document.getElementById("query-status");
    if (!el) {
      el = document.createElement("p");
      el.id = "query-status";
      el.setAttribute("role", "status");
      el.className = "query-status";
      root.parentNode.insertBefore(el, root);
    }
    return el;
  }

  function serverMessage(text) {
    try { var j = JSON.parse(text); if (j && j.error) { return String(j.error); } } catch (e) { /* not JSON */ }
    return text;
  }

  function showError(status, err) {
    var text = (err && err.message) || String(err || "");
    if ((err && err.name === "AbortError") || /aborted/i.test(text)) {
      text = "The request was stopped before the endpoint answered (a newer query replaced it, or the " +
        "connection closed). Run the query again; if it is large, add LIMIT.";
    } else {
      text = serverMessage(text);
    }
    status.className = "query-status error";
    status.textContent = text;
  }

  function startPlain() {
    root.innerHTML =
      '<textarea id="plain-query" spellcheck="false" rows="14"></textarea>' +
      '<p><button type="button" id="plain-run">Run query</button> ' +
      '<a id="plain-csv" href="#">Download CSV</a> <a id="plain-json" href="#">Download JSON</a></p>' +
      '<p id="plain-status" role="status"></p><div id="plain-results"></div>';
    var area = document.getElementById("plain-query");
    area.value = cfg.initial_query;
    function link(fmt) { return cfg.endpoint + "?format=" + fmt + "&query=" + encodeURIComponent(area.value); }
    area.addEventListener("input", function () {
      document.getElementById("plain-csv").href = link("csv");
      document.getElementById("plain-json").href = link("json");
    });
    area.dispatchEvent(new Event("input"));
    function run() {
      var status = document.getElementById("plain-status");
      status.textContent = "Running…";
      var body = new URLSearchParams({ query: area.value });
      fetch(cfg.endpoint, { method: "POST", body: body, headers: { Accept: "application/sparql-results+json" } })
        .then(function (r) { return r.json().then(function (j) { return { ok: r.ok, body: j }; }); })
        .then(function (res) {
          if (!res.ok) { status.className = "error"; status.textContent = res.body.error || "The query failed"; return; }
          status.className = "";
          status.textContent = "";
          renderTable(res.body);
        })
        .catch(function (e) { status.textContent = String(e); });
    }
    document.getElementById("plain-run").addEventListener("click", run);
    return { get: function () { return area.value; }, run: function (q) { area.value = q; area.dispatchEvent(new Event("input")); run(); } };
  }

  function renderTable(doc) {
    var out = document.getElementById("plain-results");
    out.textContent = "";
    if (!doc.results) { out.textContent = "Answer: " + doc.boolean; return; }
    var table = document.createElement("table");
    table.className = "results";
    var head = table.createTHead().insertRow();
    doc.head.vars.forEach(function (v) { var th = document.createElement("th"); th.textContent = v; head.appendChild(th); });
    var body = table.createTBody();
    doc.results.bindings.forEach(function (b) {
      var row = body.insertRow();
      doc.head.vars.forEach(function (v) {
        var cell = row.insertCell();
        var t = b[v];
        if (!t) { return; }
        if (t.type === "uri") { var a = document.createElement("a"); a.href = t.value; a.textContent = t.value; cell.appendChild(a); }
        else { cell.textContent = t.value; }
      });
    });
    out.appendChild(table);
  }
})();
