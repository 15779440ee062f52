/* Type-ahead for the header's search field: fills its <datalist> with matching titles.
   Without this script the field is a plain search form; choosing a suggestion opens it. */
(function () {
  "use strict";
  var input = document.getElementById("site-search-q");
  if (!input || !window.fetch) return;
  var list = document.getElementById(input.getAttribute("list"));
  var url = input.getAttribute("data-suggest-url");
  var links = {};
  var timer = null;
  var latest = "";

  function fill(suggestions) {
    links = {};
    list.textContent = "";
    suggestions.forEach(function (item) {
      var option = document.createElement("option");
      option.value = item.title;
      links[item.title] = item.url;
      list.appendChild(option);
    });
  }

  function load(text) {
    latest = text;
    fetch(url + "?q=" + encodeURIComponent(text), { headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
      .then(function (data) { if (text === latest) fill(data.suggestions || []); })
      .catch(function () { fill([]); });
  }

  input.addEventListener("input", function (event) {
    var text = input.value.trim();
    if (event.inputType === undefined || event.inputType === "insertReplacementText") {
      if (links[input.value]) { window.location.href = links[input.value]; return; }
    }
    clearTimeout(timer);
    if (text.length < 2) { fill([]); return; }
    timer = setTimeout(function () { load(text); }, 150);
  });
})();
