/**
 * Exits quietly (code 0) when the reader of `stream` goes away, as `| head` does: EPIPE is not a failure of the
 * command. Any other write error still fails loudly.
 */
export function exitQuietlyOnEpipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(0);
  });
}
