/**
 * Role: the rules — one ordered list of small named rules, each `decide(signals, state, index)` giving a decision or
 * null; the first that decides wins. Each rule's thresholds stand next to it. The order, and why, is recorded in
 * docs/adr/0005-decision-core.md; each rule has a test named for it (test/core/rules.test.ts).
 */
import { followsUpRedFlag, goesForHelp } from "./after-urgent.js";
import { comparedSections } from "./comparison.js";
import type { RuleDecision } from "./decision.js";
import { firstSource, listed, listItem, parentList, sourceOf } from "./follow-ups.js";
import type { Section } from "./knowledge.js";
import type { KnowledgeIndex, RankedTopic } from "./knowledge-index.js";
import { asksGenerally } from "./question-kinds.js";
import type { FollowupKind, Signals } from "./reader.js";
import type { ConversationState } from "./state.js";

export interface Rule {
  readonly name: string;
  decide(s: Signals, state: ConversationState, index: KnowledgeIndex): RuleDecision | null;
}

/** Did-you-mean guesses offered when nothing matched. */
const GUESSES = 3;

function fallback(
  reason: "out-of-scope" | "unknown" | "no-match",
  s: Signals,
  index: KnowledgeIndex,
): RuleDecision {
  return { kind: "fallback", reason, guesses: reason === "no-match" ? index.guesses(s.text, GUESSES) : [] };
}

const answer = (section: Section, deeper = false): RuleDecision => ({ kind: "answer", section, deeper });

/** The last answer again, its deeper paragraph if not shown yet. */
function current(state: ConversationState, index: KnowledgeIndex): RuleDecision | null {
  const section = index.section(state.section);
  if (!section) return null;
  return answer(section, !state.moreShown && section.more.length > 0);
}

/** The strongest topic, and whether it is a specific one (not about cramps in general). */
function top(s: Signals, index: KnowledgeIndex): { top: RankedTopic | undefined; specific: boolean } {
  const first = index.rankTopics(s)[0];
  return { top: first, specific: first !== undefined && !index.isGeneral(first.topic) };
}

/** The strongest facet named, the main facet aside (it only picks among one topic's sections). */
function facetOf(s: Signals, index: KnowledgeIndex): string | null {
  let best: string | null = null;
  let bestScore = 0;
  for (const [key, score] of s.facets) {
    if (key === index.mainFacet) continue;
    if (score > bestScore) {
      best = key;
      bestScore = score;
    }
  }
  return best;
}

/** A general topic picked up from a phrase like "what helps" gives way to a named aspect ("which supplements help"). */
function facetFirst(s: Signals, index: KnowledgeIndex): boolean {
  const { top: first, specific } = top(s, index);
  const facet = facetOf(s, index);
  return first !== undefined && !specific && facet !== null && (s.facets.get(facet) ?? 0) >= FACET_FIRST;
}
/** A named aspect this strong wins over a general topic. */
const FACET_FIRST = 1;

/** The aspect is named at least that strongly. */
function namedStrongly(s: Signals, facet: string): boolean {
  return (s.facets.get(facet) ?? 0) >= FACET_FIRST;
}

/** The topic ranking is read by the rules below only when a topic leads and no named aspect goes first. */
function topicLeads(s: Signals, index: KnowledgeIndex): RankedTopic | null {
  const first = top(s, index).top;
  return first !== undefined && !facetFirst(s, index) ? first : null;
}

/** A second topic this strong is named by a word of its own (a title word or keyword), not an example question's. */
const NAMED_TOGETHER = 0.8;

/** Two topics this close are asked about rather than guessed. */
const CLARIFY_RATIO = 0.75;

function closeSecond(s: Signals, index: KnowledgeIndex): RankedTopic | null {
  const [first, second] = index.rankTopics(s);
  return first && second && second.score >= CLARIFY_RATIO * first.score ? second : null;
}

/** What a follow-up phrase asks for, given the conversation. */
function followup(
  kind: FollowupKind,
  state: ConversationState,
  index: KnowledgeIndex,
  setAside: readonly string[] = [],
): RuleDecision {
  if (kind === "resume" && state.paused !== null) return { kind: "resume" };
  if (kind === "affirm") {
    if (state.paused !== null) return { kind: "resume" };
    const first = state.suggestions[0];
    if (first) return target(first.id, index);
    return { kind: "no-context" };
  }
  const section = index.section(state.section);
  if (!section) return { kind: "no-context" };
  if (kind === "again") return current(state, index) ?? { kind: "no-context" };
  if (kind === "other") return theOther(section, state, index) ?? { kind: "no-context" };
  if ((kind === "more" || kind === "resume") && !state.moreShown && section.more.length > 0) {
    return answer(section, true);
  }
  // "how do I get more of it" about magnesium or vitamin D: its first source in the article (food, sunlight).
  const source = kind === "sources" ? firstSource(state, index, setAside) : undefined;
  if (source) return answer(source);
  // "what else" after one remedy or cause: the general answer it is one item of, which lists the rest.
  const list = kind === "next" ? parentList(state, index) : undefined;
  if (list) return answer(list);
  // "what else?" after the causes or what to do: the list just given is the whole answer (its deeper paragraph if not
  // shown), not the section after it (the first remedy of the list).
  if (kind === "next" && isGeneralList(section, index))
    return answer(section, !state.moreShown && section.more.length > 0);
  const next = section.followups.find((t) => !state.visited.includes(t) && !t.startsWith("dialogue:"));
  const following = next === undefined ? undefined : index.section(next);
  if (following) return answer(following);
  return { kind: "nothing-more" };
}

/** A general section that is a list (the causes, what to do), and not the default answer. */
function isGeneralList(section: Section, index: KnowledgeIndex): boolean {
  return (
    index.isGeneral(section.topic) && section !== index.defaultSection && listed(section, index).length > 0
  );
}

