// The web chat platform for the service's table: ALLOWED_ORIGINS and the WEB_* variables, and create(), which
// loads the adapter (and Botkit) — always configured, since the web chat needs no token.
import { z } from "zod";
import { definePlatform } from "../shared/contract.js";
import { checkedBy, quote, variable } from "../shared/env.js";
import { resolveOptions, type WebAdapterOptions, webOptionsFromEnv } from "./options.js";

/** "https://a.example, http://localhost:8080/" → bare origins, deduplicated; each bad entry is one problem. */
const allowedOrigins = variable((raw, ctx) => {
  const origins: string[] = [];
  for (const entry of raw.split(",")) {
    const text = entry.trim();
    if (text === "") continue;
    let origin: string | undefined;
    try {
      const url = new URL(text);
      const bare =
        (url.protocol === "http:" || url.protocol === "https:") &&
        url.username === "" &&
        url.password === "" &&
        url.pathname === "/" &&
        url.search === "" &&
        url.hash === "" &&
        /^[a-z]+:\/\/[^/?#]+\/?$/i.test(text);
      origin = bare ? url.origin : undefined;
    } catch {
      origin = undefined;
    }
    if (origin === undefined) {
      ctx.addIssue({
        code: "custom",
        message: `ALLOWED_ORIGINS: ${quote(text)} is not an origin (expected scheme://host[:port], no path, e.g. https://example.com)`,
      });
      continue;
    }
    if (!origins.includes(origin)) origins.push(origin);
  }
  return origins;
});

/** One WEB_* variable, checked by the adapter's own reader (its message names the variable). */
const webVariable = (name: string) => checkedBy((raw) => webOptionsFromEnv({ [name]: raw }));

const WEB_VARIABLES = [
  "WEB_MAX_MESSAGE_BYTES",
  "WEB_MAX_BODY_BYTES",
  "WEB_COOKIE_NAME",
  "WEB_SECURE_COOKIE",
  "WEB_MAX_SOCKETS_PER_CLIENT",
  "WEB_NEW_CONVERSATIONS_PER_MINUTE",
] as const;

const schema = z
  .object({
    ALLOWED_ORIGINS: allowedOrigins,
    ...Object.fromEntries(WEB_VARIABLES.map((name) => [name, webVariable(name)])),
  })
  .transform((values, ctx): WebAdapterOptions => {
    const options: WebAdapterOptions = {
      allowedOrigins: (values.ALLOWED_ORIGINS as string[] | undefined) ?? [],
    };
    const read = values as Record<string, WebAdapterOptions | undefined>;
    for (const name of WEB_VARIABLES) Object.assign(options, read[name]);
    try {
      // Rules across variables (a __Host- cookie name needs WEB_SECURE_COOKIE=true).
      resolveOptions(options);
    } catch (error) {
      ctx.addIssue({ code: "custom", message: error instanceof Error ? error.message : String(error) });
    }
    return options;
  });

export const webPlatform = definePlatform({
  name: "web",
  env: {
    variables: {
      ALLOWED_ORIGINS: "",
      ...Object.fromEntries(WEB_VARIABLES.map((name) => [name, ""])),
    },
    schema,
  },
  async create(settings, context) {
    const { createWebAdapter } = await import("./adapter.js");
    return createWebAdapter(
      { handler: context.handler, logger: context.logger },
      { ...settings, ...(context.overrides as Partial<WebAdapterOptions> | undefined) },
    );
  },
});
