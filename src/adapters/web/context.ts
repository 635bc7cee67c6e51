// What the adapter hands its webhook and its socket server: settings, Botkit, texts, the budget, and the drain hooks.
import type { Logger } from "../../core/types.js";
import type { WebBot } from "./bot.js";
import type { ConversationBudget } from "./budget.js";
import type { WebNotices } from "./notices.js";
import type { WebSettings } from "./options.js";

export interface ChatContext {
  settings: WebSettings;
  bot: WebBot;
  logger: Logger;
  notices: WebNotices;
  budget: ConversationBudget;
  /** False before Botkit booted and after close(): requests and upgrades get 503. */
  isOpen(): boolean;
  /** Registers a turn so close() can wait for it. */
  track<T>(work: Promise<T>): Promise<T>;
}