/**
 * "and the other one?": the other section of the two just answered together, else the same aspect of the current
 * topic's sibling (vitamin D's supplements after magnesium's); undefined when the topic has no sibling.
 */
function theOther(
  section: Section,
  state: ConversationState,
  index: KnowledgeIndex,
): RuleDecision | undefined {
  const also = index.section(state.also?.[0] ?? null);
  if (also) return answer(also);
  const other = index.siblings.others(section.topic)[0];
  if (other === undefined) return undefined;
  const same = index.knowledge.sections.find((x) => x.topic === other && x.facet === section.facet);
  const main = same ?? index.section(other);
  return main ? answer(main) : undefined;
}

/**
 * "why do they happen?" after the default answer (what the cramps are): the section the why-kind names (the causes).
 * Undefined otherwise: "why?" after any other answer asks for more of it.
 */
function whyAfter(s: Signals, state: ConversationState, index: KnowledgeIndex): RuleDecision | undefined {
  const at = index.section(state.section);
  if (!at || state.dialogue !== null) return undefined;
  // A bare "why?" asks for more of the answer given; "why do they happen then?" after what they are, the causes.
  if (at === index.defaultSection && s.analysis.tokenCount >= WHY_ASKS_ANEW) {
    const causes = index.section(s.kind?.section ?? null);
    return causes && causes !== at ? answer(causes) : undefined;
  }
  return undefined;
}
/** A question this long or longer may name an aspect of a topic other than the one talked about. */
const OTHER_ASPECT_TOKENS = 5;

/** An "other one" question this long or shorter is about the conversation ("what's the other vitamin people take for it"). */
const OTHER_TOKENS = 10;

/** A why-question this long after what the cramps are asks why they happen ("why do they happen?"), not "why?". */
const WHY_ASKS_ANEW = 3;

/** What a suggestion id asks for: "section:<id>", "dialogue:<name>", "dialogue:resume". */
export function target(id: string, index: KnowledgeIndex): RuleDecision {
  if (id.startsWith("section:")) {
    const section = index.section(id.slice("section:".length));
    if (section) return answer(section);
  }
  if (id === "dialogue:resume") return { kind: "resume" };
  if (id.startsWith("dialogue:")) {
    const name = id.slice("dialogue:".length);
    if (index.dialogues.has(name)) return { kind: "dialogue", name };
  }
  return { kind: "no-context" };
}

/** The facet to keep when the message switches topic without naming an aspect ("and for vitamin D?"). */
function carriedFacet(s: Signals, state: ConversationState, topic: string): string | null {
  // After an answer from two siblings, naming one of them ("magnesium") picks its section with that aspect.
  const both = (state.also ?? []).length > 0;
  if (state.facet === null || s.facets.size > 0 || (topic === state.topic && !both)) return null;
  const short = s.analysis.tokenCount <= CARRY_TOKENS && s.otherContent === 0;
  // "just the vitamin D one please" after both siblings' supplements: one of the two picked, in a few more words.
  const picksOne = both && s.analysis.tokenCount <= CLARIFY_REPLY_TOKENS && s.otherContent === 0;
  // "the vitamin D ones" answering "how many of which?": an aspect with no topic is what a question back leaves.
  const answersBack =
    state.topic === null && s.analysis.tokenCount <= CLARIFY_REPLY_TOKENS && s.otherContent === 0;
  return s.switchTopic || short || picksOne || answersBack ? state.facet : null;
}
/** A reply this short, naming a topic and nothing else, answers a question back ("the vitamin D ones"). */
const CLARIFY_REPLY_TOKENS = 6;
/** A message this short, with nothing else in it, keeps the last answer's aspect ("vitamin d?"). */
const CARRY_TOKENS = 3;

/** A what-to-do question this short, naming nothing, right after a specific answer is about it ("what do I do then"). */
const STAYS_TOKENS = 8;

/** A what-to-do question up to this long, naming nothing, with at most this many content words, is about it too. */
const STAYS_LONGER = 12;
const STAYS_CONTENT = 1;

/** A few words from the last answer this many or fewer times make "what can I do about that" about it. */
const WHAT_TO_DO_SCORE = 1;

/**
 * After this many urgent follow-ups, a question that names cramps or a topic without pointing back ("how do I
 * stretch my calves?") is a new subject; before, it is still taken as about the red flag.
 */
const SETTLE_AFTER = 2;

/** "it's probably nothing though?" after a red flag: the urgent reply again, before any other rule. */
function staysUrgent(settleAfter: number): Rule {
  return {
    name: "stays-urgent",
    decide: (s, state, index) =>
      followsUpRedFlag(s, state, settleAfter, (t) => index.isVague(t))
        ? { kind: "urgent", followup: true }
        : null,
  };
}
/** A general topic with this much evidence is named, not just implied by a question word. */
const NAMED_GENERAL = 1;

