import fs from "node:fs";
import { it } from "vitest";
import { RedFlags } from "../../src/core/redflags.js";
import { createBot } from "../support/bot.js";

it("why", () => {
  const bot = createBot();
  const lexicon = bot.engine.reader.lexicon;
  const rf = new RedFlags(bot.engine.intents.urgent, lexicon);
  for (const t of fs.readFileSync("/tmp/rf18/why.txt", "utf8").split("\n").filter(Boolean)) {
    const a = lexicon.analyze(t);
    console.log(
      JSON.stringify(rf.firing(a, false)),
      JSON.stringify(rf.check(a, t).urgent),
      "|",
      t.slice(0, 100),
      "\n   ",
      a.terms.join(" "),
    );
  }
});
