/* Filters the kommune list as the user types; the form still works without JavaScript. */
(function () {
  "use strict";
  var form = document.querySelector("[data-kommune-filter]");
  if (!form) return;
  var input = form.querySelector("input[type=search]");
  var items = Array.prototype.slice.call(document.querySelectorAll("[data-kommune]"));
  var groups = Array.prototype.slice.call(document.querySelectorAll("[data-fylke-group]"));
  var status = document.getElementById("kommune-count");
  var empty = document.getElementById("kommune-empty");

  function normalise(text) {
    return text.toLocaleLowerCase("nb").trim();
  }

  function describe(count) {
    var template = count === 1 ? status.dataset.templateOne : status.dataset.templateMany;
    return template.replace("{count}", count);
  }

  function apply() {
    var query = normalise(input.value);
    var visible = 0;
    items.forEach(function (item) {
      var match = !query || item.dataset.search.indexOf(query) !== -1;
      item.hidden = !match;
      if (match) visible += 1;
    });
    groups.forEach(function (group) {
      group.hidden = !group.querySelector("[data-kommune]:not([hidden])");
    });
    status.textContent = describe(visible);
    empty.hidden = visible !== 0;
  }

  var timer;
  input.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(apply, 120);
  });
  form.addEventListener("submit", function (event) {
    if (items.length) {
      event.preventDefault();
      apply();
    }
  });
})();
