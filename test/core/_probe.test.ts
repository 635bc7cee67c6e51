import { it } from "vitest";
import { createEngine } from "../../src/core/engine.js";

it("probe", async () => {
  let t = 1_700_000_000_000;
  const t0 = performance.now();
  const engine = createEngine({ clock: { now: () => t } });
  console.log("construct ms", performance.now() - t0);
  const t1 = performance.now();
  createEngine({ clock: { now: () => t } });
  console.log("construct2 ms", performance.now() - t1);
  const convs: string[][] = JSON.parse(process.env.PROBE ?? "[]");
  for (const [ci, conv] of convs.entries()) {
    for (const text of conv) {
      if (text.startsWith("@adv")) { t += Number(text.slice(4)); continue; }
      const msg = text.startsWith("#btn ")
        ? { platform: "t", conversationId: `p${ci}`, userId: "u", kind: "button" as const, buttonId: text.slice(5) }
        : { platform: "t", conversationId: `p${ci}`, userId: "u", kind: "text" as const, text };
      const r = await engine.handle(msg);
      console.log(JSON.stringify(text.slice(0, 80)), "=>", r.intent, r.section?.id ?? null, "|", r.text.slice(0, Number(process.env.W ?? 160)).replace(/\n/g, "⏎"), "|", r.suggestions.map((s) => s.id).join(","));
    }
    t += 1000;
  }
});
