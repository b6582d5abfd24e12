import { html, type Html } from '../../html/markup.js';

/** What the page frame shows around the sections. */
export interface PanelFrame {
  /** The panel's own URL (`/_mock/ui`): its script and stylesheet live below it. */
  panel: string;
  prefix: string;
  basePath: string;
  docs: boolean;
  counts: { customers: number; faults: number; locks: number; snapshots: number };
}

/** The document around a header and a `<main>`: the stylesheet, the message area and the script. */
function panelDocument(panel: string, header: Html, main: Html): Html {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>PORTOS mock · control panel</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${panel}/panel.css">
</head>
<body>
${header}
<div id="flash" role="status" hidden></div>
${main}
<script src="${panel}/panel.js"></script>
</body>
</html>
`;
}

/** The control panel page: a header with counts and links, a message area, and the sections in two columns. */
export function renderPanelPage(
  frame: PanelFrame,
  sections: {
    customers: Html;
    requests: Html;
    notifications: Html;
    resources: Html;
    faults: Html;
    locks: Html;
    clock: Html;
    data: Html;
  },
): Html {
  const { counts, panel } = frame;
  return panelDocument(
    panel,
    html`<header class="top">
<strong>PORTOS mock</strong> <span>control panel</span>
<span class="counts">${counts.customers} customers · ${counts.faults} faults · ${counts.locks} locks · ${counts.snapshots} snapshots</span>
<nav>${frame.docs ? html`<a href="/docs">API docs</a>` : ''}<a href="${frame.basePath}/openapi.json">openapi.json</a><a href="${frame.prefix}/">control API</a></nav>
</header>`,
    html`<main class="grid">
<div class="wide">${sections.customers}</div>
<div class="side">${sections.requests}${sections.notifications}${sections.resources}${sections.faults}${sections.locks}${sections.clock}${sections.data}</div>
</main>`,
  );
}

/**
 * The page without the control token: no data at all, only the frame. Its script asks for the token, then loads
 * the page with it and shows that (src/control/CONTROL-API.md#the-control-token).
 */
export function renderTokenPage(panel: string): Html {
  return panelDocument(
    panel,
    html`<header class="top"><strong>PORTOS mock</strong> <span>control panel</span></header>`,
    html`<main class="grid" data-needs-token>
<section class="card"><h2>Control token</h2>
<p>This mock's control API asks for its control token (<code>--control-token</code>, <code>PORTOS_MOCK_CONTROL_TOKEN</code>).
The panel asks for it once and keeps it for this tab only.</p>
<button type="button" id="token-ask">Enter the token</button></section>
</main>`,
  );
}
