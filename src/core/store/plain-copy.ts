/**
 * Role: copying plain JSON data without going through JSON text. The in-memory store keeps a copy of each value and
 * hands out copies (so callers never share one object, as with a real store); writing the value as JSON and parsing
 * it back on every turn was about 9% of the engine's CPU per message (ADR 33). For plain data — strings, booleans,
 * null, finite numbers, arrays without holes, objects made by `{}` — a walk gives exactly what the JSON round trip
 * gives; for anything else the caller takes the JSON round trip itself, so what is kept never differs.
 */

/** What {@link plainCopy} returns for a value it does not copy: the caller goes through JSON instead. */
export const NOT_PLAIN: unique symbol = Symbol("not plain JSON data");

/** Deeper than this, the value is left to JSON (which also reports a cycle): state is a few levels deep. */
const MAX_DEPTH = 32;

/**
 * A deep copy of `value` equal to `JSON.parse(JSON.stringify(value))`, or {@link NOT_PLAIN} when the value holds
 * anything whose JSON form is not itself (a Date, a class instance, `toJSON`, -0, NaN, an array hole, a function, a
 * bigint, a `__proto__` key, a cycle). An object property that is undefined is left out, as JSON leaves it out.
 */
export function plainCopy(value: unknown): unknown {
  return copy(value, 0);
}

function copy(value: unknown, depth: number): unknown {
  switch (typeof value) {
    case "string":
    case "boolean":
      return value;
    case "number":
      // JSON writes NaN and the infinities as null and -0 as 0.
      return Number.isFinite(value) && !Object.is(value, -0) ? value : NOT_PLAIN;
    case "object":
      break;
    default:
      // undefined, functions, symbols (left out or null in JSON), bigints (JSON throws).
      return NOT_PLAIN;
  }
  if (value === null) return null;
  if (depth >= MAX_DEPTH) return NOT_PLAIN;
  if (Array.isArray(value)) {
    if (Object.getPrototypeOf(value) !== Array.prototype) return NOT_PLAIN;
    const out: unknown[] = new Array(value.length);
    for (let i = 0; i < value.length; i++) {
      if (!(i in value)) return NOT_PLAIN;
      const item = copy(value[i], depth + 1);
      if (item === NOT_PLAIN) return NOT_PLAIN;
      out[i] = item;
    }
    // Only the indexes: JSON writes no other property of an array.
    return Object.keys(value).length === value.length ? out : NOT_PLAIN;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return NOT_PLAIN;
  const source = value as Record<string, unknown>;
  if ("toJSON" in source) return NOT_PLAIN;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(source)) {
    // JSON.parse makes "__proto__" an own property; assigning it would set the copy's prototype instead.
    if (key === "__proto__") return NOT_PLAIN;
    const item = source[key];
    if (item === undefined) continue;
    const copied = copy(item, depth + 1);
    if (copied === NOT_PLAIN) return NOT_PLAIN;
    out[key] = copied;
  }
  return out;
}