/** The rules, in order: the first that decides wins. */
export const RULES: readonly Rule[] = [
  {
    // "right, I'll take him to the GP today, thank you" after a red flag: thanked, not warned again.
    name: "goes-for-help",
    decide: (s, state) => (goesForHelp(s, state) ? { kind: "smalltalk", intent: "thanks" } : null),
  },
  staysUrgent(SETTLE_AFTER),
  {
    // "/checkup", "walk me through the stretch".
    name: "dialogue-request",
    decide: (s) => (s.dialogue !== null && !s.outOfScope ? { kind: "dialogue", name: s.dialogue } : null),
  },
  {
    // "walk me through it" while talking about the stretch.
    name: "dialogue-about-the-topic",
    decide: (s, state, index) => {
      // "take me through it step by step, I'm by the stairs" names only the topic talked about. A general question
      // ("what is wrong with me then", "why is that") asks the article, not for the dialogue.
      if (
        state.topic === null ||
        s.outOfScope ||
        s.kind?.section != null ||
        [...s.topics.keys()].some((t) => t !== state.topic)
      )
        return null;
      const name = index.dialogueAbout(s, state.topic);
      return name === null ? null : { kind: "dialogue", name };
    },
  },
  {
    // "does tonic water help cramps?", "is magnesium safe when pregnant?": a topic next to the article is the subject.
    name: "scope-topic",
    // Before small talk: "what about ice?" is not a request for help. Start over still wins.
    decide: (s) =>
      s.scope?.subject != null && s.smallTalk !== "reset"
        ? { kind: "fallback", reason: "out-of-scope", guesses: [], scope: s.scope.subject }
        : null,
  },
  {
    // "thanks", "hello", "start over".
    name: "small-talk",
    decide: (s, state) => {
      if (s.smallTalk === null) return null;
      // "anything else that helps?", "does that help?": the thanks phrase ("that helps") is inside a question (a
      // what-else, or a question opening with a question word that a question kind reads), which asks.
      if (s.smallTalk === "thanks" && asksPastThanks(s)) return null;
      // "what kind of things bring them on": the help phrase ("what kind of things") opens a why-question.
      if (s.smallTalk === "help" && s.kind?.name === WHY_KIND) return null;
      // "alright mate" as the first thing said opens the conversation: there is nothing yet to acknowledge.
      if (s.smallTalk === "thanks" && s.opener && opening(state))
        return { kind: "smalltalk", intent: "greeting" };
      return { kind: "smalltalk", intent: s.smallTalk };
    },
  },
  {
    // "tell me more", "what else", "yes", "carry on": about the conversation, never the knowledge.
    name: "follow-up-phrase",
    decide: (s, state, index) => {
      if (s.followup === null) return null;
      // "anything else I can try?" after one remedy: the what-to-do section, which lists them all.
      const remedies = s.followup === "next" ? index.section(s.kind?.section ?? null) : undefined;
      const at = index.section(state.section);
      if (remedies && at && index.isWhatToDo(remedies.topic) && !index.isGeneral(at.topic))
        return answer(remedies);
      // "what else could it be then?" after one cause: the general section its kind names (the causes), which lists
      // the rest; the kind of a bare "what else" names nothing.
      if (
        remedies &&
        at &&
        s.kind?.name !== BARE_WHAT_ELSE &&
        index.isGeneral(remedies.topic) &&
        remedies !== index.defaultSection &&
        !index.isGeneral(at.topic)
      )
        return answer(remedies);
      // "hmm why" after an answer whose deeper paragraph was shown: still about that answer, not the next section.
      if (
        s.followup === "more" &&
        s.kind?.name === WHY_KIND &&
        at &&
        state.moreShown &&
        state.dialogue === null
      )
        return whyAfter(s, state, index) ?? answer(at);
      // "ok and what do I do" after the causes: a general question kind other than the answer just given is asked
      // (general-question-kind), not more of that answer. Not "why?", which asks more of it.
      const asked = index.section(s.kind?.section ?? null);
      if (
        s.followup === "more" &&
        asked &&
        at &&
        asked !== at &&
        index.isGeneral(at.topic) &&
        s.kind?.name !== WHY_KIND
      )
        return null;
      // "why do they happen" right after hello: no answer to follow up, so a question of its own (its kind decides).
      if (!at && state.paused === null && asked && s.analysis.tokenCount >= WHY_ASKS_ANEW) return null;
      // "why do they happen then?" (the why-kind) after what the cramps are.
      const why = s.followup === "more" && s.kind?.name === WHY_KIND ? whyAfter(s, state, index) : undefined;
      return why ?? followup(s.followup, state, index, s.setAside);
    },
  },
  {
    // "what's the other vitamin people take for it?" after magnesium's dose: the same aspect of its sibling (or the
    // other of two sections just answered), as "the other one?" alone is. Only when nothing specific is named and no
    // "what else" is asked ("what other foods?" asks for more of the list).
    name: "the-other-one-in-a-question",
    decide: (s, state, index) => {
      if (!s.asksOther || s.followup !== null || s.asksNext || s.analysis.tokenCount > OTHER_TOKENS)
        return null;
      const section = index.section(state.section);
      if (!section || state.dialogue !== null || specificNamed(s, index)) return null;
      return theOther(section, state, index) ?? null;
    },
  },
  {
    // "i'm a roofer, out in the heat all summer, does that change it?" after the water: what is told is the person's
    // situation (a job word the article never uses is no subject), and the question is whether the answer just given
    // still holds for it: that answer. Not for a topic next to the article ("I'm pregnant, does that change it?", read
    // before), an out-of-scope word, or another specific topic named ("I take magnesium, does that change it?").
    name: "changes-the-last-answer",
    decide: (s, state, index) => {
      const section = index.section(state.section);
      if (s.kind?.name !== CHANGES_KIND || !section || state.dialogue !== null) return null;
      if (s.outOfScope || s.scope?.subject != null || specificNamed(s, index, section.topic)) return null;
      // "He rarely leaves the house, does that make a difference?" after vitamin D: what is told is an aspect of the
      // topic talked about (its sunlight), even by a hint, so that aspect's section answers.
      const facet = facetOf(s, index);
      const aspect =
        facet === null
          ? undefined
          : index.knowledge.sections.find((x) => x.topic === section.topic && x.facet === facet);
      return answer(aspect ?? section);
    },
  },
  {
    // "and for my mum? she's 82 and hers are worse than mine" after the dose, "what about my husband, he's outside all
    // day" after water: the last question again for someone else (reader `forAnother`), so the same answer. Not when
    // the opening names a topic or an aspect of its own ("and for my dad, vitamin D?").
    name: "same-question-for-someone-else",
    decide: (s, state, index) => {
      const section = index.section(state.section);
      if (!s.forAnother || !section || state.dialogue !== null || s.topics.size > 0 || s.facets.size > 0)
        return null;
      return answer(section);
    },
  },
  {
    // "tell me more about the first one" after the causes, "what's first" after what to do: that item of the list.
    name: "item-of-the-last-list",
    decide: (s, state, index) => {
      if (s.ordinal === null || s.analysis.tokenCount > ORDINAL_TOKENS || specificNamed(s, index))
        return null;
      // "what's the first thing to try?" after the causes asks what to do, not the first cause.
      const asked = index.section(s.kind?.section ?? null);
      const at = index.section(state.section);
      if (asked && at && asked !== at && index.isGeneral(at.topic)) return null;
      const item = listItem(s.ordinal, state, index);
      if (!item) return null;
      // "which foods have the first one?" after both supplements: that item's topic, the aspect named.
      const facet = facetOf(s, index);
      const aspect =
        facet !== null && facet !== item.facet && namedStrongly(s, facet)
          ? index.sectionOf(item.topic, s, item.facet)
          : undefined;
      return answer(aspect ?? item);
    },
  },
  {
    // "sounds woo. what else is there", "what else helps" after one remedy: the other remedies (what to do); a
    // question of a general kind ("what else could it be?") is left to that kind.
    name: "what-else-after-one-item",
    decide: (s, state, index) => {
      // "what else could I try that isn't needles" after acupuncture names the topic it looks past.
      if (
        !s.asksNext ||
        elseAsAnOption(s) ||
        specificNamed(s, index, state.topic) ||
        s.scope?.subject != null
      )
        return null;
      // "what else can I do?", "what else helps?" after one remedy or topic: the what-to-do section, which lists them.
      const kind = s.kind;
      const remedies = index.section(kind?.section ?? null);
      const at = index.section(state.section);
      if (remedies && at && index.isWhatToDo(remedies.topic) && !index.isGeneral(at.topic))
        return answer(remedies);
      // "what else could it be?" asks its kind's question; the kind of a bare "what else" says nothing more.
      if (asksGenerally(kind) && kind.name !== BARE_WHAT_ELSE) return null;
      // "what else causes them": a general topic named by its own word is answered by the rules after; "is there
      // anything else besides the breathing?" after stress names what to do, the other remedies.
      const general = [...s.topics].find(([t, score]) => score >= NAMES_SPECIFIC && index.isGeneral(t));
      if (general) {
        const named = index.section(general[0]);
        return named && at && index.isWhatToDo(named.topic) && !index.isGeneral(at.topic)
          ? answer(named)
          : null;
      }
      const list = parentList(state, index);
      return list ? answer(list) : null;
    },
  },
  {
    // "what else apart from the sun" after vitamin D's sunlight, "what else besides nuts" after magnesium: the topic
    // talked about, past what is set aside — another aspect of it (its first other source), or the other items of
    // the section the thing set aside belongs to (the other foods).
    name: "what-else-besides",
    decide: (s, state, index) => {
      const topic = state.topic;
      if (!s.asksNext || topic === null || index.isGeneral(topic) || specificNamed(s, index)) return null;
      // A topic of one section ("anything else that isn't needles" after acupuncture) is left to the rules after.
      if (sourceOf(topic, index) === undefined) return null;
      if (s.setAside.length > 0) {
        const other = firstSource(state, index, s.setAside);
        return other ? answer(other) : null;
      }
      const main = index.section(topic);
      const own = s.excludedSections
        .map((id) => index.section(id))
        .find((x) => x !== undefined && x.topic === topic && x !== main);
      return own ? answer(own) : null;
    },
  },
  {
    // "where do I get it if there's no sun", "and vitamin D, where from?": the first source in the article of the
    // topic named, or else of the one talked about, that the message does not set aside; an aspect named ("where do
    // I get it from food") is asked about instead (rules after).
    name: "source-of-the-topic",
    decide: (s, state, index) => {
      if (s.kind?.name !== SOURCE_KIND || s.scope?.subject != null) return null;
      const named = index
        .rankTopics(s)
        .find((r) => !index.isGeneral(r.topic) && r.score >= NAMES_SPECIFIC)?.topic;
      const topic = named ?? state.topic;
      if (topic === null || index.isGeneral(topic)) return null;
      for (const [facet, score] of s.facets)
        if (facet !== index.mainFacet && score >= FACET_FIRST && !s.setAside.includes(facet)) return null;
      const source = sourceOf(topic, index, s.setAside);
      return source ? answer(source) : null;
    },
  },
  {
    // "which one is most common" after the causes: the list just given ("common" names the overview, which says
    // cramps are common, not which cause is); "what's the most common cause": the general section named.
    name: "commonest-of-a-list",
    decide: (s, state, index) => {
      if (s.kind?.name !== COMMONEST_KIND) return null;
      // "which deficiency is most common?": specific topics, even shared by a word, are asked about (rules after).
      if (index.rankTopics(s).some((r) => !index.isGeneral(r.topic) && r.score >= SOME_SPECIFIC)) return null;
      const named = index
        .rankTopics(s)
        .map((r) => index.section(r.topic))
        .find((x) => x !== undefined && x !== index.defaultSection && index.isGeneral(x.topic));
      if (named) return answer(named);
      const at = index.section(state.section);
      return at && state.dialogue === null && listed(at, index).length > 0 ? answer(at) : null;
    },
  },
  {
    // "my cramps began with a new medicine": the advisory names the section that answers it.
    name: "advisory-section",
    decide: (s, _state, index) => {
      const advised = index.section(s.redFlags.advisorySections[0] ?? null);
      // "He won't take any more tablets, he rattles with his blood pressure pills. Is there anything he could eat
      // instead?": an aspect asked by a word of its own is answered (the advisory still goes with it). Not one whose
      // words are the medicine's too ("could the new tablet have something to do with it?").
      const facet = facetOf(s, index);
      if (facet !== null && !index.declinable.has(facet) && namedStrongly(s, facet)) return null;
      return advised && !top(s, index).specific ? answer(advised) : null;
    },
  },
  {
    // "does zinc help?": a topic the article does not cover, unless a specific topic is asked about cramps.
    name: "out-of-scope",
    // In a conversation already about the cramps, a specific topic named is asked of them without the word ("I drink
    // mostly coffee, hardly any water, could that be it" after the causes).
    decide: (s, state, index) =>
      s.outOfScope &&
      !(top(s, index).specific && (s.anchored || aboutCramps(state))) &&
      !pointsAtTheAspect(s, state, index)
        ? fallback("out-of-scope", s, index)
        : null,
  },
  {
    // "what can I do about that?" while on a specific topic: a general phrase plus a pointer to the last answer.
    name: "stays-on-topic",
    decide: (s, state, index) => {
      const { top: first, specific } = top(s, index);
      const section = index.section(state.section);
      // "what else could be causing it apart from water" after water: the answer set aside is not the one asked.
      if (section && s.excludedSections.includes(section.id)) return null;
      // "and is there anything I can eat instead" after vitamin D's supplements: another aspect named is asked.
      const facet = facetOf(s, index);
      if (section && facet !== null && facet !== section.facet && (s.facets.get(facet) ?? 0) >= FACET_FIRST)
        return null;
      // "what do I do about it?" after stress: a what-to-do question pointing at the specific topic just answered.
      // "what do I actually do" after stress, short and naming nothing (not even "stop them"): how to do what that
      // answer says.
      // "what's the thing you're supposed to do before bed" after stress: longer, but hardly a word of its own.
      const tokens = s.analysis.tokenCount;
      const pointing =
        s.pointsBack ||
        (!s.asksNext &&
          (tokens <= STAYS_TOKENS || (tokens <= STAYS_LONGER && s.content.length <= STAYS_CONTENT)));
      if (!first && section && pointing && !index.isGeneral(section.topic) && asksWhatToDo(s, index))
        return current(state, index);
      if (!first || specific || !section || index.isGeneral(section.topic)) return null;
      // ("what else could cause it?" after water: "it" is the cramps, and the others are asked for.)
      // ("back to the cramps themselves, are they common?" after massage: a question of a kind that is no what-to-do
      // asks it of the cramps, whatever words it shares with the answer.)
      // (The overview tells what to do too, but a kind it answers asks what the cramps are.)
      const asked = index.section(s.kind?.section ?? null);
      const otherKind = asked !== undefined && (!asksWhatToDo(s, index) || asked === index.defaultSection);
      const stays =
        (s.pointsBack && !s.asksNext) ||
        (index.isWhatToDo(first.topic) &&
          first.score <= WHAT_TO_DO_SCORE &&
          !otherKind &&
          index.overlap(s, section.id) > 0);
      return stays ? current(state, index) : null;
    },
  },
  {
    // "...what is my body telling me?", "any ideas?" after a story, "what's the number one cause?": a question
    // kind a general section answers (intents/kinds.yaml), with no specific topic or aspect named (ADR 7).
    name: "general-question-kind",
    decide: (s, state, index) => {
      const kind = s.kind;
      // A kind about an aspect of a topic told before needs that topic; one about how the story relates to the
      // cramps ("is there a link?", kinds.yaml `link`) is the general section's when no specific topic is named.
      // Asked of the cramp itself, naming no topic, with no specific topic talked about ("my leg goes rock hard at
      // 3am, what even is that?", "what exactly counts as a night cramp"), it is the general section's too. ("That"
      // points at no answer before the first one.)
      const back = s.pointsBack && state.section !== null;
      const ofTheCramp =
        s.anchored && s.topics.size === 0 && !back && (state.topic === null || index.isGeneral(state.topic));
      if (kind?.section == null || (kind.keepsTopic && kind.facet !== null && !ofTheCramp)) return null;
      // "hands or something else?" offers an option: no what-else is asked.
      if (kind.name === BARE_WHAT_ELSE && elseAsAnOption(s)) return null;
      // An aspect named is asked about, unless the person set things aside: "I take 300 mg a day already" names one.
      // A weak facet word names an aspect in a short question ("what else can I get it from"), not in a story's
      // closing line ("...Where should I start?").
      const facet = facetOf(s, index);
      const named = facet !== null && (!s.story || (s.facets.get(facet) ?? 0) >= FACET_FIRST);
      if (top(s, index).specific || (named && s.ruledOut.length === 0)) return null;
      // "what causes blisters?": an unknown subject is not ours.
      if (s.unknownMatters && !s.anchored) return null;
      const section = index.section(kind.section);
      if (!section) return null;
      // "...give me the main takeaways so I know where to start": another general section named by its own words;
      // not one named by a question word ("why" in "why do they keep coming back?", kinds.yaml).
      const first = top(s, index).top;
      const other =
        first !== undefined &&
        first.topic !== section.topic &&
        first.score >= NAMED_GENERAL &&
        !s.kindSections.includes(first.topic);
      if (other && index.section(first.topic) !== index.defaultSection) return null;
      return answer(section);
    },
  },
  {
    // "I already drink plenty, so not that" after the causes: it narrows the general answer just given.
    name: "rules-out-from-the-general-answer",
    decide: (s, state, index) => {
      const section = index.section(state.section);
      if (s.ruledOut.length === 0 || !section || !index.isGeneral(section.topic)) return null;
      // "i already drink like 4L so not water" names only what it rules out.
      const named = index.rankTopics(s).filter((r) => !s.ruledOut.includes(r.topic));
      return named.length === 0 && facetOf(s, index) === null ? answer(section) : null;
    },
  },
  {
    // "stretching or massage, which works better?", "vitamin D from the sun or from food?": a choice between two
    // things the article does not rank: both, in article order (comparison.ts; "magnesium or vitamin D?" still asks).
    name: "comparison",
    decide: (s, _state, index) => {
      const sections = comparedSections(s, index);
      return sections ? { kind: "answer-both", sections, compare: true } : null;
    },
  },
  {
    // Two close topics, but the aspect asked about exists for only one of them ("the lack of sun"): that one.
    name: "only-one-topic-has-the-facet",
    decide: (s, _state, index) => {
      if (!topicLeads(s, index) || !top(s, index).specific || !closeSecond(s, index)) return null;
      const facet = facetOf(s, index);
      if (facet === null) return null;
      const withFacet = index
        .rankTopics(s)
        .filter((r) => index.sectionsWithFacet(facet).some((x) => x.topic === r.topic));
      const only = withFacet.length === 1 ? withFacet[0] : undefined;
      const section = only ? index.sectionOf(only.topic, s, null) : undefined;
      return section ? answer(section) : null;
    },
  },
  {
    // "foods with magnesium and vitamin D", "which vitamin am I missing?": two sibling topics about as strong, the
    // same aspect of each, no choice asked for: both in one reply.
    name: "sibling-topics",
    decide: (s, _state, index) => {
      const first = topicLeads(s, index);
      const second = closeSecond(s, index);
      if (!first || !top(s, index).specific || !second || index.siblings.asksToChoose(s)) return null;
      const pair = index.siblings.pair(first.topic, second.topic);
      if (!pair) return null;
      const sections = pair.map((t) => index.sectionOf(t, s, null)).filter((x): x is Section => !!x);
      const [one, two] = sections;
      return one && two && one.facet === two.facet ? { kind: "answer-both", sections } : null;
    },
  },
  {
    // "how long should I stretch and how much should I drink, for each?", "what do massage and the breathing do?": two
    // specific topics about as strong, both named by their own words and joined ("and", "each"): both, in article
    // order, rather than asking which (ADR 38).
    name: "two-topics-together",
    decide: (s, _state, index) => {
      const first = topicLeads(s, index);
      const second = closeSecond(s, index);
      if (!first || !top(s, index).specific || !second || index.isGeneral(second.topic)) return null;
      if (!index.siblings.joinsTogether(s) || second.score < NAMED_TOGETHER) return null;
      const sections = [first.topic, second.topic]
        .map((t) => index.sectionOf(t, s, null))
        .filter((x): x is Section => x !== undefined);
      if (sections.length !== 2) return null;
      const place = (x: Section) => x.place ?? Number.MAX_SAFE_INTEGER;
      return { kind: "answer-both", sections: sections.sort((a, b) => place(a) - place(b)) };
    },
  },
  {
    // "magnesium or vitamin D?": two specific topics about as strong, neither the one talked about: ask.
    name: "clarify-close-topics",
    decide: (s, state, index) => {
      const first = topicLeads(s, index);
      const second = closeSecond(s, index);
      if (!first || !top(s, index).specific || !second || second.topic === state.topic) return null;
      const options = [first.topic, second.topic]
        .map((t) => index.sectionOf(t, s, null))
        .filter((x): x is Section => x !== undefined);
      return { kind: "clarify", options, facet: facetOf(s, index) };
    },
  },
  {
    // "does selenium help cramps?" read as a general question: its unknown subject matters more.
    name: "unknown-subject-of-a-general-question",
    decide: (s, _state, index) =>
      topicLeads(s, index) && !top(s, index).specific && s.unknownMatters && !s.anchored
        ? fallback("unknown", s, index)
        : null,
  },
  {
    // The leading topic's best section for the aspect asked about (or the one carried over).
    name: "leading-topic",
    decide: (s, state, index) => {
      const first = topicLeads(s, index);
      if (!first) return null;
      const section = index.sectionOf(first.topic, s, carriedFacet(s, state, first.topic));
      return section ? answer(section) : null;
    },
  },
  {
    // An aspect with an unknown subject ("how much selenium a day?"): not ours.
    name: "unknown-subject-of-an-aspect",
    decide: (s, _state, index) =>
      facetOf(s, index) !== null && s.unknownMatters && !s.anchored ? fallback("unknown", s, index) : null,
  },
  {
    // "how much?" right after an answer from two sibling sections: that aspect of both again.
    name: "aspect-of-both-siblings",
    decide: (s, state, index) => {
      const facet = facetOf(s, index);
      if (facet === null || state.topic === null || (state.also ?? []).length === 0 || s.topics.size > 0)
        return null;
      const topics = [state.topic, ...(state.also ?? []).map((id) => index.section(id)?.topic)];
      const sections = index.sectionsWithFacet(facet).filter((x) => topics.includes(x.topic));
      const both = index.siblings.across(sections);
      return both && both.length === topics.length ? { kind: "answer-both", sections: both } : null;
    },
  },
  {
    // "what dose?" while on magnesium: the aspect of the topic talked about.
    name: "aspect-of-the-current-topic",
    decide: (s, state, index) => {
      const facet = facetOf(s, index);
      if (facet === null || state.topic === null || index.isGeneral(state.topic)) return null;
      const counted = countedPart(s, state, index, facet);
      if (counted) return answer(counted);
      // "and I never see daylight, does that matter?" after water: an aspect, named by a word of its own, that the
      // topic talked about lacks and only one other topic has (sunlight: vitamin D) is that topic's. (An aspect two
      // topics share, "how much?", stays on the topic talked about: hydration's amount.)
      const owners = new Set(index.sectionsWithFacet(facet).map((x) => x.topic));
      if (asksAspectOthersShare(s, facet, owners, state.topic, index)) return null;
      const [only] = owners;
      // (Not a bare "even in winter?" after water, which asks about water in winter.)
      const strong =
        (s.facets.get(facet) ?? 0) >= FACET_FIRST && s.analysis.tokenCount >= OTHER_ASPECT_TOKENS;
      const topic =
        strong && owners.size === 1 && only !== undefined && !owners.has(state.topic) ? only : state.topic;
      const section = index.sectionOf(topic, s, null);
      return section ? answer(section) : null;
    },
  },
  {
    // "what should I eat for cramps?", "which supplements help?" with no topic: the aspect exists only in sibling
    // topics, so both in one reply; unless a choice is asked for, or an amount of nothing named ("how much?"; "which
    // pills, and how many a day?" names them).
    name: "aspect-of-sibling-topics",
    decide: (s, _state, index) => {
      const facet = facetOf(s, index);
      // A weak hint ("twice a week") never decides on its own.
      if (facet === null || (s.facets.get(facet) ?? 0) < FACET_FIRST) return null;
      if (index.siblings.asksToChoose(s, false) || index.siblings.asksAmount(s, facet, FACET_FIRST))
        return null;
      const both = index.siblings.across(index.sectionsWithFacet(facet));
      return both ? { kind: "answer-both", sections: both } : null;
    },
  },
  {
    // "which foods help?" with no topic: the one section with that aspect, or ask among several.
    name: "aspect-across-topics",
    decide: (s, _state, index) => {
      const facet = facetOf(s, index);
      if (facet === null) return null;
      const candidates = index.sectionsWithFacet(facet);
      const only = candidates[0];
      if (candidates.length === 1 && only) return answer(only);
      if (candidates.length > 1) return { kind: "clarify", options: candidates, facet };
      return null;
    },
  },
  {
    // "how hard should I press?" after massage: words from the answer just given.
    name: "about-the-last-answer",
    decide: (s, state, index) => {
      const section = index.section(state.section);
      return section && s.unknown.length === 0 && index.overlap(s, section.id) > 0
        ? current(state, index)
        : null;
    },
  },
  {
    // "can I do it on myself?" right after an answer: about that answer.
    name: "points-back",
    decide: (s, state, index) =>
      s.pointsBack && s.unknown.length === 0 && s.topics.size === 0 ? current(state, index) : null,
  },
  {
    // "my cramps are awful": clearly about cramps, naming nothing else: the overview.
    name: "about-cramps-in-general",
    decide: (s, _state, index) => {
      const section = index.defaultSection;
      return section && s.anchored && s.unknown.length === 0 && s.otherContent <= OTHER_CONTENT
        ? answer(section)
        : null;
    },
  },
  {
    // "how many times?", "how long for?" with nothing named, right after a specific answer: asked about that answer.
    name: "bare-question-about-the-last-answer",
    decide: (s, state, index) => {
      const section = index.section(state.section);
      const bare = s.topics.size === 0 && s.facets.size === 0 && s.unknown.length === 0 && !s.outOfScope;
      if (!section || !bare || s.scope?.subject != null || s.analysis.tokenCount > BARE_TOKENS) return null;
      // One sentence: "My friend say pickle juice. Is good?" tells something new before it asks.
      // ...but a short question first, then a remark, still asks about the answer ("in manchester?? so basically
      // never enough then" after the sunlight: the place told is context, read by the lexicon).
      if (/[.!?]\s+\S/.test(s.text.trim()) && !asksFirst(s.text)) return null;
      // A kind that keeps the topic ("how many times?") after a specific answer; any other short question ("where
      // exactly?", "and in summer?", "whats the max tho", "do they go away?") after any answer, as nothing else read it.
      if (s.kind?.keepsTopic === true && !index.isGeneral(section.topic)) return answer(section);
      return asksSomething(s) ? answer(section) : null;
    },
  },
  {
    // Nothing decided: "I don't know", with guesses when nothing matched at all.
    name: "fallback",
    decide: (s, _state, index) => fallback(s.unknown.length > 0 ? "unknown" : "no-match", s, index),
  },
];
/** The question kind (intents/kinds.yaml) of "why?": after some answers it asks for another section (whyAfter). */
const WHY_KIND = "cause";

