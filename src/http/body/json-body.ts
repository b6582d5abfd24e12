import type { Request, Response } from 'express';
import { AppError } from '../../errors/app-error.js';
import { issue, type Issue } from '../../errors/issue.js';
import { contextOf } from '../context.js';

/** Deepest nesting a body may have; deeper ones are refused before anything walks them. */
export const MAX_BODY_DEPTH = 32;

/** The request's declared media type and charset, lower case (`null` when absent). */
function declaredType(value: string | undefined): { type: string | null; charset: string | null } {
  if (value === undefined) return { type: null, charset: null };
  const [mediaType = '', ...params] = value.toLowerCase().split(';');
  const charset = params
    .map((param) => param.split('='))
    .find(([name]) => name?.trim() === 'charset')?.[1]
    ?.trim()
    .replace(/^"(.*)"$/, '$1');
  return { type: mediaType.trim(), charset: charset ?? null };
}

function isJsonType(type: string | null): boolean {
  if (type === null) return false;
  return type === 'application/json' || (type.startsWith('application/') && type.endsWith('+json'));
}

/**
 * 415 unless the body is declared JSON (`application/json` or `application/*+json`), in utf-8 (the only charset
 * read) and not encoded (`Content-Encoding` absent or `identity`): the body is read as the bytes received.
 */
export function checkJsonDeclared(req: Request): void {
  const encoding = req.get('content-encoding')?.trim();
  if (encoding !== undefined && encoding !== '' && encoding.toLowerCase() !== 'identity') {
    throw new AppError('unsupported_encoding', { encoding });
  }
  const contentType = req.get('content-type');
  const { type, charset } = declaredType(contentType);
  if (!isJsonType(type)) throw new AppError('unsupported_media_type', { contentType: contentType ?? null });
  if (charset !== null && charset !== 'utf-8') {
    throw new AppError('unsupported_charset', { charset });
  }
}

function jsonTypeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/** Nesting depth of parsed JSON, counted without recursion (so a hostile body cannot overflow the stack). */
export function depthOf(value: unknown, limit: number): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop() as [unknown, number];
    if (typeof current !== 'object' || current === null) continue;
    deepest = Math.max(deepest, depth);
    if (deepest > limit) return deepest;
    for (const child of Object.values(current)) stack.push([child, depth + 1]);
  }
  return deepest;
}

function positionOf(error: unknown): number | null {
  const match = /position (\d+)/.exec(error instanceof Error ? error.message : '');
  return match?.[1] === undefined ? null : Number(match[1]);
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** JSON bytes as a value, or the one issue (member `$`) that stops it: not UTF-8, not JSON, too deep. */
export function parseJsonBytes(bytes: Uint8Array): { ok: true; value: unknown } | { ok: false; issue: Issue } {
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    return { ok: false, issue: issue('body.not_utf8', '$', {}) };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, issue: issue('body.malformed_json', '$', { position: positionOf(error) }) };
  }
  if (depthOf(value, MAX_BODY_DEPTH) > MAX_BODY_DEPTH) {
    return { ok: false, issue: issue('body.too_deep', '$', { limit: MAX_BODY_DEPTH }) };
  }
  return { ok: true, value };
}

/**
 * The request body as JSON, the one reader of every route (PORTOS, `/api/auth`, the control API): 415 unless
 * declared JSON, utf-8 and not encoded; 400 (member `$`) when not UTF-8, malformed or too deep. An empty body is
 * `whenEmpty` if given (checked for nothing else), else malformed.
 */
export function readJsonBody(req: Request, res: Response, options: { whenEmpty?: unknown } = {}): unknown {
  const bytes = contextOf(res).rawBody;
  if (bytes.length === 0 && 'whenEmpty' in options) return options.whenEmpty;
  checkJsonDeclared(req);
  const parsed = parseJsonBytes(bytes);
  if (!parsed.ok) throw new AppError('validation_failed', { issues: [parsed.issue] });
  return parsed.value;
}

/** The request body as a JSON object: as `readJsonBody`, and 400 (member `$`) when it is not an object. */
export function readJsonObject(req: Request, res: Response): Record<string, unknown> {
  const value = readJsonBody(req, res);
  if (jsonTypeOf(value) !== 'object') {
    throw new AppError('validation_failed', { issues: [issue('body.not_object', '$', { actual: jsonTypeOf(value) })] });
  }
  return value as Record<string, unknown>;
}
