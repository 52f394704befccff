import type { Engine } from "./engine.ts";

/**
 * The engine with its answers remembered. Every method is a pure function of its arguments over a
 * dataset that does not change while the process runs, so the same question gets the same
 * answer: a bot asked `/policy torch` a thousand times resolves and builds it once. Each method
 * keeps its last `capacity` results (least recently used dropped first), so memory is bounded
 * however many different questions arrive. Results are frozen: they are shared between callers,
 * and one that changed a shared answer would change everyone's.
 */

export const DEFAULT_MEMO_CAPACITY = 256;

/** A bounded map that forgets the least recently used entry first. */
export class Lru<V> {
  private readonly entries = new Map<string, V>();
  constructor(readonly capacity: number) {}

  get size(): number {
    return this.entries.size;
  }

  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      // Touched: now the most recently used.
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
  }
}

/** Freezes a value and everything reachable from it (plain data: objects and arrays). */
export function deepFreeze<T>(value: T): T {
  if (typeof value !== "object" || value === null || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  return value;
}

/** JSON with undefined kept apart from null (JSON would merge them), for object arguments. */
function objectKey(value: unknown): string | undefined {
  return JSON.stringify(value, (_name, inner: unknown) =>
    inner === undefined ? "\u0000undefined" : inner,
  );
}

/**
 * The arguments as a key, one part per argument, each marked with its type: most calls pass a
 * question's text or a name, which go in as they are (length first, so no text can run into the
 * next part); only objects (an intent, a conversation's state) are written out as JSON.
 */
export function memoKey(args: readonly unknown[]): string {
  let key = "";
  for (const arg of args) {
    if (typeof arg === "string") key += `s${arg.length}:${arg}`;
    else if (arg === undefined) key += "u;";
    else if (arg === null) key += "n;";
    else if (typeof arg === "number" || typeof arg === "boolean") key += `p${String(arg)};`;
    else {
      // A value JSON has no text for (a function) is told apart by its type.
      const json = objectKey(arg) ?? `(${typeof arg})`;
      key += `o${json.length}:${json}`;
    }
  }
  return key;
}

function memoize<A extends unknown[], R>(
  compute: (...args: A) => R,
  capacity: number,
): (...args: A) => R {
  const cache = new Lru<{ result: R }>(capacity);
  return (...args: A): R => {
    const key = memoKey(args);
    const hit = cache.get(key);
    if (hit !== undefined) return hit.result;
    const result = deepFreeze(compute(...args));
    cache.set(key, { result });
    return result;
  };
}

export function memoizeEngine(engine: Engine, capacity = DEFAULT_MEMO_CAPACITY): Engine {
  const memo = <A extends unknown[], R>(compute: (...args: A) => R): ((...args: A) => R) =>
    memoize(compute, capacity);
  return {
    countries: engine.countries,
    resolveQuestion: memo((text: string) => engine.resolveQuestion(text)),
    answerIntent: memo((intent: Parameters<Engine["answerIntent"]>[0]) =>
      engine.answerIntent(intent),
    ),
    ask: memo((text: string) => engine.ask(text)),
    resolveInContext: memo((text: string, state: Parameters<Engine["resolveInContext"]>[1]) =>
      engine.resolveInContext(text, state),
    ),
    converse: memo((text: string, state: Parameters<Engine["converse"]>[1]) =>
      engine.converse(text, state),
    ),
    policyAnswer: memo((policyRef: string, field: Parameters<Engine["policyAnswer"]>[1]) =>
      engine.policyAnswer(policyRef, field),
    ),
    compareAnswer: memo((policyRefs: string[], field: Parameters<Engine["compareAnswer"]>[1]) =>
      engine.compareAnswer(policyRefs, field),
    ),
    countryAnswer: memo((countryRef: string, field: Parameters<Engine["countryAnswer"]>[1]) =>
      engine.countryAnswer(countryRef, field),
    ),
    sourcesAnswer: memo((countryRef: string | null, policyRef: string | null) =>
      engine.sourcesAnswer(countryRef, policyRef),
    ),
    suggestPolicies: memo((query: string, limit?: number) => engine.suggestPolicies(query, limit)),
    suggestCountries: memo((query: string, limit?: number) =>
      engine.suggestCountries(query, limit),
    ),
    findPolicy: memo((ref: string) => engine.findPolicy(ref)),
    findCountry: memo((ref: string) => engine.findCountry(ref)),
  };
}