/** The message's question kind is answered by a what-to-do section ("what do I do about it?"). */
function asksWhatToDo(s: Signals, index: KnowledgeIndex): boolean {
  const section = index.section(s.kind?.section ?? null);
  return section !== undefined && index.isWhatToDo(section.topic);
}

/** The conversation has had an answer: what follows is said of the cramps even without the word. */
/**
 * "I take it in the morning with only coffee, no food. Is ok?" after the vitamin D dose: a pointer back and the aspect
 * just answered, named strongly, ask about that answer; a flat out-of-scope word beside them is said in passing.
 */
function pointsAtTheAspect(s: Signals, state: ConversationState, index: KnowledgeIndex): boolean {
  if (!aboutCramps(state) || !s.pointsBack || state.facet === null || state.facet === index.mainFacet)
    return false;
  const topic = state.topic;
  if (topic === null || index.isGeneral(topic) || top(s, index).top !== undefined) return false;
  return facetOf(s, index) === state.facet && namedStrongly(s, state.facet);
}

function aboutCramps(state: ConversationState): boolean {
  return state.answers > 0 && state.section !== null;
}

/** Nothing has been said yet in this conversation: no answer, reply, red flag or dialogue. */
function opening(state: ConversationState): boolean {
  return (
    state.answers === 0 &&
    state.section === null &&
    state.suggestions.length === 0 &&
    state.redFlag === null &&
    state.dialogue === null &&
    state.paused === null
  );
}

