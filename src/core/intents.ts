/** The intents in intents/: small talk, red flags, dialogue scripts and the bot's fixed messages, validated at load. */
import { join } from "node:path";
import { z } from "zod";
import { loadYamlFile } from "./data.js";
import { loadEnglishWords } from "./dictionary.js";
import { Lexicon } from "./lexicon.js";

const words = z.array(z.string().min(1));

const smallTalkSchema = z.object({
  intent: z.enum(["greeting", "thanks", "goodbye", "help", "reset"]),
  examples: words.min(1),
  replies: z.array(z.string().min(1).max(1500)).min(1),
  suggestions: words,
});
export type SmallTalk = z.infer<typeof smallTalkSchema>;

const ruleSchema = z.object({
  name: z.string(),
  all: z.array(words.min(1)).min(1),
  some: z.object({ min: z.number().int().min(1), of: words.min(1) }).optional(),
  unless: words.optional(),
  /** How close (in words) the phrases of different groups must stand. Default: 8. */
  window: z.number().int().min(1).optional(),
});
export type RuleData = z.infer<typeof ruleSchema>;

const urgentSchema = z.object({
  level: z.literal("now"),
  reply: z.string().min(1).max(1500),
  suggestions: words,
  long_cramp_minutes: z.number().positive(),
  duration_context: words,
  duration_unless: words,
  duration_connectors: words,
  negators: words,
  negation_breaks: words,
  rules: z.array(ruleSchema).min(1),
  advisories: z.array(
    ruleSchema.extend({ text: z.string().min(1).max(500), section: z.string().optional() }),
  ),
});
export type UrgentData = z.infer<typeof urgentSchema>;

const optionSchema = z.object({
  id: z.string().regex(/^[a-z-]+$/),
  label: z.string().max(40),
  patterns: words,
});
const checkupSchema = z.object({
  intent: z.literal("checkup"),
  examples: words.min(1),
  /** Words only a dialogue request uses: an example with one matches even inside a longer message. */
  trigger_words: words,
  intro: z.string(),
  stop_words: words,
  stopped: z.string(),
  skip_words: words,
  skipped: z.string(),
  resumed: z.string(),
  questions: z
    .array(
      z.object({
        id: z.string().regex(/^[a-z-]+$/),
        text: z.string(),
        reprompt: z.string(),
        amount: z.object({ low_below: z.number(), high_from: z.number() }).optional(),
        options: z.array(optionSchema).min(2).max(5),
      }),
    )
    .min(4)
    .max(5),
  tips: z.record(
    z.string(),
    z.record(z.string(), z.object({ section: z.string(), text: z.string().max(400) })),
  ),
  tips_intro: z.string(),
  all_good: z.string(),
  tip_source: z.string(),
  closing_suggestions: words,
});
export type CheckupData = z.infer<typeof checkupSchema>;

const stretchSchema = z.object({
  intent: z.literal("stretch"),
  section: z.string(),
  examples: words.min(1),
  trigger_words: words,
  intro: z.string(),
  steps: z.array(z.string().max(500)).min(3),
  finished: z.string(),
  next_words: words,
  back_words: words,
  stop_words: words,
  stopped: z.string(),
  resumed: z.string(),
  next_label: z.string().max(40),
  stop_label: z.string().max(40),
  finished_suggestions: words,
});
export type StretchData = z.infer<typeof stretchSchema>;

const messagesSchema = z.object({
  source: z.string().includes("{heading}"),
  disclaimer: z.string(),
  dose_caution: z.string(),
  fallback: z.array(z.string()).min(1),
  fallback_with_guess: z.string(),
  clarify: z.string().includes("{options}"),
  clarify_joiner: z.string(),
  more_none: z.string(),
  no_context: z.string(),
  empty: z.string(),
  unreadable: z.string(),
  emoji_only: z.string(),
  too_long: z.string(),
  not_english: z.string(),
  unsupported: z.string(),
  rate_limited: z.string(),
  error: z.string(),
  unknown_button: z.string(),
  resume_offer: z.string(),
  resume_label: z.string(),
  topics_label: z.string(),
  dialogue_names: z.object({ checkup: z.string(), stretch: z.string() }),
});
export type Messages = z.infer<typeof messagesSchema>;

export interface Intents {
  lexicon: Lexicon;
  smallTalk: SmallTalk[];
  urgent: UrgentData;
  checkup: CheckupData;
  stretch: StretchData;
  messages: Messages;
}

const SMALL_TALK_FILES = ["greeting", "thanks", "goodbye", "help", "reset"] as const;

/** Loads and validates every file in `dir` (intents/). */
export function loadIntents(dir: string): Intents {
  const lexicon = Lexicon.load(join(dir, "lexicon.yaml"), loadEnglishWords());
  const smallTalk = SMALL_TALK_FILES.map((name) => loadYamlFile(join(dir, `${name}.yaml`), smallTalkSchema));
  return {
    lexicon,
    smallTalk,
    urgent: loadYamlFile(join(dir, "urgent.yaml"), urgentSchema),
    checkup: loadYamlFile(join(dir, "checkup.yaml"), checkupSchema),
    stretch: loadYamlFile(join(dir, "stretch.yaml"), stretchSchema),
    messages: loadYamlFile(join(dir, "messages.yaml"), messagesSchema),
  };
}
