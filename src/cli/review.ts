/**
 * `crampbot review [--export FILE]`: the questions the bot could not answer well (the review log, kept with REVIEW_LOG
 * set: redacted, without ids), grouped by what they are about, with counts and the answer the bot gives now.
 *
 * A group is named by the reader's signals for the text, read with today's data: the topic next to the article it is
 * about ("scope: pregnancy"), else its strongest topic and what it asks ("topic: magnesium, how much"), else what it
 * asks ("kind: why"); texts with none of these are grouped by their content words (two texts sharing at least half
 * of them go together, "words: zinc, tablet"). `--export FILE` writes one unlabelled eval line per distinct text
 * (`text`, `intent: ""`, `section: null`, `group: "review"`, plus `about`, `count` and `now` as hints), which
 * `crampbot eval --set=FILE` runs once each line is labelled.
 */
import { existsSync, writeFileSync } from "node:fs";
import type { Writable } from "node:stream";
import type { Engine } from "../core/engine.js";
import type { ReviewEntry, ReviewStore } from "../core/review.js";
import type { ReviewReason } from "../core/types.js";
import { createReviewLog } from "../node/store/review-log.js";
import { parseConfig } from "../service/config.js";

export interface ReviewGroup {
  /** What the texts are about, e.g. "topic: magnesium, how much". */
  about: string;
  /** Entries in the group. */
  count: number;
  reasons: Partial<Record<ReviewReason, number>>;
  /** Distinct texts, most frequent first. */
  texts: { text: string; count: number; now: { intent: string; section: string | null } }[];
  /** What the bot answers now to the group's most frequent text: intent, section and the reply's first line. */
  now: { intent: string; section: string | null; line: string };
}

/** Share of content words two texts must have in common to be grouped by words. */
const FUZZY_OVERLAP = 0.5;

/** Groups entries by what they are about and asks `engine` (a fresh one, no review log) what it answers now. */
export async function groupEntries(entries: readonly ReviewEntry[], engine: Engine): Promise<ReviewGroup[]> {
  const distinct = new Map<string, ReviewEntry[]>();
  for (const entry of entries) distinct.set(entry.text, [...(distinct.get(entry.text) ?? []), entry]);
  const fuzzy: { words: Set<string>; about: string }[] = [];
  const groups = new Map<string, ReviewGroup>();
  let asked = 0;
  for (const [text, same] of distinct) {
    const about = aboutOf(text, engine, fuzzy);
    const reply = await engine.handle({
      platform: "review",
      conversationId: `review:${asked++}`,
      userId: "review",
      kind: "text",
      text,
    });
    const now = { intent: reply.intent, section: reply.section?.id ?? null };
    const group =
      groups.get(about) ??
      ({ about, count: 0, reasons: {}, texts: [], now: { ...now, line: "" } } satisfies ReviewGroup);
    group.count += same.length;
    for (const entry of same) group.reasons[entry.reason] = (group.reasons[entry.reason] ?? 0) + 1;
    group.texts.push({ text, count: same.length, now });
    group.texts.sort((a, b) => b.count - a.count);
    if (group.texts[0]?.text === text) group.now = { ...now, line: firstLine(reply.text) };
    groups.set(about, group);
  }
  return [...groups.values()].sort((a, b) => b.count - a.count || a.about.localeCompare(b.about));
}

function aboutOf(text: string, engine: Engine, fuzzy: { words: Set<string>; about: string }[]): string {
  const signals = engine.reader.read(text);
  const scope = signals.scope?.subject;
  if (scope) return `scope: ${scope.id}`;
  const kind = signals.kind?.name;
  let topic: string | undefined;
  let best = 0;
  for (const [name, evidence] of signals.topics) {
    if (evidence > best) {
      best = evidence;
      topic = name;
    }
  }
  if (topic) return `topic: ${topic}${kind ? `, ${kind}` : ""}`;
  if (kind) return `kind: ${kind}`;
  const words = new Set(signals.content);
  if (words.size === 0) return "other";
  for (const group of fuzzy) {
    let shared = 0;
    for (const word of words) if (group.words.has(word)) shared++;
    if (shared / Math.min(words.size, group.words.size) >= FUZZY_OVERLAP) return group.about;
  }
  const about = `words: ${[...words].slice(0, 3).join(", ")}`;
  fuzzy.push({ words, about });
  return about;
}