/** The question kind (intents/kinds.yaml) of "which one is most common" (commonest-of-a-list). */
/** Specific topics this strong, even sharing a word ("deficiency": magnesium and vitamin D), are asked about. */
const SOME_SPECIFIC = 0.4;
const COMMONEST_KIND = "commonest";

/** The question kind (intents/kinds.yaml) of "where do I get it": the topic's first source (source-of-the-topic). */
const SOURCE_KIND = "source";

/** The question kind (intents/kinds.yaml) of "does that change it?": whether the last answer holds for what is told. */
const CHANGES_KIND = "changes";

/** The question kind (intents/kinds.yaml) a bare "what else" is given: it names nothing the message asks. */
const BARE_WHAT_ELSE = "other";

/** A message naming a list item by its place is this short ("tell me more about the first one"). */
const ORDINAL_TOKENS = 8;

/** A topic this strong is named by a keyword or title word (words from example questions weigh less). */
const NAMES_SPECIFIC = 0.8;

/** The message names a specific topic by a keyword or title word (`besides` aside). */
function specificNamed(s: Signals, index: KnowledgeIndex, besides: string | null = null): boolean {
  return [...s.topics].some(([t, score]) => score >= NAMES_SPECIFIC && !index.isGeneral(t) && t !== besides);
}

