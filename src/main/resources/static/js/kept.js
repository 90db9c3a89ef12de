// Sends the CSRF token with every htmx request, and fills the time-zone field of sign-up forms.
document.addEventListener("htmx:configRequest", function (event) {
  var token = document.querySelector('meta[name="csrf-token"]');
  var header = document.querySelector('meta[name="csrf-header"]');
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll('input[data-fill="time-zone"]').forEach(function (input) {
    if (!input.value) {
      try {
        input.value = Intl.DateTimeFormat().resolvedOptions().timeZone || "";
      } catch (e) {
        input.value = "";
      }
    }
  });
});
// A search field (fragments/picker.html) asks for the matches of what is typed in it as "q",
// whatever the name the field has in its form.
document.addEventListener("htmx:configRequest", function (event) {
  var field = event.detail.elt;
  if (field && field.hasAttribute && field.hasAttribute("data-choices")) {
    event.detail.parameters = { q: field.value };
  }
});
