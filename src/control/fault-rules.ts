import type { Fault } from './fault-kinds.js';
import { PathGlob } from './path-glob.js';
import type { RouteName } from './route-names.js';

/** Which requests a rule applies to; every given part must match. */
export interface FaultScope {
  /** A route name (`customers`, `customer`, `stocks`, `stock`, …, `auth`, `health`, `openapi`) or a path glob starting with `/`. */
  route?: string;
  /** An HTTP method, upper case. */
  method?: string;
  /** An item key as text (the path key, or the key member of a POST body: `id`, `name`, `category`…). */
  id?: string;
  /** The share of matching requests it applies to, drawn with the injected random source: 0 < share ≤ 1. */
  share?: number;
  /** Applies this many times, then expires. */
  times?: number;
}

export interface FaultRule {
  id: string;
  fault: Fault;
  scope: FaultScope;
  /** Applications left before it expires (`null`: unlimited). */
  remaining: number | null;
  /** How often it has applied. */
  hits: number;
}

/** What the matcher knows of a request. */
export interface RequestFacts {
  method: string;
  /** Path relative to the base path, without the query. */
  path: string;
  route: RouteName | null;
  id: string | null;
}

/** HEAD is answered by the GET route, so a GET scope covers it too. */
function methodMatches(scoped: string | undefined, method: string): boolean {
  return scoped === undefined || scoped === method || (scoped === 'GET' && method === 'HEAD');
}

function routeMatches(scope: FaultScope, facts: RequestFacts): boolean {
  if (scope.route === undefined) return true;
  if (scope.route.startsWith('/')) return new PathGlob(scope.route).matches(facts.path);
  return scope.route === facts.route;
}

/**
 * The fault rules set through the control API, in the order added. `match` returns the faults of every rule
 * whose scope matches (drawing `share` from `random`) and counts `times` down, dropping rules that are used up.
 */
export class FaultRules {
  readonly #rules: FaultRule[] = [];
  readonly #random: () => number;
  #next = 1;

  constructor(random: () => number = Math.random) {
    this.#random = random;
  }

  add(fault: Fault, scope: FaultScope): FaultRule {
    const rule: FaultRule = { id: `f${this.#next++}`, fault, scope, remaining: scope.times ?? null, hits: 0 };
    this.#rules.push(rule);
    return rule;
  }

  list(): readonly FaultRule[] {
    return this.#rules;
  }

  get size(): number {
    return this.#rules.length;
  }

  remove(id: string): boolean {
    const at = this.#rules.findIndex((rule) => rule.id === id);
    if (at >= 0) this.#rules.splice(at, 1);
    return at >= 0;
  }

  clear(): void {
    this.#rules.length = 0;
  }

  match(facts: RequestFacts): Fault[] {
    const faults: Fault[] = [];
    for (const rule of [...this.#rules]) {
      const { scope } = rule;
      if (!methodMatches(scope.method, facts.method.toUpperCase())) continue;
      if (scope.id !== undefined && scope.id !== facts.id) continue;
      if (!routeMatches(scope, facts)) continue;
      if (scope.share !== undefined && this.#random() >= scope.share) continue;
      rule.hits += 1;
      if (rule.remaining !== null && --rule.remaining <= 0) this.remove(rule.id);
      faults.push(rule.fault);
    }
    return faults;
  }
}
