/**
 * Role: follow-ups on the conversation's last answer and its list — which general answer ("causes", "what to do")
 * a specific answer belongs to, and which item of an answer's list "the first one" names. The rules use them for
 * "what else" after one remedy or cause, and for ordinals (rules.ts). A general section's list is its `followups`
 * (knowledge front matter), in the order the article gives them.
 */
import type { Section } from "./knowledge.js";
import type { KnowledgeIndex } from "./knowledge-index.js";
import type { ConversationState } from "./state.js";

/** The sections a section lists, in order (dialogues aside). */
export function listed(section: Section, index: KnowledgeIndex): Section[] {
  return section.followups
    .filter((id) => !id.startsWith("dialogue:"))
    .map((id) => index.section(id))
    .filter((x): x is Section => x !== undefined);
}

/**
 * The general section of what to do that lists `current` (prevention lists stretching), else one that is not the
 * default answer (the overview also tells what to do, but is no list of remedies).
 */
function whatToDo(current: Section, index: KnowledgeIndex): Section | undefined {
  const sections = index.knowledge.sections.filter((x) => index.isWhatToDo(x.topic));
  return (
    sections.find((x) => listed(x, index).some((y) => y.topic === current.topic)) ??
    sections.find((x) => x !== index.defaultSection) ??
    sections[0]
  );
}

/**
 * The general answer whose list the current answer is one item of, when the current answer is a topic of one
 * section (a remedy or a cause such as stretching, hydration, stress): the latest general answer of this conversation
 * that lists it ("what causes them" → "could it be my water" → "and what else" is about the causes), else the
 * what-to-do answer (a remedy's "what else" is the other remedies). Undefined for a general answer, or for a topic of
 * several sections (magnesium: "what else" goes on to its next section).
 */
export function parentList(state: ConversationState, index: KnowledgeIndex): Section | undefined {
  const current = index.section(state.section);
  // Inside a dialogue ("next" in the stretch coach) the dialogue reads the follow-ups.
  if (!current || state.dialogue !== null || index.isGeneral(current.topic)) return undefined;
  if (index.sectionsOfTopics([current.topic]).length !== 1) return undefined;
  for (const id of [...state.visited].reverse()) {
    const seen = index.section(id);
    if (!seen || !index.isGeneral(seen.topic)) continue;
    if (listed(seen, index).some((x) => x.id === current.id || x.topic === current.topic)) return seen;
  }
  return whatToDo(current, index);
}

/**
 * The `n`th item (1-based; -1 the last) of the current answer's list: "tell me more about the first one". After two
 * sections answered together ("which supplements help?": magnesium's, then vitamin D's), the list is those two, in
 * the order given: "what dose for the first one?" is about magnesium's.
 */
export function listItem(n: number, state: ConversationState, index: KnowledgeIndex): Section | undefined {
  const current = index.section(state.section);
  if (!current || state.dialogue !== null) return undefined;
  const together = (state.also ?? []).map((id) => index.section(id)).filter((x): x is Section => !!x);
  const items = together.length > 0 ? [current, ...together] : listed(current, index);
  return n < 0 ? items.at(n) : items[n - 1];
}

/**
 * The first of the conversation topic's own sections in article order (magnesium: its foods; vitamin D: sunlight),
 * for "how do I get more of it"; undefined when the topic has no sections of its own beside its main one.
 * @param setAside aspects the message sets aside ("if there's no sun", "apart from pills"): the first source of
 *   another aspect. Default: none.
 */
export function firstSource(
  state: ConversationState,
  index: KnowledgeIndex,
  setAside: readonly string[] = [],
): Section | undefined {
  return state.topic === null ? undefined : sourceOf(state.topic, index, setAside);
}

/** The first of a topic's own sections in article order whose aspect is not set aside (see firstSource). */
export function sourceOf(
  topic: string,
  index: KnowledgeIndex,
  setAside: readonly string[] = [],
): Section | undefined {
  if (index.isGeneral(topic)) return undefined;
  const main = index.section(topic);
  return index.knowledge.sections
    .filter((x) => x.topic === topic && x !== main && !setAside.includes(x.facet))
    .sort((a, b) => (a.place ?? Number.MAX_SAFE_INTEGER) - (b.place ?? Number.MAX_SAFE_INTEGER))[0];
}
