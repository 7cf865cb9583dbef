// The Coupons tab's one need beyond htmx and Alpine (no inline scripts: the CSP allows 'self' only).
(function () {
  'use strict';
  // Export Table CSV downloads the view shown: <a data-with-filters="#form"> gets that form's current
  // values as its query string when clicked, before the browser follows it.
  document.addEventListener('click', function (event) {
    var link = event.target.closest('a[data-with-filters]');
    if (!link) {
      return;
    }
    var form = document.querySelector(link.getAttribute('data-with-filters'));
    var query = new URLSearchParams();
    new FormData(form).forEach(function (value, name) {
      if (String(value).trim() !== '') {
        query.append(name, value);
      }
    });
    var base = link.getAttribute('href').split('?')[0];
    link.setAttribute('href', query.toString() ? base + '?' + query.toString() : base);
  }, true);
})();
