// The Discord adapter's test harness: a fake Discord and a started DiscordAdapter pointed at it, both stopped again
// after each test. A test file registers the cleanup with `afterEach(runDiscordCleanups)`.
import { DiscordAdapter, type DiscordAdapterOptions } from "../../../src/adapters/discord/index.js";
import type { MessageHandler } from "../../../src/core/types.js";
import { FakeDiscord, type FakeDiscordOptions } from "./fake-discord.js";
import { MemoryLogger } from "./memory-logger.js";
import { ScriptedHandler } from "./scripted-handler.js";

export interface DiscordHarness<H extends MessageHandler = ScriptedHandler> {
  fake: FakeDiscord;
  handler: H;
  logger: MemoryLogger;
  adapter: DiscordAdapter;
}

const cleanups: Array<() => Promise<void>> = [];

/** Runs `cleanup` after the current test, before the ones registered earlier. */
export function addDiscordCleanup(cleanup: () => Promise<void>): void {
  cleanups.push(cleanup);
}

/** The afterEach hook: runs the registered cleanups, newest first, and forgets them. */
export async function runDiscordCleanups(): Promise<void> {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
}

/** Starts a fake Discord that is closed after the test. */
export async function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const fake = await FakeDiscord.start(options);
  addDiscordCleanup(() => fake.close());
  return fake;
}

/**
 * Starts a fake Discord and a DiscordAdapter with its token, application id and API root (a ScriptedHandler
 * unless one is given, and a MemoryLogger); both are stopped after the test.
 */
export function setupDiscord(): Promise<DiscordHarness>;
export function setupDiscord<H extends MessageHandler>(
  handler: H,
  fakeOptions?: FakeDiscordOptions,
  adapterOptions?: Partial<DiscordAdapterOptions>,
): Promise<DiscordHarness<H>>;
export async function setupDiscord(
  handler: MessageHandler = new ScriptedHandler(),
  fakeOptions: FakeDiscordOptions = {},
  adapterOptions: Partial<DiscordAdapterOptions> = {},
): Promise<DiscordHarness<MessageHandler>> {
  const fake = await startFakeDiscord(fakeOptions);
  const logger = new MemoryLogger();
  const adapter = new DiscordAdapter(
    { handler, logger },
    { token: fake.token, applicationId: fake.applicationId, apiRoot: fake.apiRoot, ...adapterOptions },
  );
  addDiscordCleanup(() => adapter.stop());
  await adapter.start();
  return { fake, handler, logger, adapter };
}
