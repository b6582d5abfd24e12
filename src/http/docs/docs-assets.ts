// The docs page's own script and style, served by the mock (no inline code, nothing from elsewhere).

/**
 * Starts swagger-ui on the spec and wires the log-in bar: a button logs in with `POST /api/auth` and hands the
 * token to swagger-ui (`preauthorizeApiKey('bearerAuth', token)`), so "Try it out" calls are authorized.
 */
export const DOCS_SCRIPT = `'use strict';
(function () {
  var config = JSON.parse(document.getElementById('docs-config').textContent);
  var status = document.getElementById('login-status');
  var ui = SwaggerUIBundle({
    url: config.specUrl,
    dom_id: '#swagger-ui',
    layout: 'BaseLayout',
    presets: [SwaggerUIBundle.presets.apis],
    deepLinking: true,
    tryItOutEnabled: true,
    displayRequestDuration: true,
    filter: true,
    validatorUrl: null,
    defaultModelsExpandDepth: 0,
    persistAuthorization: false
  });
  window.ui = ui;

  function show(text, state) {
    status.textContent = text;
    status.dataset.state = state;
  }

  async function logIn(userName) {
    show('Logging in as ' + userName + '…', 'busy');
    try {
      var response = await fetch(config.loginUrl, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Accept-Language': 'en-GB' },
        body: JSON.stringify({ userName: userName, password: userName, deviceName: config.deviceName })
      });
      var body = await response.json();
      if (!response.ok) return show('Log-in as ' + userName + ' failed: ' + response.status + ' ' + (body.title || ''), 'error');
      ui.preauthorizeApiKey('bearerAuth', body.tokenId);
      var rights = body.user.rights.length === 0 ? 'no rights' : 'rights: ' + body.user.rights.join(', ');
      show('Authorized as ' + body.user.userName + ' (' + rights + '). "Try it out" sends its token.', 'ok');
    } catch (error) {
      show('Log-in failed: ' + error.message, 'error');
    }
  }

  document.querySelectorAll('[data-login]').forEach(function (button) {
    button.addEventListener('click', function () { logIn(button.dataset.login); });
  });
  document.querySelector('[data-logout]').addEventListener('click', function () {
    ui.authActions.logout(['bearerAuth']);
    show('Logged out: routes that need credentials answer 401.', 'idle');
  });
})();
`;

/** The log-in bar above swagger-ui. */
export const DOCS_STYLE = `body { margin: 0; }
.docs-login { position: sticky; top: 0; z-index: 10; display: flex; flex-wrap: wrap; align-items: center; gap: 8px;
  padding: 10px 20px; background: #1b1b1b; color: #fff; font: 14px/1.4 sans-serif; }
.docs-login strong { margin-right: 12px; font-size: 16px; }
.docs-login button { padding: 4px 12px; border: 1px solid #49cc90; border-radius: 4px; background: #2b2b2b; color: #fff;
  font: inherit; cursor: pointer; }
.docs-login button:hover { background: #49cc90; color: #1b1b1b; }
.docs-login button[data-logout] { border-color: #888; }
.docs-login output { margin-left: 12px; color: #ccc; }
.docs-login output[data-state="ok"] { color: #49cc90; }
.docs-login output[data-state="error"] { color: #f93e3e; }
`;