/** See the small-talk rule: a thanks phrase inside a question that asks of its own. */
function asksPastThanks(s: Signals): boolean {
  if (s.kind?.section != null && (s.followup === "next" || s.asksNext)) return true;
  // ("so that helped a lot, thanks" opens with a question word but asks nothing: "does that help?" has its mark, and
  // "does that really help the legs", voice-typed, opens with a verb that asks.)
  return s.kind !== null && (s.startsWithQuestionVerb || (s.startsWithQuestionWord && s.text.includes("?")));
}

/**
 * "with what, hands or something else?": an "or" right before the what-else words offers one more option in a choice;
 * it asks for no more of a list.
 */
function elseAsAnOption(s: Signals): boolean {
  const terms = s.analysis.terms;
  for (let i = 1; i + 1 < terms.length; i++)
    if (terms[i - 1] === "or" && terms[i + 1] === "else") return true;
  return false;
}

/** The message opens with a short question of its own, closed by "?" ("in manchester?? so never enough then"). */
function asksFirst(text: string): boolean {
  const first = /^[^.!?]*\?/.exec(text.trim())?.[0] ?? "";
  const words = first.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
  return words.length > 0 && words.length <= ASKS_FIRST_WORDS;
}
/**
 * "wat food shd i add" after water: an aspect the topic talked about has no section for, named by a word of its own
 * (not an amount: "how much?" after water is water's amount), that more than one other topic has, with nothing of the
 * topic talked about told ("I eat loads of fibre" is water's): asked of those topics, not answered from this one.
 */
