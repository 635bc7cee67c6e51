// The Telegram platform for the service's table: its environment schema, and create(), which loads the adapter
// (and node-telegram-bot-api) only when TELEGRAM_TOKEN is set.
import { z } from "zod";
import { definePlatform } from "../shared/contract.js";
import { checkedBy, fail, httpUrl, variable } from "../shared/env.js";
import { assertTelegramToken, isWebhookSecret, type TelegramAdapterOptions } from "./options.js";

export interface TelegramSettings {
  token: string;
  apiRoot?: string;
  /** Webhook mode when set (both variables); long polling otherwise. */
  webhook?: { url: string; secret: string };
}

const schema = z
  .object({
    TELEGRAM_TOKEN: checkedBy((raw) => {
      assertTelegramToken(raw);
      return raw;
    }),
    TELEGRAM_API_ROOT: httpUrl(
      "TELEGRAM_API_ROOT",
      ["http:", "https:"],
      "an http(s) URL such as http://127.0.0.1:8081",
    ),
    TELEGRAM_WEBHOOK_URL: httpUrl(
      "TELEGRAM_WEBHOOK_URL",
      ["https:"],
      "an absolute https:// URL such as https://bot.example.com/telegram",
    ),
    TELEGRAM_WEBHOOK_SECRET: variable((raw, ctx) => {
      if (isWebhookSecret(raw)) return raw;
      return fail(
        ctx,
        `TELEGRAM_WEBHOOK_SECRET must be 16-256 characters of A-Z, a-z, 0-9, _ and - (got ${raw.length} characters)`,
      );
    }),
  })
  .transform((values): TelegramSettings | undefined =>
    values.TELEGRAM_TOKEN === undefined
      ? undefined
      : {
          token: values.TELEGRAM_TOKEN,
          ...(values.TELEGRAM_API_ROOT ? { apiRoot: values.TELEGRAM_API_ROOT } : {}),
          ...(values.TELEGRAM_WEBHOOK_URL && values.TELEGRAM_WEBHOOK_SECRET
            ? { webhook: { url: values.TELEGRAM_WEBHOOK_URL, secret: values.TELEGRAM_WEBHOOK_SECRET } }
            : {}),
        },
  );

export const telegramPlatform = definePlatform({
  name: "telegram",
  env: {
    variables: {
      TELEGRAM_TOKEN: "",
      TELEGRAM_API_ROOT: "",
      TELEGRAM_WEBHOOK_URL: "",
      TELEGRAM_WEBHOOK_SECRET: "",
    },
    schema,
    pairing(isSet) {
      const problems: string[] = [];
      for (const name of ["TELEGRAM_API_ROOT", "TELEGRAM_WEBHOOK_URL", "TELEGRAM_WEBHOOK_SECRET"]) {
        if (isSet(name) && !isSet("TELEGRAM_TOKEN")) {
          problems.push(`${name} is set but TELEGRAM_TOKEN is not (set the token to run on Telegram)`);
        }
      }
      if (isSet("TELEGRAM_TOKEN") && isSet("TELEGRAM_WEBHOOK_URL") !== isSet("TELEGRAM_WEBHOOK_SECRET")) {
        const missing = isSet("TELEGRAM_WEBHOOK_URL") ? "TELEGRAM_WEBHOOK_SECRET" : "TELEGRAM_WEBHOOK_URL";
        problems.push(
          `${missing} is not set: webhook mode needs both TELEGRAM_WEBHOOK_URL and TELEGRAM_WEBHOOK_SECRET (leave both unset for long polling)`,
        );
      }
      return problems;
    },
    secrets: (settings) => [
      settings.token,
      // The part after "<bot id>:" is the secret itself; the bot id alone is public.
      settings.token.slice(settings.token.indexOf(":") + 1),
      ...(settings.webhook ? [settings.webhook.secret] : []),
    ],
  },
  async create(settings, context) {
    const { createTelegramAdapter } = await import("./adapter.js");
    return createTelegramAdapter(
      {
        handler: context.handler,
        store: context.store,
        logger: context.logger,
        onUndelivered: context.onUndelivered,
      },
      { ...settings, ...(context.overrides as Partial<TelegramAdapterOptions> | undefined) },
    );
  },
});
