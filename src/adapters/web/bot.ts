// The Botkit side: a Botkit controller without its own web server on botbuilder-adapter-web's WebAdapter; each turn calls our handler.
import {
  type Activity,
  ActivityTypes,
  type ChannelAccount,
  type ConversationAccount,
  calculateChangeHash,
  type ResourceResponse,
  type Storage,
  TurnContext,
} from "botbuilder";
import { WebAdapter } from "botbuilder-adapter-web";
import { Botkit, type BotkitMessage, type BotWorker } from "botkit";
import type { Logger, MessageHandler, Reply } from "../../core/types.js";
import { errorSummary } from "../shared/errors.js";
import type { Session } from "./identity.js";
import { type ClientInput, type OutgoingMessage, toIncoming, toOutgoing } from "./protocol.js";

/** Where a turn's trusted inputs ride through Botkit: set by us on the TurnContext, never read from the client. */
const TURN = Symbol("crampbot.web.turn");

interface TurnInput {
  session: Session;
  input: ClientInput;
  /**
   * The turn's TurnContext state (the collection itself, not the revocable context), emptied once the turn has been
   * answered: Botkit's generator functions keep what they captured until the next full collection, and through the
   * context's state that would be the turn's Botkit message, our inputs and the replies (ADR 35).
   */
  state?: Map<unknown, unknown>;
}

/** The WebAdapter's own message shaping ({type, text, ...channelData}), which its typings keep private. */
interface WebAdapterInternals {
  activityToMessage(activity: Partial<Activity>): unknown;
}

/**
 * The library's WebAdapter, minus its own WebSocket server. Botkit calls `init()` to open that server on Botkit's
 * web server; it cannot be used safely here: it takes the conversation from the client's `user` field, routes
 * replies through a module-wide map keyed by that field (a client naming another user receives their replies),
 * checks no Origin, and starts a 30 s heartbeat timer that is never cleared. The socket is ours (socket.ts); every
 * turn still goes through this adapter's processActivity() and sendActivities().
 *
 * Those two are the adapter's part of Botkit's turn (a BotAdapter subclass implements them; Botkit's own turn,
 * handleTurn through bot.say and the send middleware, is the library's). The library's are compiled to ES2015, where
 * every call of an async method creates a fresh generator function, which costs V8 a new map and prototype and keeps
 * what it captures until the next full collection (ADR 28). Here they are the same steps as native async methods
 * (ADR 35): processActivity builds the same activity and TurnContext, runs the adapter's middleware and the logic
 * (botbuilder's runMiddleware, revocable context included) and answers the collected messages; sendActivities
 * collects each activity shaped by the library's own activityToMessage. A turn that did not come in as a webhook
 * call (a "websocket" channel: never ours) is left to the library.
 */
class CrampBotWebAdapter extends WebAdapter {
  override init(): void {}