function asksAspectOthersShare(
  s: Signals,
  facet: string,
  owners: ReadonlySet<string>,
  topic: string,
  index: KnowledgeIndex,
): boolean {
  const own = (s.facets.get(facet) ?? 0) - (s.amountFacets.get(facet) ?? 0);
  // (A topic's words set aside still tell it: "even with loads of fibre in my diet?" is water's.)
  const told = s.topics.has(topic) || s.excludedSections.some((id) => index.section(id)?.topic === topic);
  return owners.size > 1 && !owners.has(topic) && own >= FACET_FIRST && !told;
}
/**
 * "how many a day?", "how many of those a day" after the magnesium foods: an amount with no word of its own for the
 * aspect it reads as (the dose), that counts things, asks how many of the things just listed: the part of the topic
 * answered last (not its main section, not one of that aspect already).
 */
function countedPart(
  s: Signals,
  state: ConversationState,
  index: KnowledgeIndex,
  facet: string,
): Section | undefined {
  const at = index.section(state.section);
  if (!s.counts || s.topics.size > 0 || !at || at.topic !== state.topic || state.dialogue !== null)
    return undefined;
  if (at.facet === facet || at.facet === index.mainFacet || at === index.section(at.topic)) return undefined;
  const own = (s.facets.get(facet) ?? 0) - (s.amountFacets.get(facet) ?? 0);
  return own < FACET_FIRST ? at : undefined;
}

