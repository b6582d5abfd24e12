// The panel's script, served by the mock (nothing from elsewhere, no build step).

/**
 * Sends each `form.api` to the control API as JSON and reloads (or shows the problem), shows the fields of the
 * chosen fault kind, and polls `{panel}/requests?since=N` for new request-log rows.
 */
export const PANEL_SCRIPT = `'use strict';
(function () {
  var flash = document.getElementById('flash');

  function say(text, kind) {
    flash.textContent = '';
    flash.className = kind;
    flash.hidden = false;
    if (typeof text === 'string') flash.textContent = text;
    else flash.appendChild(text);
  }

  var done = sessionStorage.getItem('panel-done');
  if (done) {
    sessionStorage.removeItem('panel-done');
    say(done, 'ok');
  }

  function problemNode(status, problem) {
    var box = document.createElement('div');
    var head = document.createElement('strong');
    head.textContent = status + ' ' + (problem.title || '') + (problem.detail ? ': ' + problem.detail : '');
    box.appendChild(head);
    var list = document.createElement('ul');
    (problem.errors || []).forEach(function (e) {
      var item = document.createElement('li');
      item.textContent = e.memberName + ': ' + e.message;
      list.appendChild(item);
    });
    box.appendChild(list);
    return box;
  }

  function set(target, path, value) {
    var names = path.split('.');
    var last = names.pop();
    names.forEach(function (n) { target = target[n] = target[n] || {}; });
    target[last] = value;
  }

  function fieldsOf(form) {
    var kind = form.elements.kind ? form.elements.kind.value : null;
    return Array.prototype.filter.call(form.elements, function (el) {
      var only = el.closest('[data-kind]');
      return el.name && el.value !== '' && (!only || only.getAttribute('data-kind') === kind);
    });
  }

  async function send(form) {
    var url = form.getAttribute('data-api');
    var body = {};
    var members = 0;
    fieldsOf(form).forEach(function (el) {
      var value = el.getAttribute('data-type') === 'number' ? Number(el.value) : el.value;
      if (url.indexOf('{' + el.name + '}') >= 0) url = url.replace('{' + el.name + '}', encodeURIComponent(el.value));
      else { set(body, el.name, value); members++; }
    });
    var init = { method: form.getAttribute('data-method'), headers: { 'Accept-Language': 'en-GB' } };
    if (members > 0) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    try {
      var response = await fetch(url, init);
      if (response.ok) {
        sessionStorage.setItem('panel-done', form.getAttribute('data-done'));
        location.reload();
        return;
      }
      var text = await response.text();
      var problem = {};
      try { problem = JSON.parse(text); } catch (ignored) { problem = { title: text }; }
      say(problemNode(response.status, problem), 'error');
    } catch (error) {
      say('The mock did not answer: ' + error.message, 'error');
    }
  }

  document.querySelectorAll('form.api').forEach(function (form) {
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      send(form);
    });
    if (form.elements.kind) {
      var show = function () {
        form.querySelectorAll('[data-kind]').forEach(function (el) {
          el.hidden = el.getAttribute('data-kind') !== form.elements.kind.value;
        });
      };
      form.elements.kind.addEventListener('change', show);
      show();
    }
  });

  var rows = document.getElementById('request-rows');
  if (rows) {
    var keep = Number(rows.getAttribute('data-keep'));
    var poll = async function () {
      try {
        var response = await fetch(rows.getAttribute('data-feed') + '?since=' + rows.getAttribute('data-since'));
        var html = await response.text();
        if (response.ok && html.trim() !== '') {
          rows.insertAdjacentHTML('afterbegin', html);
          rows.setAttribute('data-since', response.headers.get('X-Last-Seq'));
          while (rows.rows.length > keep) rows.deleteRow(rows.rows.length - 1);
        }
      } catch (ignored) {
        // The mock is restarting or gone: try again on the next tick.
      }
      setTimeout(poll, 1000);
    };
    setTimeout(poll, 1000);
  }
})();
`;
