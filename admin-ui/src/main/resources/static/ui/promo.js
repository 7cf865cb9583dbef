// Promo batch screens. The shared terms fields are one fragment, but seed 003 places the inventory
// section inside it (after the conditions, before Offer Type / Marketing Campaign): move the section
// there, in the DOM so the tab order follows what is seen. Runs again on every htmx swap (a refused
// form comes back whole). Without script the section simply stays after the terms.
(function () {
  'use strict';
  function place(root) {
    var sections = (root.querySelectorAll ? root : document).querySelectorAll('[data-place-before-legend]');
    Array.prototype.forEach.call(sections, function (section) {
      var form = section.closest('form');
      var wanted = section.getAttribute('data-place-before-legend');
      var legends = form ? form.querySelectorAll('fieldset > legend') : [];
      Array.prototype.forEach.call(legends, function (legend) {
        var fieldset = legend.parentElement;
        if (legend.textContent.trim() === wanted && fieldset !== section && section.nextElementSibling !== fieldset) {
          fieldset.parentElement.insertBefore(section, fieldset);
        }
      });
    });
  }
  if (window.htmx) {
    htmx.onLoad(place);
  } else {
    document.addEventListener('DOMContentLoaded', function () { place(document); });
  }
})();
