/** The console logger the mock writes requests and webhook outcomes to (a pino logger fits; tests pass none). */
export interface ConsoleLog {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
}

export const SILENT_LOG: ConsoleLog = { info: () => undefined, warn: () => undefined };
