// The chat protocol: client messages ({type, text, quick_reply}) in, Botkit-style reply messages out.
import type { IncomingMessage, Reply, ReplyCard, ReplyImage } from "../../core/types.js";
import { feedbackField, type OutgoingFeedback } from "./feedback.js";
import type { Session } from "./identity.js";

/**
 * What a client sends, over the WebSocket or POST /api/messages:
 * `{"type": "message", "text": "..."}`, or for a pressed quick reply
 * `{"type": "message", "text": "<title>", "quick_reply": {"payload": "<id>"}}`.
 * A `user` field is accepted for compatibility with Botkit clients and ignored: the cookie says who is talking.
 */
export type ClientInput =
  | { kind: "text"; text: string }
  | { kind: "button"; buttonId: string; title: string };

export type ParsedClientMessage =
  | { ok: true; input: ClientInput }
  /** Another Botkit event type ("hello", "welcome_back", ...): nothing to answer. */
  | { ok: true; input: null }
  | { ok: false; error: string };

/** The Botkit message each reply becomes; webhook answers are an array of these, socket frames one each. */
export type OutgoingMessage = {
  type: "message";
  text: string;
  quick_replies: { title: string; payload: string }[];
  section: { id: string; heading: string } | null;
  intent: Reply["intent"];
  /** On an answer that asks "Helpful?" (feedback.ts); absent otherwise. */
  feedback?: OutgoingFeedback;
  /** Only on a reply with a picture: shown in the bubble (pictures.js), an image or, for a card, an HTML card. */
  image?: OutgoingImage;
};

/** A reply's picture for the page: the SVG as a data: URL for an <img> (where no script of it can run), its alt text. */
export interface OutgoingImage {
  name: string;
  alt: string;
  /** `data:image/svg+xml;base64,...` */
  src: string;
  /** The card's rows, for the HTML card; absent for drawings. */
  card?: ReplyCard;
}

/** Button ids are short ASCII (Suggestion.id: at most 48 bytes); anything much longer is not one of ours. */
const MAX_PAYLOAD_CHARS = 100;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Validates a decoded JSON client message. Only `type`, `text` and `quick_reply.payload` are read. */
export function parseClientMessage(value: unknown): ParsedClientMessage {
  if (!isRecord(value))
    return { ok: false, error: 'Send a JSON object like {"type":"message","text":"..."}.' };
  const { type, text, quick_reply: quickReply } = value;
  if (type !== undefined && typeof type !== "string") return { ok: false, error: '"type" must be a string.' };
  if (type !== undefined && type !== "message") return { ok: true, input: null };
  if (text !== undefined && text !== null && typeof text !== "string") {
    return { ok: false, error: '"text" must be a string.' };
  }
  const typed = typeof text === "string" ? text : "";
  if (quickReply !== undefined && quickReply !== null) {
    const payload = isRecord(quickReply) ? quickReply.payload : undefined;
    if (typeof payload !== "string" || payload === "" || payload.length > MAX_PAYLOAD_CHARS) {
      return {
        ok: false,
        error: `"quick_reply.payload" must be a button id (1-${MAX_PAYLOAD_CHARS} characters).`,
      };
    }
    return { ok: true, input: { kind: "button", buttonId: payload, title: typed } };
  }
  return { ok: true, input: { kind: "text", text: typed } };
}

/** The platform-neutral message for the handler: the conversation is the session, never a client field. */
export function toIncoming(session: Session, input: ClientInput): IncomingMessage {
  // Two literals rather than one spread base: each message gets one object of a fixed shape.
  const { conversationId, userId } = session;
  return input.kind === "button"
    ? { platform: "web", conversationId, userId, kind: "button", buttonId: input.buttonId }
    : { platform: "web", conversationId, userId, kind: "text", text: input.text };
}

/** Our Reply as a Botkit message: text (light markup), quick_replies from suggestions, section and intent. */
export function toOutgoing(reply: Reply): OutgoingMessage {
  return {
    type: "message",
    text: reply.text,
    quick_replies: reply.suggestions.map((suggestion) => ({
      title: suggestion.label,
      payload: suggestion.id,
    })),
    section: reply.section === null ? null : { id: reply.section.id, heading: reply.section.heading },
    intent: reply.intent,
    ...feedbackField(reply),
    ...(reply.image ? { image: outgoingImage(reply.image) } : {}),
  };
}

function outgoingImage(image: ReplyImage): OutgoingImage {
  const src = `data:image/svg+xml;base64,${Buffer.from(image.svg, "utf8").toString("base64")}`;
  return { name: image.name, alt: image.alt, src, ...(image.card ? { card: image.card } : {}) };
}
