/** A tiny middleware composer (in the manner of grammY / Koa): each step may act, then call next() or stop. */

export type Next = () => Promise<void>;
export type Middleware<C> = (ctx: C, next: Next) => Promise<void>;

/** Runs the middlewares in order; a middleware that does not call next() ends the chain. */
export function compose<C>(middlewares: readonly Middleware<C>[]): (ctx: C) => Promise<void> {
  return (ctx) => {
    const run = async (index: number): Promise<void> => {
      const middleware = middlewares[index];
      if (!middleware) return;
      let called = false;
      await middleware(ctx, () => {
        if (called) throw new Error("next() called twice");
        called = true;
        return run(index + 1);
      });
    };
    return run(0);
  };
}
