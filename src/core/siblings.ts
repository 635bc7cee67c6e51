/**
 * Role: sibling topics — topics the article sets side by side (the two deficiencies, magnesium and vitamin D), read
 * from the parent sections' `siblings` role in knowledge/ front matter. A question that fits two siblings equally
 * ("what should I eat for cramps?", "which vitamin am I missing?") is answered from both in one reply, in article
 * order, unless it asks to choose between them ("which is better", the lexicon's `choice` words) or asks for an
 * amount of nothing named ("how much should I take?", the lexicon's `amount` words). See docs/adr/0008.
 */
import type { KnowledgeBase, Section } from "./knowledge.js";
import type { Lexicon } from "./lexicon.js";
import { PhraseTable } from "./lexicon.js";
import type { Signals } from "./reader.js";

export class Siblings {
  /** Each sibling topic's group name (its parent section's `siblings` role). */
  private readonly groupOf = new Map<string, string>();
  /** Each topic's place in the article (its first section's place in the knowledge base). */
  private readonly order = new Map<string, number>();
  private readonly choice = new PhraseTable<true>();
  private readonly choiceBetweenNamed = new PhraseTable<true>();
  private readonly both = new PhraseTable<true>();
  private readonly amount = new PhraseTable<true>();
  private readonly together = new PhraseTable<true>();
  /** The facet of what a topic is (lexicon `main_facet`): a kind's own evidence for it names no aspect. */
  private readonly mainFacet: string | null;

  constructor(knowledge: KnowledgeBase, lexicon: Lexicon) {
    this.mainFacet = lexicon.data.main_facet ?? null;
    knowledge.sections.forEach((section, i) => {
      if (!this.order.has(section.topic)) this.order.set(section.topic, i);
      const group = section.roles.siblings;
      if (group !== undefined) this.groupOf.set(section.topic, group);
    });
    for (const phrase of lexicon.data.choice ?? []) this.choice.set(lexicon.terms(phrase), true);
    for (const phrase of lexicon.data.choice_between_named ?? [])
      this.choiceBetweenNamed.set(lexicon.terms(phrase), true);
    for (const phrase of lexicon.data.both ?? []) this.both.set(lexicon.terms(phrase), true);
    for (const phrase of lexicon.data.amount ?? []) this.amount.set(lexicon.terms(phrase), true);
    for (const phrase of lexicon.data.together ?? []) this.together.set(lexicon.terms(phrase), true);
  }

  /** The message joins things it asks about ("and", "each": the lexicon's `together` words). */
  joinsTogether(s: Signals): boolean {
    return this.together.findAll(s.analysis.terms).length > 0;
  }

  /** The other topics of `topic`'s sibling group, in article order ("and the other one?"); none for a topic of none. */
  others(topic: string): string[] {
    const group = this.groupOf.get(topic);
    if (group === undefined) return [];
    return [...this.groupOf]
      .filter(([t, g]) => g === group && t !== topic)
      .map(([t]) => t)
      .sort((a, b) => this.place(a) - this.place(b));
  }

  /** The two topics in article order when they are siblings; null otherwise. */
  pair(a: string, b: string): [string, string] | null {
    const group = this.groupOf.get(a);
    if (a === b || group === undefined || this.groupOf.get(b) !== group) return null;
    return this.place(a) <= this.place(b) ? [a, b] : [b, a];
  }

  /**
   * Sections with one facet that all belong to sibling topics of one group, one per topic, in article order; null
   * when any candidate is outside the group (then the question is a real choice, asked back).
   */
  across(candidates: readonly Section[]): Section[] | null {
    const first = candidates[0];
    const group = first === undefined ? undefined : this.groupOf.get(first.topic);
    if (candidates.length < 2 || group === undefined) return null;
    if (candidates.some((c) => this.groupOf.get(c.topic) !== group)) return null;
    if (new Set(candidates.map((c) => c.topic)).size !== candidates.length) return null;
    return [...candidates].sort((x, y) => this.place(x.topic) - this.place(y.topic));
  }

  /**
   * The message asks to choose ("which is better", "which one first"), or names the two joined by "or" and asks
   * nothing about them ("magnesium or vitamin D?"): asked back, not answered for both. Asking whether both are
   * needed ("or both?") is never a choice; "best" chooses only between things named (`named`), so "best supplements
   * for cramps" asks which help.
   */
  asksToChoose(s: Signals, named = true): boolean {
    const { terms } = s.analysis;
    if (this.both.findAll(terms).length > 0) return false;
    // ("massage or acupuncture, which is worth paying for?": the main facet a kind adds, "worth", names no aspect.)
    if (terms.includes("or") && this.namesNoAspect(s)) return true;
    if (named && this.choiceBetweenNamed.findAll(terms).length > 0) return true;
    return this.choice.findAll(terms).length > 0;
  }

  /**
   * The message asks for an amount ("how much", "what dose") of nothing it names: of what is asked back. A thing
   * named by its own word ("which pills, and how many a day?", "should I take a tablet, and how much?", "the doses
   * for the supplements") is not nothing: `facet` evidence of at least `named` beyond the amount words.
   */
  asksAmount(s: Signals, facet: string | null = null, named = Number.POSITIVE_INFINITY): boolean {
    if (this.amount.findAll(s.analysis.terms).length === 0) return false;
    if (facet === null) return true;
    const beyond = (s.facets.get(facet) ?? 0) - (s.amountFacets.get(facet) ?? 0);
    return beyond < named;
  }

  /** No facet but the main one has evidence. */
  private namesNoAspect(s: Signals): boolean {
    for (const facet of s.facets.keys()) if (facet !== this.mainFacet) return false;
    return true;
  }

  private place(topic: string): number {
    return this.order.get(topic) ?? Number.MAX_SAFE_INTEGER;
  }
}
