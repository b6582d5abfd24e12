import { Agent, type Dispatcher } from 'undici';

/** One request the runner sent and the response it got, as they were on the wire. */
export interface TappedExchange {
  method: string;
  /** Path and query, as sent. */
  path: string;
  /** Lower-case names; a repeated header joined with `, `. */
  requestHeaders: Record<string, string>;
  requestBody: Buffer | undefined;
  status: number;
  responseHeaders: Record<string, string>;
  responseBody: Buffer;
}

/** An exchange tap: give `dispatcher` to the runner (`HttpOptions.dispatcher`); `exchanges` fills as responses complete. */
export interface ExchangeTap {
  dispatcher: Dispatcher;
  exchanges: TappedExchange[];
  close(): Promise<void>;
}

function addHeader(out: Record<string, string>, name: string, value: string): void {
  const key = name.toLowerCase();
  out[key] = out[key] === undefined ? value : `${out[key]}, ${value}`;
}

function requestHeadersOf(headers: Dispatcher.DispatchOptions['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  if (headers === null || headers === undefined) return out;
  if (Array.isArray(headers)) {
    for (let i = 0; i + 1 < headers.length; i += 2) addHeader(out, String(headers[i]), String(headers[i + 1]));
    return out;
  }
  const entries: Iterable<[string, string | string[] | undefined]> =
    Symbol.iterator in headers
      ? (headers as Iterable<[string, string | string[] | undefined]>)
      : Object.entries(headers);
  for (const [name, value] of entries) {
    for (const v of value === undefined ? [] : Array.isArray(value) ? value : [value]) addHeader(out, name, v);
  }
  return out;
}

function bodyOf(body: Dispatcher.DispatchOptions['body']): Buffer | undefined {
  if (typeof body === 'string') return Buffer.from(body, 'utf8');
  if (body instanceof Uint8Array) return Buffer.from(body);
  if (body === null || body === undefined) return undefined;
  throw new Error('exchange tap: only string and buffer request bodies can be recorded');
}

/** Passes every callback on unchanged and hands the completed exchange to `done`. */
function recording(
  handler: Dispatcher.DispatchHandlers,
  request: Omit<TappedExchange, 'status' | 'responseHeaders' | 'responseBody'>,
  done: (exchange: TappedExchange) => void,
): Dispatcher.DispatchHandlers {
  let status = 0;
  const headers: Record<string, string> = {};
  const chunks: Buffer[] = [];
  return {
    onConnect: (abort) => handler.onConnect?.(abort),
    onError: (error) => handler.onError?.(error),
    onUpgrade: (statusCode, raw, socket) => handler.onUpgrade?.(statusCode, raw, socket),
    onResponseStarted: () => handler.onResponseStarted?.(),
    onHeaders: (statusCode, raw, resume, statusText) => {
      status = statusCode;
      for (const key of Object.keys(headers)) delete headers[key];
      for (let i = 0; i + 1 < raw.length; i += 2) addHeader(headers, String(raw[i]), String(raw[i + 1]));
      return handler.onHeaders?.(statusCode, raw, resume, statusText) ?? true;
    },
    onData: (chunk) => {
      chunks.push(Buffer.from(chunk));
      return handler.onData?.(chunk) ?? true;
    },
    onComplete: (trailers) => {
      done({ ...request, status, responseHeaders: { ...headers }, responseBody: Buffer.concat(chunks) });
      handler.onComplete?.(trailers);
    },
    onBodySent: (size, total) => handler.onBodySent?.(size, total),
  };
}

/** A dispatcher that records every exchange the runner makes (scenario steps, logins, cleanup) without changing it. */
export function exchangeTap(): ExchangeTap {
  const exchanges: TappedExchange[] = [];
  const agent = new Agent();
  const record: Dispatcher.DispatcherComposeInterceptor = (dispatch) => (options, handler) => {
    const request = {
      method: options.method,
      path: options.path,
      requestHeaders: requestHeadersOf(options.headers),
      requestBody: bodyOf(options.body),
    };
    return dispatch(
      options,
      recording(handler, request, (exchange) => void exchanges.push(exchange)),
    );
  };
  return { dispatcher: agent.compose(record), exchanges, close: () => agent.close() };
}
