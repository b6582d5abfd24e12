// The panel's stylesheet, served by the mock.

/**
 * One page in two columns: customers on the left; request log, notifications, faults, locks, clock and data on the
 * right.
 */
export const PANEL_STYLE = `
:root { --line: #d0d7de; --muted: #57606a; --ok: #1a7f37; --bad: #cf222e; --warn: #9a6700; --accent: #0969da; }
* { box-sizing: border-box; }
body { margin: 0; font: 13px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1f2328; background: #f6f8fa; }
code, pre, .id, .url, .time { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 12px; }
a { color: var(--accent); }
.top { display: flex; align-items: center; gap: 12px; padding: 8px 16px; background: #1b1b1b; color: #fff; }
.top strong { font-size: 15px; }
.top .counts { color: #bbb; }
.top nav { margin-left: auto; display: flex; gap: 14px; }
.top nav a { color: #9cd2ff; }
#flash { margin: 8px 16px 0; padding: 6px 10px; border-radius: 6px; }
#flash.ok { background: #dafbe1; border: 1px solid var(--ok); }
#flash.error { background: #ffebe9; border: 1px solid var(--bad); }
#flash ul { margin: 4px 0 0; padding-left: 18px; }
.grid { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 12px; padding: 12px 16px; align-items: start; }
.card { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 8px 12px; margin-bottom: 12px; }
h2 { margin: 0 0 6px; font-size: 15px; }
h3 { margin: 8px 0 4px; font-size: 13px; }
.muted, .hint, .examples { color: var(--muted); }
.hint, .examples { font-size: 12px; margin: 4px 0; }
.row { display: flex; flex-wrap: wrap; align-items: center; gap: 6px 10px; margin: 4px 0; }
form.api { display: inline; }
input, select, button { font: inherit; }
input, select { padding: 2px 4px; border: 1px solid var(--line); border-radius: 4px; }
input[type="number"] { width: 6em; }
button { padding: 2px 10px; border: 1px solid var(--accent); border-radius: 4px; background: var(--accent); color: #fff; cursor: pointer; }
button.quiet { background: #fff; color: var(--accent); border-color: var(--line); }
button.danger { background: var(--bad); border-color: var(--bad); }
[hidden] { display: none !important; }
.search { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; }
.query code { padding: 2px 6px; background: #eaeef2; border-radius: 4px; }
.problems { padding: 6px 10px; background: #ffebe9; border: 1px solid var(--bad); border-radius: 6px; }
table { width: 100%; border-collapse: collapse; }
th { text-align: left; font-weight: 600; color: var(--muted); border-bottom: 1px solid var(--line); padding: 2px 4px; }
td { padding: 3px 4px; border-bottom: 1px solid #eaeef2; vertical-align: top; }
.num { text-align: right; }
.customers td.contact { overflow-wrap: anywhere; }
.customers .id { font-size: 11px; color: var(--muted); }
.customers td.num, .customers td.actions { white-space: nowrap; }
.customers tr.locked { background: #fff8c5; }
.customers details summary { cursor: pointer; color: var(--accent); font-size: 12px; }
.customers pre { max-width: 420px; max-height: 300px; overflow: auto; background: #f6f8fa; padding: 6px; }
.badge { font-size: 11px; padding: 0 6px; border-radius: 8px; background: #eaeef2; }
.badge.Valid { background: #dafbe1; } .badge.Expired { background: #ffebe9; } .badge.NotYetValid { background: #fff8c5; }
.paging { margin: 6px 0; }
.scroll { max-height: 260px; overflow: auto; }
.log { table-layout: fixed; }
.log th:nth-child(1) { width: 68px; } .log th:nth-child(3) { width: 48px; } .log th:nth-child(4) { width: 44px; }
.log th:nth-child(5) { width: 60px; } .log th:nth-child(6) { width: 84px; }
.log td { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.status.s-2xx { color: var(--ok); font-weight: 600; } .status.s-4xx { color: var(--warn); font-weight: 600; }
.status.s-5xx, .status.s-none { color: var(--bad); font-weight: 600; }
.live { font-size: 11px; font-weight: 600; color: #fff; background: var(--ok); border-radius: 8px; padding: 0 6px; vertical-align: middle; }
#requests form.api, #notifications form.api { float: right; margin-top: -26px; }
.log.notifications th:nth-child(2) { width: 116px; } .log.notifications th:nth-child(3) { width: 58px; }
.log.notifications th:nth-child(4) { width: auto; } .log.notifications th:nth-child(5) { width: 30px; }
.log.notifications th:nth-child(6) { width: 70px; }
ul.rules { margin: 4px 0; padding-left: 18px; }
ul.rules li { margin: 2px 0; }
`;
