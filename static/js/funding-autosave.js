// Saves an application draft a few seconds after the applicant stops typing, and says so in the status line.
// Without JavaScript the form's own «Lagre» button does the same. The words come translated from the page.
(function () {
  "use strict";
  var form = document.querySelector("form[data-autosave]");
  if (!form || !window.fetch) return;
  var status = form.querySelector("[data-autosave-status]");
  var timer = null;
  function save() {
    var data = new FormData(form);
    data.set("handling", "lagre");
    fetch(form.dataset.autosave, {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { "X-Autosave": "1" },
    }).then(function (response) {
      if (!status) return;
      if (response.status === 204) {
        var now = new Date();
        status.textContent = status.dataset.saved + " " + String(now.getHours()).padStart(2, "0") + ":" + String(now.getMinutes()).padStart(2, "0") + ".";
      } else {
        status.textContent = status.dataset.failed;
      }
    }).catch(function () {
      if (status) status.textContent = status.dataset.failed;
    });
  }

  form.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(save, 3000);
  });
})();
