// Entry point of the fake Discord used by adapter tests (and by serve.ts for manual runs).
export {
  FakeDiscord,
  type FakeDiscordOptions,
  Intents,
  type InteractionHandle,
  type Place,
} from "./fake-discord.js";
export { MemoryLogger } from "./memory-logger.js";
export type { ApiActionRow, ApiButton, ApiChannel, ApiMessage, ApiUser, MessageBody } from "./payloads.js";
export type { WaitOptions } from "./recorder.js";
export type { RecordedRequest } from "./rest.js";
export { ScriptedHandler } from "./scripted-handler.js";
export type { OutgoingMessage, OutgoingVia } from "./state.js";