function firstLine(text: string): string {
  const line = text.split("\n").find((l) => l.trim() !== "") ?? "";
  return line.length > 100 ? `${line.slice(0, 99)}…` : line;
}

/** The listing `crampbot review` prints. */
export function formatGroups(groups: readonly ReviewGroup[], total: number): string {
  if (total === 0) return "The review log is empty.\n";
  const lines = [`${total} entries in ${groups.length} groups (most frequent first):`, ""];
  for (const group of groups) {
    const reasons = Object.entries(group.reasons)
      .map(([reason, n]) => `${reason} ${n}`)
      .join(", ");
    lines.push(`${group.about}  —  ${group.count} (${reasons})`);
    const now = `${group.now.intent}${group.now.section ? `/${group.now.section}` : ""}`;
    lines.push(`  now: ${now}: ${group.now.line}`);
    for (const { text, count } of group.texts.slice(0, 5)) {
      lines.push(`  ${String(count).padStart(3)}× ${JSON.stringify(text.slice(0, 100))}`);
    }
    if (group.texts.length > 5)
      lines.push(`  ... ${group.texts.length - 5} more texts (--export has them all)`);
    lines.push("");
  }
  return `${lines.join("\n")}`;
}

/** One unlabelled eval line per distinct text, most frequent groups first. */
export function exportLines(groups: readonly ReviewGroup[]): string {
  const lines: string[] = [];
  for (const group of groups) {
    for (const { text, count, now } of group.texts) {
      lines.push(
        JSON.stringify({
          text,
          intent: "",
          section: null,
          group: "review",
          about: group.about,
          count,
          now: `${now.intent}${now.section ? `/${now.section}` : ""}`,
        }),
      );
    }
  }
  return lines.length === 0 ? "" : `${lines.join("\n")}\n`;
}

export interface ReviewDeps {
  env?: Record<string, string | undefined>;
  output: Writable;
  errors: Writable;
  /** A fresh engine for the signals and today's answers (no review log). */
  makeEngine: () => Engine;
  /** The review log to read. Default: the one the configuration names (DATABASE_PATH or REDIS_URL). */
  store?: ReviewStore;
}

export async function runReview(args: string[], deps: ReviewDeps): Promise<number> {
  const exportAt = args.indexOf("--export");
  const exportArg = args.find((a) => a.startsWith("--export="))?.slice("--export=".length);
  const exportFile = exportArg ?? (exportAt >= 0 ? args[exportAt + 1] : undefined);
  if ((exportAt >= 0 || exportArg !== undefined) && !exportFile) {
    deps.errors.write("crampbot: --export needs a file name\n");
    return 2;
  }
  let store = deps.store;
  if (!store) {
    const parsed = parseConfig(deps.env ?? process.env);
    if (!parsed.ok) {
      for (const problem of parsed.problems) deps.errors.write(`crampbot: ${problem}\n`);
      return 1;
    }
    const { databasePath, redisUrl, reviewRetentionDays } = parsed.config;
    if (!redisUrl && (databasePath === ":memory:" || !existsSync(databasePath))) {
      deps.errors.write(
        `crampbot: no review log at ${databasePath} (DATABASE_PATH): run serve with REVIEW_LOG=true first\n`,
      );
      return 1;
    }
    store = createReviewLog({ databasePath, redisUrl, retentionDays: reviewRetentionDays });
  }
  try {
    const entries = await store.list();
    const groups = await groupEntries(entries, deps.makeEngine());
    if (exportFile) {
      writeFileSync(exportFile, exportLines(groups));
      const lines = groups.reduce((n, g) => n + g.texts.length, 0);
      deps.output.write(
        `wrote ${lines} unlabelled lines to ${exportFile}: fill in intent and section (and group), then run ` +
          `crampbot eval --set=${exportFile}\n`,
      );
    } else {
      deps.output.write(formatGroups(groups, entries.length));
    }
    return 0;
  } finally {
    if (!deps.store) await store.close();
  }
}
