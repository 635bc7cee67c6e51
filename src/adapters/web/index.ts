// The web chat adapter's public surface, the only module of CrampBot that imports botkit and botbuilder; the rest is internal.
export { createWebAdapter, WEB_PATHS, type WebChatAdapter } from "./adapter.js";
export { WebAdapterError, type WebAdapterErrorCode } from "./errors.js";
export { type WebAdapterDeps, type WebAdapterOptions, webOptionsFromEnv } from "./options.js";
export type { OutgoingMessage } from "./protocol.js";
