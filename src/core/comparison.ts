/**
 * Role: comparisons — "stretching or massage, which works better?", "vitamin D from the sun or from food?", "nuts or
 * mushrooms?": a choice between two things the article sets out but never ranks is answered from both, in article
 * order (the reply's `section`, and the batch contract's, is the first). A choice between the two deficiencies
 * themselves ("magnesium or vitamin D, which is better?") is answered from both too (ADR 38; ADR 8 asked it back): the
 * person named the two, and asking "magnesium or vitamin D?" back tells them nothing the article does not rank.
 * Docs: docs/adr/0009-comparisons-closings-and-follow-ups.md, docs/adr/0038-stories-pairs-and-what-a-story-tells.md.
 */
import type { Section } from "./knowledge.js";
import type { KnowledgeIndex } from "./knowledge-index.js";
import type { Signals } from "./reader.js";

/** The second thing compared has at least this share of the first's evidence (a choice word says there are two). */
const COMPARED_RATIO = 0.4;
/** A facet named this strongly is one of the things compared ("from the sun or from food"). */
const COMPARED_FACET = 0.5;

/** The sections a comparison asks about, in article order; null when the message compares nothing we answer. */
export function comparedSections(s: Signals, index: KnowledgeIndex): Section[] | null {
  // "with breakfast or before bed, which is better?" asks how to take one thing: the kind's aspect answers it.
  if (s.kind?.oneThing === true) return null;
  const choosing = index.siblings.asksToChoose(s);
  // Two aspects of one topic joined by "or" ("can I get vitamin D from the sun or do I need to eat something?") are
  // both answered, with or without a choice word: the article gives each of them.
  if (!choosing && s.joinedFacets.length < 2) return null;
  const specific = index.rankTopics(s).filter((t) => !index.isGeneral(t.topic));
  const [first, second] = specific;
  if (first === undefined) return null;
  let sections: Section[];
  if (second !== undefined && second.score >= COMPARED_RATIO * first.score) {
    if (!choosing) return null;
    const one = index.sectionOf(first.topic, s, null);
    const two = index.sectionOf(second.topic, s, null);
    if (!one || !two) return null;
    sections = [one, two];
  } else {
    // One topic, two of its aspects: "vitamin D from the sun or from food, which is better?".
    const facets = choosing
      ? [...s.facets]
          .filter(([facet, score]) => facet !== index.mainFacet && score >= COMPARED_FACET)
          .map(([facet]) => facet)
      : s.joinedFacets;
    sections = index.knowledge.sections.filter((x) => x.topic === first.topic && facets.includes(x.facet));
    if (sections.length !== 2) return null;
  }
  // Article order (front matter `place`); the knowledge base's own order where a place is missing.
  const order = index.knowledge.sections;
  const place = (x: Section) => x.place ?? order.length + order.indexOf(x);
  return sections.sort((a, b) => place(a) - place(b));
}
