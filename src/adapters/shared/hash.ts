// Role: what adapters log instead of a conversation key (it holds user and chat ids): the engine's own short hash,
// so adapter and engine lines of one conversation can be matched without either naming the chat.
export { shortHash as conversationHash } from "../../core/hash.js";
