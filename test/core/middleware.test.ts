// The middleware composer the engine's chain is built on.
import { describe, expect, it } from "vitest";
import { compose, type Middleware } from "../../src/core/middleware.js";

interface Ctx {
  log: string[];
}

const step =
  (name: string): Middleware<Ctx> =>
  async (ctx, next) => {
    ctx.log.push(`${name}:before`);
    await next();
    ctx.log.push(`${name}:after`);
  };

describe("compose", () => {
  it("runs middlewares in order, each wrapping the ones after it", async () => {
    const ctx: Ctx = { log: [] };
    await compose([step("a"), step("b"), step("c")])(ctx);
    expect(ctx.log).toEqual(["a:before", "b:before", "c:before", "c:after", "b:after", "a:after"]);
  });

  it("stops the chain when a middleware does not call next()", async () => {
    const ctx: Ctx = { log: [] };
    const stop: Middleware<Ctx> = async (c) => {
      c.log.push("stop");
    };
    await compose([step("a"), stop, step("never")])(ctx);
    expect(ctx.log).toEqual(["a:before", "stop", "a:after"]);
  });

  it("rejects when a middleware calls next() twice", async () => {
    const ctx: Ctx = { log: [] };
    const twice: Middleware<Ctx> = async (_c, next) => {
      await next();
      await next();
    };
    await expect(compose([twice, step("b")])(ctx)).rejects.toThrow("next() called twice");
    // The downstream middleware ran once only.
    expect(ctx.log).toEqual(["b:before", "b:after"]);
  });

  it("passes a downstream error up to the caller", async () => {
    const failing: Middleware<Ctx> = async () => {
      throw new Error("boom");
    };
    await expect(compose([step("a"), failing])({ log: [] })).rejects.toThrow("boom");
  });

  it("waits for asynchronous work downstream before continuing", async () => {
    const ctx: Ctx = { log: [] };
    const slow: Middleware<Ctx> = async (c, next) => {
      await new Promise((resolve) => setImmediate(resolve));
      c.log.push("slow");
      await next();
    };
    await compose([step("a"), slow, step("c")])(ctx);
    expect(ctx.log).toEqual(["a:before", "slow", "c:before", "c:after", "a:after"]);
  });

  it("does nothing for an empty chain, and can be run again with a new context", async () => {
    await expect(compose<Ctx>([])({ log: [] })).resolves.toBeUndefined();
    const run = compose([step("a")]);
    const first: Ctx = { log: [] };
    const second: Ctx = { log: [] };
    await run(first);
    await run(second);
    expect(second.log).toEqual(["a:before", "a:after"]);
  });
});
