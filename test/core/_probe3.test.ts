import { it } from "vitest";
import { createEngine } from "../../src/core/engine.js";
it("p3", async () => {
  const e = createEngine({ rateLimit: { messages: 1e6, windowMs: 1 } });
  for (const s of e.knowledge.sections) console.log(s.id, "dose", s.dose, "followups", s.followups.join(","), "ans", s.answer.length, "more", s.more.length);
  const adv = e.intents.urgent.advisories[0]!.text.length;
  const m = e.intents.messages;
  for (const s of e.knowledge.sections) {
    const body = Math.max(s.answer.length, s.more.length);
    const total = adv + body + m.source.length + s.heading.length + Math.max(m.dose_caution.length, m.disclaimer.length) + 6 + m.resume_offer.length + 14;
    if (total > 1400) console.log("LONG", s.id, total);
  }
  // checkup: try all combos of options
  const qs = e.intents.checkup.questions;
  let max = 0; let maxCombo = "";
  const combos: string[][] = [[]];
  for (const q of qs) { const next: string[][] = []; for (const c of combos) for (const o of q.options) next.push([...c, `checkup:${q.id}:${o.id}`]); combos.splice(0, combos.length, ...next); }
  let i = 0;
  for (const c of combos) {
    const id = `c${i++}`;
    await e.handle({ platform: "t", conversationId: id, userId: "u", kind: "text", text: "/checkup" });
    let r;
    for (const b of c) r = await e.handle({ platform: "t", conversationId: id, userId: "u", kind: "button", buttonId: b });
    if (r!.text.length > max) { max = r!.text.length; maxCombo = c.join(" "); }
    if (r!.text.endsWith("…")) console.log("TRUNC", c.join(" "), r!.text.length);
  }
  console.log("max", max, maxCombo, combos.length);
});
