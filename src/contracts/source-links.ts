import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** One cited place of a scenario's `source:`: a repository-relative link and, optionally, a note on what it says. */
export interface SourceItem {
  link: string;
  note?: string;
}

/** The form of every link a `source:` may hold: into the PORTOS facts, our decisions, or the control API's doc. */
export const SOURCE_LINK =
  /^(docs\/portos\/[a-z-]+\.md|docs\/decisions\.md|src\/control\/CONTROL-API\.md)#([a-z0-9_-]+)$/;

const ITEM = /^([^\s,()]+)(?: \(((?:[^()]|\([^()]*\))*)\))?(?:, |$)/;

/**
 * Splits `link (note), link, …` (src/contracts/FORMAT.md, "Provenance"); a note may hold commas and one level of
 * `(…)`. Returns the items read and, when some text cannot be read, that text.
 */
export function splitSource(source: string): { items: SourceItem[]; unread?: string } {
  const items: SourceItem[] = [];
  let rest = source.trim();
  while (rest !== '') {
    const match = ITEM.exec(rest);
    if (match === null) return { items, unread: rest };
    items.push({ link: match[1] ?? '', ...(match[2] === undefined ? {} : { note: match[2] }) });
    rest = rest.slice(match[0].length);
  }
  return { items };
}

/** Where a cited file lies in this installed package, as a `file:` URL the HTML report can link to. */
export function sourceHref(link: string, root: string): string | undefined {
  const parts = SOURCE_LINK.exec(link);
  if (parts === null) return undefined;
  return `${pathToFileURL(join(root, parts[1] ?? '')).href}#${parts[2] ?? ''}`;
}
