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
  // A toJSON inherited by every object or array changes every JSON form: checked once here, not per object (a
  // lookup that misses all the way up the prototype chain on each object cost more than the rest of the copy).
  if ("toJSON" in Object.prototype || "toJSON" in Array.prototype) return NOT_PLAIN;
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
      // A hole reads as undefined, which is not plain (JSON writes null for both).
      const item = copy(value[i], depth + 1);
      if (item === NOT_PLAIN) return NOT_PLAIN;
      out[i] = item;
    }
    // Only the indexes, as JSON writes an array.
    return out;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return NOT_PLAIN;
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(source)) {
    // JSON.parse makes "__proto__" an own property; assigning it would set the copy's prototype instead. An object's
    // own toJSON is its JSON form (the prototypes' was checked once, in plainCopy).
    if (key === "__proto__" || key === "toJSON") return NOT_PLAIN;
    const item = source[key];
    if (item === undefined) continue;
    const copied = copy(item, depth + 1);
    if (copied === NOT_PLAIN) return NOT_PLAIN;
    out[key] = copied;
  }
  return out;
}

/**
 * A deep copy of data that is plain already (what {@link plainCopy} or `JSON.parse` made): no checks, since nothing
 * in it can differ from its JSON form.
 */
export function copyOfPlain(value: unknown): unknown {
  if (typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) {
    const out: unknown[] = new Array(value.length);
    for (let i = 0; i < value.length; i++) out[i] = copyOfPlain(value[i]);
    return out;
  }
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(source)) {
    const item = copyOfPlain(source[key]);
    // An own "__proto__" (JSON.parse makes one) stays an own property: assigning it would set the prototype.
    if (key === "__proto__")
      Object.defineProperty(out, key, { value: item, enumerable: true, writable: true, configurable: true });
    else out[key] = item;
  }
  return out;
}
