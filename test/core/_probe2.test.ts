import { it } from "vitest";
import { createEngine } from "../../src/core/engine.js";
import { normalizeText, stem, editDistance } from "../../src/core/normalize.js";

it("probe2", async () => {
  const engine = createEngine();
  const lex = engine.intents.lexicon;
  for (const s of ["Ｈｅｌｌｏ", "CAFÉ Crème", "sooo baaad!!!", "100mg", "1.5L", "take 2x", "a\u0000b\u0007c\u200bd", "what's up?", "end. 3.5 x", "don't", "I can’t sleep", "…hello…", "ﬁne", "²"]) console.log(JSON.stringify(s), "->", JSON.stringify(normalizeText(s)));
  for (const w of ["cramps", "cramping", "cramped", "stopped", "stories", "classes", "running", "calves", "is", "bus", "magnesium's", "feeds", "100mg"]) console.log(w, stem(w));
  console.log(editDistance("magnesium", "magnesuim", 2), editDistance("abc", "acb", 2), editDistance("kitten", "sitting", 5), editDistance("abcdef", "zzzzzz", 2), editDistance("", "abc", 5));
  for (const s of ["I can't sleep", "I cant sleep", "charley horse in my calf", "vit d", "Mg", "100 mg", "100mg of magnesium", "magnesuim", "spain", "fairly", "zinc", "acne", "I don't know", "wont stop", "magnesium", "vitamin d3", "dehydrated calves", "stomach upset", "sprained ankle"]) {
    const a = lex.analyze(s);
    console.log(JSON.stringify(s), "terms", JSON.stringify(a.terms), "stems", JSON.stringify(a.stems), "unknown", JSON.stringify(a.unknown), a.nonEnglishCount, a.foreignCount);
  }
  console.log(JSON.stringify(lex.terms("charley horse")), lex.isKnown("magnesium"), lex.isKnown("spain"));
});
