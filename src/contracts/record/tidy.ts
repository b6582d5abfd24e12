import type { Step } from '../scenario.js';

// Last touches on a recording: captures nobody uses go, the rest are numbered from 1, shared `as`/`lang` move up.

/** Leaves out captures no later step uses. */
export function pruneCaptures(steps: Step[]): Step[] {
  return steps.map((step, i) => {
    if (step.capture === undefined) return step;
    const later = JSON.stringify(steps.slice(i + 1));
    const used = Object.entries(step.capture).filter(([name]) =>
      new RegExp(`\\$\\{${name}(?![A-Za-z0-9_])`).test(later),
    );
    const { capture: _dropped, ...rest } = step;
    return used.length === 0 ? rest : { ...rest, capture: Object.fromEntries(used) };
  });
}

/** Renumbers the captures that survived pruning (`id2`, `id5` → `id`, `id2`) and their uses. */
export function renumberCaptures(steps: Step[]): Step[] {
  const names = steps.flatMap((s) => Object.keys(s.capture ?? {}));
  const counts = new Map<string, number>();
  const renames = new Map<string, string>();
  for (const name of names) {
    const base = name.replace(/\d+$/, '');
    const n = (counts.get(base) ?? 0) + 1;
    counts.set(base, n);
    renames.set(name, n === 1 ? base : `${base}${n}`);
  }
  let text = JSON.stringify(steps);
  text = text.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)/g, (m, name: string) =>
    renames.has(name) ? `\${${renames.get(name) ?? name}` : m,
  );
  const renamed = JSON.parse(text) as Step[];
  return renamed.map((step) =>
    step.capture === undefined
      ? step
      : {
          ...step,
          capture: Object.fromEntries(Object.entries(step.capture).map(([k, v]) => [renames.get(k) ?? k, v])),
        },
  );
}

/** Moves an `as` or `lang` every step shares up to the scenario. */
export function hoist(steps: Step[], key: 'as' | 'lang'): { value?: string | string[]; steps: Step[] } {
  const values = new Set(steps.map((s) => JSON.stringify(s[key] ?? null)));
  const [only] = steps;
  if (values.size !== 1 || only?.[key] === undefined) return { steps };
  return { value: only[key], steps: steps.map(({ [key]: _hoisted, ...rest }) => rest) };
}
