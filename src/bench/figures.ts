/** The bench's shared pieces: latency figures from a list of timings, and the reference searches' documents. */
import type { KnowledgeBase } from "../core/knowledge.js";

export interface Figures {
  perSecond: number;
  p50: number;
  p99: number;
  /** Process CPU time per message (µs), where measured: steadier than wall time on a loaded machine. */
  cpuUs?: number;
}

export function summarise(latencies: number[], totalMs: number): Figures {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { perSecond: (latencies.length / totalMs) * 1000, p50: at(0.5), p99: at(0.99) };
}

/** The sections as the reference searches index them: every field of each, the answer with its "more". */
export function referenceDocs(knowledge: KnowledgeBase) {
  return knowledge.sections.map((s) => ({
    id: s.id,
    title: s.title,
    keywords: s.keywords.join(" "),
    questions: s.questions.join(" "),
    answer: `${s.answer} ${s.more}`,
  }));
}