  override async processActivity(
    req: { body: Record<string, unknown> },
    res: TurnAnswer,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<void> {
    const message = req.body;
    const user = message.user as string;
    const activity: Partial<Activity> = {
      timestamp: new Date(),
      channelId: "webhook",
      conversation: { id: user } as ConversationAccount,
      from: { id: user } as ChannelAccount,
      recipient: { id: "bot" } as ChannelAccount,
      channelData: message,
      text: message.text as string,
      type: message.type === "message" ? ActivityTypes.Message : ActivityTypes.Event,
    };
    // Botkit's event type, as the library sets it (our turns are all messages).
    if (activity.type !== ActivityTypes.Message) message.botkitEventType = message.type;
    const context = new TurnContext(this, activity);
    context.turnState.set("httpStatus", 200);
    await this.runMiddleware(context, logic);
    res.status();
    const body = context.turnState.get("httpBody");
    if (body) res.json(body);
    else res.end();
  }

  override async sendActivities(
    context: TurnContext,
    activities: Partial<Activity>[],
  ): Promise<ResourceResponse[]> {
    if (context.activity.channelId !== "webhook") return super.sendActivities(context, activities);
    const shape = this as unknown as WebAdapterInternals;
    for (const activity of activities) {
      const outbound = (context.turnState.get("httpBody") as unknown[] | undefined) ?? [];
      outbound.push(shape.activityToMessage(activity));
      context.turnState.set("httpBody", outbound);
    }
    return [];
  }
}

/**
 * Where botbuilder-dialogs keeps, for one turn, the memory scopes and path resolvers each DialogContext's state
 * manager needs. Building them is a third of Botkit's cost per turn (a service collection, a dependency graph and
 * zod checks, every turn); the scopes are stateless (they read the turn's own TurnContext), so the set built on the
 * first turn is handed to every later one. Should a botbuilder upgrade rename the key, each turn simply builds its
 * own again: slower, never different.
 */
const DIALOG_CONFIGURATION = "DialogStateManagerConfiguration";

/**
 * Botkit's dialog state is not used (our dialogues keep their state in the SessionStore): store nothing. Every read
 * answers the state a turn leaves behind (an empty dialog stack, under Botkit's default `dialogStateProperty`), so
 * Botkit sees nothing changed and skips the write and its second change hash.
 */
const NO_STORAGE: Storage = {
  read: async (keys) => Object.fromEntries(keys.map((key) => [key, { dialogState: { dialogStack: [] } }])),
  write: async () => {},
  delete: async () => {},
};

/** The state every turn starts and ends with in Botkit's conversation state: an empty dialog stack. */
const emptyTurnState = () => ({ dialogState: { dialogStack: [] } });
/** Its change hash, computed by botbuilder's own function so that it matches what BotState would compute. */
const EMPTY_TURN_STATE_HASH = calculateChangeHash(emptyTurnState());

/**
 * Where Botkit's conversation state (a botbuilder BotState) caches the turn's state in the TurnContext: a symbol of
 * its own, `stateKey`, on an object Botkit keeps private. Seeding that cache with the empty state (and its hash)
 * spares every turn the storage read, the storage key and one SHA-256 change hash; removing it once our handler has
 * answered spares the second hash (BotState.saveChanges saves nothing when a turn has no cached state). Both are
 * what the do-nothing storage would give anyway: our dialogues keep their state in our own SessionStore, so Botkit's
 * is always the empty stack. Should an upgrade move the symbol, it is not found, and Botkit reads NO_STORAGE and
 * hashes as before: slower, never different.
 */
function conversationStateKey(controller: Botkit): symbol | undefined {
  const state = (controller as unknown as { conversationState?: { stateKey?: unknown } }).conversationState;
  return typeof state?.stateKey === "symbol" ? state.stateKey : undefined;
}

/**
 * What processActivity() expects of Express's response (status(), json(), end()); only the reply body is kept, and
 * handed over once, so nothing Botkit still holds after the turn reaches the replies.
 */
class TurnAnswer {
  private value: unknown;
  status(): this {
    return this;
  }
  json(value: unknown): void {
    this.value = value;
  }
  end(): void {}
  take(): unknown {
    const value = this.value;
    this.value = undefined;
    return value;
  }
}

export interface WebBot {
  /** Runs one turn through Botkit and returns the reply messages, in the shape of the Botkit webhook's answer. */
  runTurn(session: Session, input: ClientInput): Promise<OutgoingMessage[]>;
  /** True once Botkit has booted. */
  readonly booted: boolean;
  /** Resolves once Botkit has booted. */
  readonly boot: Promise<void>;
  shutdown(): Promise<void>;
}

export function createWebBot(handler: MessageHandler, logger: Logger, apology: Reply): WebBot {
  const adapter = new CrampBotWebAdapter();
  const controller = new Botkit({
    adapter,
    disable_webserver: true,
    disable_console: true,
    storage: NO_STORAGE,
  });
  let booted = false;
  let markBooted: () => void = () => {};
  const boot = new Promise<void>((resolve) => {
    markBooted = resolve;
  });
  controller.ready(() => {
    booted = true;
    markBooted();
  });

  const stateKey = conversationStateKey(controller);

  controller.on("message", async (bot: BotWorker, message: BotkitMessage) => {
    const context = message.context as TurnContext | undefined;
    const turn = context?.turnState.get(TURN) as TurnInput | undefined;
    if (turn === undefined) return;
    const incoming = toIncoming(turn.session, turn.input);
    let reply: Reply;
    try {
      reply = await handler.handle(incoming);
    } catch (err) {
      logger.error(
        { err: errorSummary(err), user: turn.session.userId, kind: incoming.kind },
        "web: the message handler failed; the chat goes on",
      );
      reply = apology;
    }
    // bot.say(): this turn's worker already carries its conversation reference (TurnContext applies it to every
    // activity sent), which bot.reply() would look up and apply a second time.
    await bot.say({ ...toOutgoing(reply) });
    // Nothing of Botkit's state changed (see conversationStateKey): nothing for Botkit to hash and save.
    if (stateKey !== undefined) context?.turnState.delete(stateKey);
  });

  let dialogConfiguration: unknown;
  /** Each turn's trusted inputs, found by the request body Botkit carries as the activity's channelData. */
  const inputs = new WeakMap<object, TurnInput>();

  // One function for every turn, not a closure per turn: Botkit's ES2015 async code (a fresh generator function per
  // call) keeps what its closures reach alive until the next full collection, so what we hand it should reach
  // nothing of the turn but the body (ADR 28).
  const logic = async (context: TurnContext): Promise<void> => {
    const turn = inputs.get(context.activity.channelData as object);
    if (turn !== undefined) {
      context.turnState.set(TURN, turn);
      turn.state = context.turnState;
    }
    if (dialogConfiguration !== undefined) context.turnState.set(DIALOG_CONFIGURATION, dialogConfiguration);
    if (stateKey !== undefined) {
      context.turnState.set(stateKey, { state: emptyTurnState(), hash: EMPTY_TURN_STATE_HASH });
    }
    await controller.handleTurn(context);
    dialogConfiguration ??= context.turnState.get(DIALOG_CONFIGURATION);
  };

  async function runTurn(session: Session, input: ClientInput): Promise<OutgoingMessage[]> {
    // What the Botkit web client would POST; `user` is our pseudonym for the session, not a client value.
    const body: Record<string, unknown> = {
      type: "message",
      user: session.userId,
      text: input.kind === "text" ? input.text : input.title,
    };
    if (input.kind === "button") body.quick_reply = { payload: input.buttonId };
    const turn: TurnInput = { session, input };
    inputs.set(body, turn);
    const res = new TurnAnswer();
    try {
      await adapter.processActivity({ body }, res, logic);
    } finally {
      inputs.delete(body);
      // The answer has been handed over (res.take below): nothing reads this turn's state any more.
      turn.state?.clear();
      turn.state = undefined;
    }
    // sendActivities() collected what bot.say() sent, each one {type, text, ...channelData} = an OutgoingMessage.
    const answer = res.take();
    return Array.isArray(answer) ? (answer as OutgoingMessage[]) : [];
  }

  return {
    runTurn,
    boot,
    get booted() {
      return booted;
    },
    shutdown: () => controller.shutdown(),
  };
}
