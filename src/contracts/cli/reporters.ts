export const REPORTERS = ['console', 'junit', 'json', 'html'] as const;
export type ReporterName = (typeof REPORTERS)[number];

/** One report of a run: to `file`, or to stdout when it has none. */
export interface ReporterTarget {
  name: ReporterName;
  file?: string;
}

function isReporter(name: string): name is ReporterName {
  return (REPORTERS as readonly string[]).includes(name);
}

/**
 * `--reporter NAME[:FILE]` (repeatable) and `--out FILE` → the reports to write. The console progress and summary
 * are always on, so a bare `console` adds nothing; `--out` gives its file to the first reporter without one
 * (alone, it writes the console report); at most one reporter may go to stdout, and no two to the same file.
 */
export function parseReporters(
  specs: readonly string[],
  out: string | undefined,
): { ok: true; value: ReporterTarget[] } | { ok: false; error: string } {
  const targets: ReporterTarget[] = [];
  for (const spec of specs) {
    const colon = spec.indexOf(':');
    const name = colon < 0 ? spec : spec.slice(0, colon);
    const file = colon < 0 ? undefined : spec.slice(colon + 1);
    if (!isReporter(name))
      return { ok: false, error: `--reporter must be one of ${REPORTERS.join(', ')}, got '${name}'` };
    if (file === '') return { ok: false, error: `--reporter ${name}: names no file after ':'` };
    if (name === 'console' && file === undefined) continue;
    targets.push({ name, ...(file === undefined ? {} : { file }) });
  }
  if (out !== undefined) {
    const first = targets.find((t) => t.file === undefined);
    if (first !== undefined) first.file = out;
    else if (targets.length === 0) targets.push({ name: 'console', file: out });
    else return { ok: false, error: '--out names a file, but every --reporter already has one' };
  }
  const toStdout = targets.filter((t) => t.file === undefined);
  if (toStdout.length > 1)
    return {
      ok: false,
      error: `only one reporter can write to stdout (${toStdout.map((t) => t.name).join(', ')}): give the others a file, e.g. --reporter junit:results.xml`,
    };
  const files = targets.flatMap((t) => (t.file === undefined ? [] : [t.file]));
  const twice = files.find((f, i) => files.indexOf(f) !== i);
  if (twice !== undefined) return { ok: false, error: `two reporters write to ${twice}` };
  return { ok: true, value: targets };
}