/** A question first this short, before a remark ("in manchester??"). */
const ASKS_FIRST_WORDS = 3;

/** A bare question about the last answer is this short ("how many times would he need to go"). */
const BARE_TOKENS = 10;

/** The message asks: a question mark, a question kind, a switch ("and in summer"), or a question word first. */
export function asksSomething(s: Signals): boolean {
  return s.text.includes("?") || s.kind !== null || s.switchTopic || s.startsWithQuestionWord;
}
/** At most this many words not explained by any phrase, for "about cramps in general". */
const OTHER_CONTENT = 1;

/** The first rule that decides, and its decision (the last rule always decides). */
export function firstRule(
  s: Signals,
  state: ConversationState,
  index: KnowledgeIndex,
  rules: readonly Rule[] = RULES,
): { rule: string; decision: RuleDecision } {
  for (const rule of rules) {
    const decision = rule.decide(s, state, index);
    if (decision !== null) return { rule: rule.name, decision };
  }
  return { rule: "fallback", decision: fallback(s.unknown.length > 0 ? "unknown" : "no-match", s, index) };
}

/** Runs the rules in order; the first decision wins. */
export function decide(
  s: Signals,
  state: ConversationState,
  index: KnowledgeIndex,
  rules: readonly Rule[] = RULES,
): RuleDecision {
  const { decision } = firstRule(s, state, index, rules);
  // What the person already does or ruled out goes with the answer: the transition keeps it for the conversation.
  return decision.kind === "answer" && s.ruledOut.length > 0
    ? { ...decision, ruledOut: s.ruledOut }
    : decision;
}
