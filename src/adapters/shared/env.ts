// Role: the building blocks of environment schemas (the service's and every platform's): blank is unset, each
// problem one line naming the variable, secret values never quoted.
import { z } from "zod";

/** A value safe to quote in a problem line (non-secret variables only). */
export function quote(raw: string): string {
  const clipped = raw.length > 60 ? `${raw.slice(0, 60)}…` : raw;
  return JSON.stringify(clipped);
}

export type Ctx = z.RefinementCtx;

/** Records `message` as the variable's problem. */
export function fail(ctx: Ctx, message: string): never {
  ctx.addIssue({ code: "custom", message });
  return z.NEVER;
}

/** An optional variable: unset (or blank) → undefined, otherwise checked by `check`. */
export function variable<T>(check: (raw: string, ctx: Ctx) => T) {
  return z
    .string()
    .optional()
    .transform((raw, ctx): T | undefined =>
      raw === undefined || raw.trim() === "" ? undefined : check(raw, ctx),
    );
}

/** A whole number from `min` to `max`. */
export function integer(name: string, min: number, max: number) {
  return variable((raw, ctx) => {
    const text = raw.trim();
    const value = Number(text);
    if (!/^\d+$/.test(text) || value < min || value > max) {
      return fail(
        ctx,
        `${name} must be a whole number from ${min.toLocaleString("en-GB")} to ${max.toLocaleString("en-GB")} (got ${quote(raw)})`,
      );
    }
    return value;
  });
}

/** Runs an adapter's own validator; its error message (one line naming the variable, no secret) is the problem. */
export function checkedBy<T>(check: (raw: string) => T) {
  return variable((raw, ctx) => {
    try {
      return check(raw);
    } catch (error) {
      return fail(ctx, error instanceof Error ? error.message : String(error));
    }
  });
}

/** An absolute URL with one of `protocols`; `hint` completes "NAME must be …". */
export function httpUrl(name: string, protocols: string[], hint: string) {
  return variable((raw, ctx) => {
    let url: URL | undefined;
    try {
      url = new URL(raw.trim());
    } catch {
      url = undefined;
    }
    if (url === undefined || !protocols.includes(url.protocol)) {
      return fail(ctx, `${name} must be ${hint} (got ${quote(raw)})`);
    }
    return raw.trim();
  });
}
