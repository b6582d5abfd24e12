/**
 * A `node:util` parseArgs error as one line in our words: its first sentence (`Unknown option '--nope'`,
 * `Option '--port <value>' argument missing`), without Node's advice about `--`.
 */
export function argsErrorLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const first = message.split(/\.\s/)[0] ?? message;
  return first.charAt(0).toLowerCase() + first.slice(1);
}
