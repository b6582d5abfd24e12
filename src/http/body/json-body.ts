import type { Request, Response } from 'express';
import { AppError } from '../../errors/app-error.js';
import { issue } from '../../errors/issue.js';
import { contextOf } from '../context.js';

/** Deepest nesting a body may have; deeper ones are refused before anything walks them. */
export const MAX_BODY_DEPTH = 32;

function isJsonContentType(value: string | undefined): boolean {
  if (value === undefined) return false;
  const [mediaType = ''] = value.toLowerCase().split(';');
  const type = mediaType.trim();
  return type === 'application/json' || (type.startsWith('application/') && type.endsWith('+json'));
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

/**
 * The request body as a JSON object: 415 when it is not declared JSON, 400 (member `$`) when it is
 * malformed, too deep or not an object.
 */
export function readJsonObject(req: Request, res: Response): Record<string, unknown> {
  const contentType = req.get('content-type');
  if (!isJsonContentType(contentType)) {
    throw new AppError('unsupported_media_type', { contentType: contentType ?? null });
  }
  const text = contextOf(res).rawBody.toString('utf8');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new AppError('validation_failed', {
      issues: [issue('body.malformed_json', '$', { position: positionOf(error) })],
    });
  }
  if (depthOf(value, MAX_BODY_DEPTH) > MAX_BODY_DEPTH) {
    throw new AppError('validation_failed', { issues: [issue('body.too_deep', '$', { limit: MAX_BODY_DEPTH })] });
  }
  if (jsonTypeOf(value) !== 'object') {
    throw new AppError('validation_failed', { issues: [issue('body.not_object', '$', { actual: jsonTypeOf(value) })] });
  }
  return value as Record<string, unknown>;
}
