/**
 * Role: after a red flag — the data of intents/after-urgent.yaml (what makes a follow-up a new subject, the words put
 * before the repeated "seek help now"), and the test of whether a message after an urgent reply still belongs to it.
 * The state it reads (`ConversationState.redFlag`) changes only in transition.ts; the rule is "stays-urgent" in
 * rules.ts. Docs: docs/adr/0006-scope-and-urgent-follow-ups.md.
 */
import { type Signals, slashCommand } from "./reader.js";
import type { AfterUrgentData } from "./schemas/after-urgent.js";
import type { ConversationState } from "./state.js";

export type { AfterUrgentData };

/** The default when no file is given: the urgent reply repeated as it is, no new-subject phrases. */
export const DEFAULT_AFTER_URGENT: AfterUrgentData = {
  reply_prefix: "",
  new_subject: [],
  weak_new_subject: [],
  tagged_on: [],
  ties_back: [],
  play_down: [],
  seeks_help: [],
  kept_advice: "",
  acknowledges: [],
  turns_to: [],
  sign_words: [],
};

/**
 * The small talk as the words alone say it: a long message read as small talk for its act (it asks nothing and thanks,
 * message-act.ts) still follows a red flag up as it did, so the urgent reply is never lost to a thank-you.
 */
function smallTalkInWords(s: Signals): Signals["smallTalk"] {
  return s.smallTalkByAct ? null : s.smallTalk;
}

/**
 * After a red flag, the person says they will get help now ("right, I'll take him to the GP today, thank you"), not
 * asking whether they must and not playing it down: acknowledged as thanks (the red flag stays on record, as after
 * any thanks).
 */
export function goesForHelp(s: Signals, state: ConversationState): boolean {
  // Small talk said with it ("ok, calling now. bye") is answered as such by the small-talk rule.
  return (
    state.redFlag !== null &&
    s.seeksHelp &&
    smallTalkInWords(s) === null &&
    !s.playsDown &&
    // "ok will do. separately, does acupuncture work": the new subject is answered; so is "/checkup" said with it.
    !s.newSubject &&
    s.dialogue === null &&
    !s.text.includes("?") &&
    // "ok ill get it checked. anyway wot nuts have magnesium": asked anew, though without a question mark.
    !s.helpStated
  );
}

/** A topic this strong is named (a keyword or title word; words from example questions weigh less). */
const NAMED = 0.8;

/**
 * The message still follows up the red flag: the conversation had an urgent reply, and the message is neither small
 * talk (thanks, bye, start over: answered as such), a slash command, nor a clearly new subject.
 */
export function followsUpRedFlag(
  s: Signals,
  state: ConversationState,
  settleAfter: number,
  /** Topics that name nothing specific (cramps in general, "what to do"). */
  isVague: (topic: string) => boolean,
): boolean {
  const red = state.redFlag;
  if (red === null || slashCommand(s.text) !== undefined || s.newSubject) return false;
  // "It's easing now, I'll be fine right?" asks to be told it can wait: the answer stays the same.
  const talk = smallTalkInWords(s);
  if (s.playsDown && talk !== "reset" && talk !== "goodbye") return true;
  if (talk !== null) return false;
  // "ok I'll book an appointment. what foods have vitamin D then?": help is in hand, the question is a new one.
  if (asksAnewWithHelpInHand(s, state, isVague)) return false;
  return !(red.followups >= settleAfter && newQuestion(s, isVague));
}

/**
 * A question naming cramps or a topic, not pointing back: it may be new. A vague "what should I do?" is not, nor one
 * tied to what came before ("what's the magnesium dose then", after "I'd rather ride it out": a tip for the sign).
 */
function newQuestion(s: Signals, isVague: (topic: string) => boolean): boolean {
  return !s.pointsBack && !s.tiesBack && namesSomething(s, isVague);
}

/** The message names cramps, a topic that is not vague, or a subject the article does not cover. */
function namesSomething(s: Signals, isVague: (topic: string) => boolean): boolean {
  return (
    s.anchored ||
    [...s.topics].some(([t, score]) => score >= NAMED && !isVague(t)) ||
    s.scope?.subject != null
  );
}

/**
 * After a red flag, the person says they will get help ("right, I'll ring the GP", "ok I'll book an appointment")
 * and asks a new question in the same message, without playing the red flag down ("I'll book in next week, can I just
 * stretch it till then?" stays urgent): the question is answered. When the message still describes the red flag, the
 * engine keeps the advice before the answer (`kept_advice`).
 */
export function asksAnewWithHelpInHand(
  s: Signals,
  state: ConversationState,
  isVague: (topic: string) => boolean,
): boolean {
  return (
    state.redFlag !== null &&
    s.helpStated &&
    !s.playsDown &&
    s.smallTalk !== "reset" &&
    slashCommand(s.text) === undefined &&
    // (`helpStated` has the question after the help: a "?", or a sentence turning to something new.)
    // Taken as thanks alone, the new sentence must not point back or tell a sign ("Thanks. Now my calf is hot too").
    (s.seeksHelp || (!s.pointsBack && s.redFlags.urgent === null && s.redFlags.inConversation === null)) &&
    // (Not `newQuestion`: the help said often points back, "I'll get it checked today".) A guided dialogue asked
    // for ("now, can you check my habits?") is new too.
    (namesSomething(s, isVague) || s.dialogue !== null)
  );
}
