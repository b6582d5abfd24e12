// The panel's script, served by the mock (nothing from elsewhere, no build step).

/**
 * Sends each `form.api` to the control API as JSON (a POST always declares JSON, even without members) and reloads
 * (or shows the problem), asks first where the form says `data-confirm`, shows the fields of the chosen fault kind,
 * polls `{panel}/requests?since=N` for new request-log rows and `{prefix}/notifications?since=N` for new
 * notifications (rows built here with the cells of panel-notifications.ts). Every call carries the control token when the tab
 * has one: the first call answered 401 asks for it (once; kept in sessionStorage for the tab). The page without
 * the token has no data (`main[data-needs-token]`): the script loads the page with the token and shows that.
 */
export const PANEL_SCRIPT = `'use strict';
(function () {
  var TOKEN_HEADER = 'X-Mock-Control-Token';
  var TOKEN_KEY = 'panel-control-token';
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

  function withToken(init) {
    var headers = Object.assign({}, init.headers);
    var token = sessionStorage.getItem(TOKEN_KEY);
    if (token) headers[TOKEN_HEADER] = token;
    return Object.assign({}, init, { headers: headers });
  }

  // A control call with the tab's token. A 401 asks for the token (when 'ask') and tries once more with it;
  // a token the mock refuses is forgotten, so the next call asks again.
  async function call(url, init, ask) {
    var response = await fetch(url, withToken(init));
    if (response.status !== 401 || !ask) return response;
    var token = window.prompt('The mock asks for its control token (X-Mock-Control-Token):');
    if (!token) return response;
    sessionStorage.setItem(TOKEN_KEY, token);
    response = await fetch(url, withToken(init));
    if (response.status === 401) sessionStorage.removeItem(TOKEN_KEY);
    return response;
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

  async function sayProblem(response) {
    var text = await response.text();
    var problem = {};
    try { problem = JSON.parse(text); } catch (ignored) { problem = { title: response.statusText }; }
    say(problemNode(response.status, problem), 'error');
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
    var method = form.getAttribute('data-method');
    var body = {};
    var members = 0;
    fieldsOf(form).forEach(function (el) {
      var value = el.getAttribute('data-type') === 'number' ? Number(el.value) : el.value;
      if (url.indexOf('{' + el.name + '}') >= 0) url = url.replace('{' + el.name + '}', encodeURIComponent(el.value));
      else { set(body, el.name, value); members++; }
    });
    var init = { method: method, headers: { 'Accept-Language': 'en-GB' } };
    // The control API takes a POST only as JSON, an empty one included.
    if (members > 0 || method === 'POST') {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    try {
      var response = await call(url, init, true);
      if (response.ok) {
        sessionStorage.setItem('panel-done', form.getAttribute('data-done'));
        location.reload();
        return;
      }
      await sayProblem(response);
    } catch (error) {
      say('The mock did not answer: ' + error.message, 'error');
    }
  }

  // A download link sent with the token (a plain link cannot carry the header).
  async function download(link) {
    try {
      var response = await call(link.getAttribute('href'), {}, true);
      if (!response.ok) return sayProblem(response);
      var url = URL.createObjectURL(await response.blob());
      var save = document.createElement('a');
      save.href = url;
      save.download = link.getAttribute('download');
      document.body.appendChild(save);
      save.click();
      save.remove();
      setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
    } catch (error) {
      say('The mock did not answer: ' + error.message, 'error');
    }
  }

  function start() {
    document.querySelectorAll('form.api').forEach(function (form) {
      form.addEventListener('submit', function (event) {
        event.preventDefault();
        var question = form.getAttribute('data-confirm');
        if (question && !window.confirm(question)) return;
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

    document.querySelectorAll('a[download]').forEach(function (link) {
      link.addEventListener('click', function (event) {
        if (!sessionStorage.getItem(TOKEN_KEY)) return;
        event.preventDefault();
        download(link);
      });
    });

    var rows = document.getElementById('request-rows');
    if (rows) {
      var keep = Number(rows.getAttribute('data-keep'));
      var poll = async function () {
        try {
          var response = await call(rows.getAttribute('data-feed') + '?since=' + rows.getAttribute('data-since'), {}, false);
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

    var notes = document.getElementById('notification-rows');
    if (notes) {
      var keepNotes = Number(notes.getAttribute('data-keep'));
      var pollNotes = async function () {
        try {
          var since = Number(notes.getAttribute('data-since'));
          var url = notes.getAttribute('data-feed') + '?since=' + since + '&limit=' + keepNotes;
          var response = await call(url, {}, false);
          if (response.ok) {
            var log = await response.json();
            // A restarted mock numbers from 1 again: start over.
            if (log.last < since) notes.setAttribute('data-since', '0');
            else {
              log.items.forEach(function (item) { notes.insertBefore(notificationRow(item), notes.firstChild); });
              notes.setAttribute('data-since', String(log.last));
              while (notes.rows.length > keepNotes) notes.deleteRow(notes.rows.length - 1);
            }
          }
        } catch (ignored) {
          // The mock is restarting or gone: try again on the next tick.
        }
        setTimeout(pollNotes, 1000);
      };
      setTimeout(pollNotes, 1000);
    }
  }

  // The same cells as the page's own rows (panel-notifications.ts), from {seq, notification}; text only.
  function notificationRow(item) {
    var n = item.notification;
    var p = n.p || {};
    var resource = p.resource || { name: '', id: '' };
    var version = resource.version === null || resource.version === undefined ? '\u2014' : String(resource.version);
    var row = document.createElement('tr');
    row.setAttribute('data-seq', String(item.seq));
    row.setAttribute('data-r', n.r || '');
    var cells = [
      ['time', n.ca.slice(11, 19), n.ca],
      ['', n.e.replace(/^portos./, ''), n.e],
      ['', p.action || '', null],
      ['url', resource.name + ' ' + resource.id, resource.name + ' ' + resource.id],
      ['num', version, null],
      ['', n.s && n.s.u ? n.s.u.userName : '', null],
    ];
    cells.forEach(function (c) {
      var cell = row.insertCell(-1);
      if (c[0]) cell.className = c[0];
      if (c[2] !== null) cell.title = c[2];
      cell.textContent = c[1];
    });
    return row;
  }

  // The page without the token: load it with the token (asking for it) and show its header and sections.
  async function unlock() {
    try {
      var response = await call(location.href, { headers: { Accept: 'text/html' } }, true);
      if (!response.ok) {
        await sayProblem(response);
        return;
      }
      var page = new DOMParser().parseFromString(await response.text(), 'text/html');
      document.querySelector('header.top').replaceWith(page.querySelector('header.top'));
      document.querySelector('main').replaceWith(page.querySelector('main'));
      start();
    } catch (error) {
      say('The mock did not answer: ' + error.message, 'error');
    }
  }

  var locked = document.querySelector('main[data-needs-token]');
  if (locked) {
    document.getElementById('token-ask').addEventListener('click', unlock);
    unlock();
  } else start();
})();
`;
