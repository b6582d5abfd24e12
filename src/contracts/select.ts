import type { LoadedScenario } from './scenario.js';

/** Which scenarios to run: tag groups (each `--tags` flag must hold), a text or /regex/, and a shard. */
export interface Selection {
  /** Each entry is one `--tags` value: a comma list where any tag qualifies and `!tag` excludes. */
  tags?: readonly string[];
  grep?: string;
  shard?: { index: number; count: number };
}

/** `2/4` → the second of four shards; undefined when malformed. */
export function parseShard(text: string): { index: number; count: number } | undefined {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  return m !== null && count >= 1 && index >= 1 && index <= count ? { index, count } : undefined;
}

function tagGroupHolds(group: string, tags: readonly string[]): boolean {
  const items = group
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  const excluded = items.filter((t) => t.startsWith('!')).map((t) => t.slice(1));
  const wanted = items.filter((t) => !t.startsWith('!'));
  return !excluded.some((t) => tags.includes(t)) && (wanted.length === 0 || wanted.some((t) => tags.includes(t)));
}

function grepMatcher(grep: string): (text: string) => boolean {
  const regex = /^\/(.+)\/([a-z]*)$/.exec(grep);
  if (regex !== null) {
    const pattern = new RegExp(regex[1] ?? '', regex[2]);
    return (text) => pattern.test(text);
  }
  const needle = grep.toLowerCase();
  return (text) => text.toLowerCase().includes(needle);
}

/** The scenarios a selection keeps, in a stable order (by id); shards split that order round-robin. */
export function selectScenarios(scenarios: readonly LoadedScenario[], selection: Selection): LoadedScenario[] {
  const grep = selection.grep === undefined ? () => true : grepMatcher(selection.grep);
  const kept = scenarios
    .filter((s) => (selection.tags ?? []).every((group) => tagGroupHolds(group, s.tags)))
    .filter((s) => grep(s.id))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const shard = selection.shard;
  return shard === undefined ? kept : kept.filter((_, i) => i % shard.count === shard.index - 1);
}
