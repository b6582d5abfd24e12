import { html, type Html, type HtmlPart } from '../../html/markup.js';

/**
 * A form the panel's script sends to the control API as JSON (`name="scope.route"` nests; `{id}` in the URL takes
 * the field `id`), then reloads the page and says `done`; a problem answer is shown instead. With `confirm` the
 * script asks that question first and sends nothing unless the person agrees.
 */
export function apiForm(
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  api: string,
  done: string,
  content: HtmlPart,
  label?: string,
  options: { confirm?: string } = {},
): Html {
  return html`<form class="api" data-method="${method}" data-api="${api}" data-done="${done}"${label === undefined ? '' : html` aria-label="${label}"`}${options.confirm === undefined ? '' : html` data-confirm="${options.confirm}"`}>${content}</form>`;
}

/** A `<select>`: an empty first option labelled `empty` (for "any"), one preselected option, sent as a number. */
export function select(
  name: string,
  options: readonly string[],
  choice: { empty?: string; selected?: string; number?: boolean } = {},
): Html {
  const empty = choice.empty === undefined ? '' : html`<option value="">${choice.empty}</option>`;
  return html`<select name="${name}"${choice.number === true ? html` data-type="number"` : ''}>${empty}${options.map((o) => html`<option${o === choice.selected ? html` selected` : ''}>${o}</option>`)}</select>`;
}
