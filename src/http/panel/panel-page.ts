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

/** The control panel page: a header with counts and links, a message area, and the sections in two columns. */
export function renderPanelPage(
  frame: PanelFrame,
  sections: { customers: Html; requests: Html; faults: Html; locks: Html; clock: Html; data: Html },
): Html {
  const { counts, panel } = frame;
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
<header class="top">
<strong>PORTOS mock</strong> <span>control panel</span>
<span class="counts">${counts.customers} customers · ${counts.faults} faults · ${counts.locks} locks · ${counts.snapshots} snapshots</span>
<nav>${frame.docs ? html`<a href="/docs">API docs</a>` : ''}<a href="${frame.basePath}/openapi.json">openapi.json</a><a href="${frame.prefix}/">control API</a></nav>
</header>
<div id="flash" role="status" hidden></div>
<main class="grid">
<div class="wide">${sections.customers}</div>
<div class="side">${sections.requests}${sections.faults}${sections.locks}${sections.clock}${sections.data}</div>
</main>
<script src="${panel}/panel.js"></script>
</body>
</html>
`;
}
