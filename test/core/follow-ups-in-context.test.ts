// Follow-up turns read in the context of the answer before (issue 10, ADR 31): "what else can I do?" after one remedy,
// "what else?" after the causes, short questions that name nothing ("where exactly?", "and in summer?"), "and the
// other one?", "where do I get it", "why do they happen then?", "what does the article say then?" after an
// out-of-scope reply, and a new subject opened after a red flag.
import { beforeAll, describe, expect, it } from "vitest";
import type { Reply } from "../../src/core/types.js";
import { type Bot, createBot, expectChain } from "../support/bot.js";

let bot: Bot;
beforeAll(() => {
  bot = createBot({ rateLimit: { messages: 1000, windowMs: 60_000 } });
});

/** Says each turn in a new conversation and checks what each reply answers from (see expectChain). */
const expectTurns = (turns: [string, string][]): Promise<Reply[]> => expectChain(bot.chat(), turns);

describe("'what else can I do?' after one remedy or topic lists what to do", () => {
  it.each([
    [["how do I stretch my calves", "how many times each leg?", "what else can I do?"]],
    [["can stress cause cramps?", "what else helps"]],
    [["does rubbing the calf help", "Is there anything else I can try?"]],
  ])("%j ends on the list of remedies", async (texts) => {
    const chat = bot.chat();
    let last: Reply | undefined;
    for (const text of texts) last = await chat.say(text);
    expect(last?.section?.id).toBe("prevention");
  });

  it("'anyone else get these?' is not a 'what else'", () => {
    expect(bot.engine.reader.read("anyone else get these?").asksNext).toBe(false);
    expect(bot.engine.reader.read("what else can I do?").asksNext).toBe(true);
  });
});

describe("'what else?' after the causes stays on the causes", () => {
  it("answers the causes again, with their deeper paragraph", async () => {
    const [first, next] = await expectTurns([
      ["what causes night cramps", "causes"],
      ["what else?", "causes"],
    ]);
    expect(next?.text).not.toBe(first?.text);
  });

  it("after a cause told from the causes, 'and what else' is still the causes", async () => {
    await expectTurns([
      ["what causes night cramps", "causes"],
      ["could it be that I hardly drink water", "hydration"],
      ["and what else", "causes"],
    ]);
  });

  it("'ok and what do I do' after the causes asks what to do", async () => {
    await expectTurns([
      ["why do my legs cramp at night", "causes"],
      ["ok and what do i do", "prevention"],
    ]);
  });

  it("'what's the first thing to try' after the causes is what to do, not the first cause", async () => {
    await expectTurns([
      ["why do my legs cramp at night", "causes"],
      ["what's the first thing to try", "prevention"],
    ]);
  });
});

describe("a short question that names nothing is about the answer just given", () => {
  it.each([
    ["how much water should I drink a day", "And in summer more?", "hydration"],
    ["how hard should I press when I massage my calf", "where exactly", "massage"],
    ["how much magnesium should I take", "whats the max tho", "magnesium.supplements"],
    ["which nuts have magnesium", "which ones", "magnesium.food"],
    ["are night cramps normal?", "do they go away?", "overview"],
  ])("after %j, %j stays on %s", async (first, followUp, section) => {
    const chat = bot.chat();
    await chat.say(first);
    expect((await chat.say(followUp)).section?.id).toBe(section);
  });

  it("a message that tells something new first is not such a question", async () => {
    const chat = bot.chat();
    await chat.say("why do my legs cramp at night");
    const reply = await chat.say("My friend say zorbleberry. Is good?");
    expect(reply.intent).toBe("fallback");
  });

  it("gibberish after an answer is not about it", async () => {
    const chat = bot.chat();
    await chat.say("how much water should I drink a day");
    expect((await chat.say("asdfgh qwerty?")).intent).toBe("fallback");
  });
});

describe("'and the other one?' is the other of two siblings", () => {
  it("after both supplements, the second of them", async () => {
    await expectTurns([
      ["what supplements help with night cramps?", "magnesium.supplements"],
      ["and the other one?", "vitamin-d.supplements"],
    ]);
  });

  it("after one topic's aspect, the same aspect of its sibling", async () => {
    await expectTurns([
      ["how much magnesium should I take", "magnesium.supplements"],
      ["and the other one?", "vitamin-d.supplements"],
    ]);
  });

  it("a topic without a sibling has no other one", async () => {
    const chat = bot.chat();
    await chat.say("how do I stretch my calves");
    expect((await chat.say("and the other one?")).section?.id).not.toBe("stretching");
  });
});

describe("'where do I get it' is where the topic talked about comes from", () => {
  it.each([
    ["does vitamin D help cramps?", "where do i get it", "vitamin-d.sunlight"],
    ["tell me about the vitamin d one", "and where do i get it", "vitamin-d.sunlight"],
    ["why is magnesium important", "where can i get it from", "magnesium.food"],
    ["why does vitamin d matter for cramps", "how do I get more of it", "vitamin-d.sunlight"],
  ])("after %j, %j is %s", async (first, followUp, section) => {
    const chat = bot.chat();
    await chat.say(first);
    expect((await chat.say(followUp)).section?.id).toBe(section);
  });

  it("'food sources?' after magnesium's dose is magnesium's foods", async () => {
    await expectTurns([
      ["magnesium dose", "magnesium.supplements"],
      ["food sources?", "magnesium.food"],
    ]);
  });
});

describe("why-questions after an answer", () => {
  it("'why do they happen then?' after what cramps are gives the causes", async () => {
    await expectTurns([
      ["are night cramps normal?", "overview"],
      ["why do they happen then", "causes"],
    ]);
  });

  it("a bare 'why?' asks for more of the answer given", async () => {
    await expectTurns([
      ["are mushrooms good for cramps?", "vitamin-d.food"],
      ["why?", "vitamin-d.food"],
    ]);
  });
});

describe("what to do about the topic just answered", () => {
  it("'what do I do about it' after stress stays on stress", async () => {
    await expectTurns([
      ["can stress cause cramps?", "stress"],
      ["what do I do about it", "stress"],
    ]);
  });

  it("'could it be the lack of sun?' after the causes is the sunlight section", async () => {
    await expectTurns([
      ["what causes night cramps", "causes"],
      ["could it be the lack of sun?", "vitamin-d.sunlight"],
    ]);
  });
});

describe("after an out-of-scope reply", () => {
  it.each([
    ["do compression socks help with leg cramps at night", "ok so what does the article say then?"],
    ["does a hot water bottle help a cramp?", "ok, what does the article say helps"],
  ])("%j then %j gives what the article says to do", async (first, followUp) => {
    const chat = bot.chat();
    expect((await chat.say(first)).intent).toBe("fallback");
    expect((await chat.say(followUp)).section?.id).toBe("prevention");
  });
});

describe("a new subject after a red flag", () => {
  it("'ok will do. separately, ...' answers the new question", async () => {
    await expectTurns([
      ["my ankle puffed up after a long flight and the calf keeps cramping", "urgent"],
      ["ok will do. separately, my husband wants to know if acupuncture works for cramps", "acupuncture"],
    ]);
  });

  it("'Later on, can you check my habits?' starts the check-up", async () => {
    await expectTurns([
      ["my calf is swollen and hot and it hurts to walk", "urgent"],
      ["Ok I'll sort it. Later on, can you check my habits?", "checkup"],
    ]);
  });

  it("playing it down still gets the urgent reply", async () => {
    await expectTurns([
      ["my calf is swollen and hot and it hurts to walk", "urgent"],
      ["ok will do, but can I just stretch it for now?", "urgent"],
    ]);
  });
});
