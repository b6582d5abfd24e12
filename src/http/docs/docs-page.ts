import { html, jsonScript, type Html } from '../../html/markup.js';

/** The fixture users of `fixtures/identities.json` (password = user name) and what each may do. */
export const DOCS_LOGINS = [
  { userName: 'admin', rights: 'everything' },
  { userName: 'manager', rights: 'create, update, delete, set credit and discount' },
  { userName: 'clerk', rights: 'create and update' },
  { userName: 'viewer', rights: 'read only' },
] as const;

/** Where the page finds its parts; every URL is the mock's own. */
export interface DocsPageOptions {
  /** The OpenAPI document (`{base}/openapi.json`, whose `servers` is the mock itself). */
  specUrl: string;
  /** `POST` here with `{userName, password, deviceName}` to log in (`{base}/api/auth`). */
  loginUrl: string;
  /** swagger-ui-dist's folder as served (`/docs/assets`). */
  assetsUrl: string;
  /** The page's own script and stylesheet folder (`/docs`). */
  pageUrl: string;
  deviceName: string;
}

/** The API docs page: swagger-ui over the mock's spec, with one-click log-in as a fixture user. */
export function renderDocsPage(options: DocsPageOptions): Html {
  const { assetsUrl, pageUrl } = options;
  const config = { specUrl: options.specUrl, loginUrl: options.loginUrl, deviceName: options.deviceName };
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>PORTOS mock · API docs</title>
<link rel="icon" href="${assetsUrl}/favicon-32x32.png">
<link rel="stylesheet" href="${assetsUrl}/swagger-ui.css">
<link rel="stylesheet" href="${pageUrl}/docs.css">
</head>
<body>
<header class="docs-login" aria-label="Log in to try the routes">
  <strong>PORTOS mock</strong>
  <span>Log in as</span>
  ${DOCS_LOGINS.map((l) => html`<button type="button" data-login="${l.userName}" title="${l.userName}/${l.userName}: ${l.rights}">${l.userName}</button>`)}
  <button type="button" data-logout>Log out</button>
  <output id="login-status" role="status">Not logged in: routes that need credentials answer 401.</output>
</header>
<div id="swagger-ui"></div>
<script type="application/json" id="docs-config">${jsonScript(config)}</script>
<script src="${assetsUrl}/swagger-ui-bundle.js"></script>
<script src="${pageUrl}/docs.js"></script>
</body>
</html>
`;
}
