// The little the screens need beyond htmx and Alpine. No inline scripts: the CSP allows 'self' only.
(function () {
  'use strict';
  function meta(name) {
    var element = document.querySelector('meta[name="' + name + '"]');
    return element ? element.getAttribute('content') : null;
  }

  // Every htmx request carries the session's CSRF token.
  document.addEventListener('htmx:configRequest', function (event) {
    var header = meta('csrf-header'), token = meta('csrf-token');
    if (header && token) {
      event.detail.headers[header] = token;
    }
  });

  // An answer that is not swapped (a 4xx/5xx htmx leaves alone) still says what went wrong.
  document.addEventListener('htmx:responseError', function (event) {
    var alerts = document.getElementById('alerts');
    if (!alerts) {
      return;
    }
    var text = 'The request failed (' + event.detail.xhr.status + ').';
    try {
      var problem = JSON.parse(event.detail.xhr.responseText);
      text = (problem.code ? problem.code + ': ' : '') + (problem.detail || problem.title || text);
    } catch (ignored) { /* not a problem body */ }
    alerts.innerHTML = '';
    var box = document.createElement('div');
    box.className = 'alert error';
    box.setAttribute('role', 'alert');
    box.textContent = text;
    alerts.appendChild(box);
  });

  document.addEventListener('click', function (event) {
    var target = event.target;
    if (target.closest('[data-close-modal]')) {
      document.getElementById('modal').innerHTML = '';
    }
    if (target.closest('[data-dismiss-alert]')) {
      target.closest('.alert').remove();
    }
    var copy = target.closest('[data-copy]');
    if (copy) {
      var text = copy.getAttribute('data-copy');
      var done = function () { copy.setAttribute('data-copied', 'true'); copy.textContent = 'Copied'; };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(done, function () { fallbackCopy(text); done(); });
      } else {
        fallbackCopy(text);
        done();
      }
    }
  });

  // Clipboard without a secure context (plain http on another host than localhost).
  function fallbackCopy(text) {
    var area = document.createElement('textarea');
    area.value = text;
    document.body.appendChild(area);
    area.select();
    document.execCommand('copy');
    area.remove();
  }

  // Escape closes the modal.
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape') {
      var modal = document.getElementById('modal');
      if (modal) {
        modal.innerHTML = '';
      }
    }
  });

  // Server answers can ask for the modal to close: HX-Trigger: closeModal
  document.addEventListener('closeModal', function () {
    document.getElementById('modal').innerHTML = '';
  });

  // A file sent as the raw request body with upload progress (segment CSVs): <form data-raw-upload>
  // with an <input type=file>, a <progress> and an output element [data-upload-result].
  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!form.hasAttribute('data-raw-upload')) {
      return;
    }
    event.preventDefault();
    var file = form.querySelector('input[type=file]').files[0];
    var bar = form.querySelector('progress');
    var result = form.querySelector('[data-upload-result]');
    if (!file) {
      return;
    }
    var xhr = new XMLHttpRequest();
    xhr.open('PUT', form.getAttribute('data-raw-upload').replace('{name}',
        encodeURIComponent(form.querySelector('[name=name]').value)));
    xhr.setRequestHeader('Content-Type', 'text/csv; charset=utf-8');
    xhr.setRequestHeader(meta('csrf-header'), meta('csrf-token'));
    xhr.setRequestHeader('HX-Request', 'true');
    xhr.upload.onprogress = function (progress) {
      if (progress.lengthComputable) {
        bar.max = progress.total;
        bar.value = progress.loaded;
        bar.setAttribute('data-percent', Math.round(100 * progress.loaded / progress.total));
      }
    };
    xhr.onload = function () {
      // The bar shows what was sent; whether it was taken is the answer's to say.
      bar.setAttribute('data-outcome', xhr.status < 400 ? 'applied' : 'refused');
      result.innerHTML = xhr.responseText;
      htmx.process(result);
      form.dispatchEvent(new CustomEvent('uploaded', {bubbles: true}));
    };
    xhr.onerror = function () {
      bar.setAttribute('data-outcome', 'failed');
      result.textContent = 'The upload did not reach the service (connection lost); nothing of it was applied. '
          + 'Try again.';
    };
    xhr.send(file);
  });
})();
