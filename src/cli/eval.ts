/**
 * `crampbot eval`: runs a labelled question set through a fresh engine and prints accuracy per group, per-intent
 * precision and recall, and the misses. Single questions each get a new conversation; conversations keep context.
 */
import { existsSync, readFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import type { Writable } from "node:stream";
import { DataError } from "../core/errors.js";
import type { MessageHandler } from "../core/types.js";
import type { CreateEngineOptions as EngineOptions } from "../node/create-engine.js";
import { PACKAGE_ROOT } from "../node/paths.js";

export interface LabelledTurn {
  text: string;
  intent: string;
  section: string | null;
}
export interface LabelledQuestion extends LabelledTurn {
  group: string;
  /** How it is written (letter, forum, search, voice, non-native, slang, plain); optional. */
  style?: string;
}
export interface LabelledConversation {
  name: string;
  turns: LabelledTurn[];
}

export interface EvalCase {
  group: string;
  style: string | null;
  conversation: string;
  expected: LabelledTurn;
  got: { intent: string; section: string | null };
  ok: boolean;
}

export interface EvalReport {
  cases: EvalCase[];
  accuracy: number;
  byGroup: Map<string, { total: number; correct: number }>;
  byIntent: Map<string, { tp: number; fp: number; fn: number }>;
}

/**
 * Reads a JSONL set, one labelled question a line. A line that is not one (bad JSON, an empty or missing intent, an
 * answer without its section, no group) stops the run with an error naming the line and the field, so a set exported
 * by `crampbot review` runs only once every line is labelled.
 */
export function loadQuestions(file: string): LabelledQuestion[] {
  const questions: LabelledQuestion[] = [];
  for (const [index, line] of readFileSync(file, "utf8").split("\n").entries()) {
    if (line.trim().length === 0) continue;
    const where = `${file}:${index + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new DataError(where, "(line)", "is not a JSON object");
    }
    questions.push(checkQuestion(where, value));
  }
  return questions;
}

function checkQuestion(where: string, value: unknown): LabelledQuestion {
  if (typeof value !== "object" || value === null)
    throw new DataError(where, "(line)", "is not a JSON object");
  const q = value as Record<string, unknown>;
  // An empty text is a case too (the empty-message notice).
  if (typeof q.text !== "string") throw new DataError(where, "text", "must be the question's text");
  if (typeof q.intent !== "string" || !/^[a-z][a-z-]*$/.test(q.intent))
    throw new DataError(where, "intent", "is not labelled: answer, clarify, fallback, urgent, greeting, ...");
  if (q.section !== null && typeof q.section !== "string")
    throw new DataError(where, "section", "must be a section id or null");
  if (q.intent === "answer" && (typeof q.section !== "string" || q.section === ""))
    throw new DataError(where, "section", "must name the section an answer comes from");
  if (typeof q.group !== "string" || q.group === "")
    throw new DataError(
      where,
      "group",
      "must name the question's group (plain, red-flag, out-of-scope, ...)",
    );
  return value as LabelledQuestion;
}

export function loadConversations(file: string): LabelledConversation[] {
  return JSON.parse(readFileSync(file, "utf8")) as LabelledConversation[];
}

/** Runs questions (each alone) and conversations (turn by turn) and scores them. */
export async function evaluate(
  engine: MessageHandler,
  questions: LabelledQuestion[],
  conversations: LabelledConversation[],
): Promise<EvalReport> {
  const cases: EvalCase[] = [];
  const ask = async (conversationId: string, group: string, expected: LabelledTurn, style: string | null) => {
    const reply = await engine.handle({
      platform: "eval",
      conversationId,
      userId: "eval",
      kind: "text",
      text: expected.text,
    });
    const got = { intent: reply.intent, section: reply.section?.id ?? null };
    const ok =
      got.intent === expected.intent && (expected.intent !== "answer" || got.section === expected.section);
    cases.push({ group, style, conversation: conversationId, expected, got, ok });
  };
  for (const [i, q] of questions.entries()) await ask(`q${i}`, q.group, q, q.style ?? null);
  for (const [i, c] of conversations.entries()) {
    for (const turn of c.turns) await ask(`c${i}:${c.name}`, "conversation", turn, null);
  }
  const byGroup = new Map<string, { total: number; correct: number }>();
  const byIntent = new Map<string, { tp: number; fp: number; fn: number }>();
  const intent = (name: string) => {
    const entry = byIntent.get(name) ?? { tp: 0, fp: 0, fn: 0 };
    byIntent.set(name, entry);
    return entry;
  };
  for (const c of cases) {
    const g = byGroup.get(c.group) ?? { total: 0, correct: 0 };
    g.total++;
    if (c.ok) g.correct++;
    byGroup.set(c.group, g);
    if (c.got.intent === c.expected.intent) intent(c.expected.intent).tp++;
    else {
      intent(c.expected.intent).fn++;
      intent(c.got.intent).fp++;
    }
  }
  const correct = cases.filter((c) => c.ok).length;
  return { cases, accuracy: cases.length === 0 ? 0 : correct / cases.length, byGroup, byIntent };
}

/**
 * What kind of mistake a miss is, most serious first, so a report shows where the misses fall rather than only how
 * many there are.
 */
export function missKind(c: EvalCase): string {
  const want = c.expected.intent;
  const got = c.got.intent;
  if (want === "urgent") return "missed red flag";
  if (got === "urgent") return "false red flag";
  if (want === "fallback" && got === "answer") return "answered a topic it does not cover";
  if (want === "answer" && got === "answer") return "wrong section";
  if (want === "answer" && got === "clarify") return "asked which instead of answering";
  if (want === "answer" && got === "fallback") return "did not answer";
  if (want === "answer") return "answered as something else";
  return "other intent";
}

function tally<K>(items: Iterable<K>): [K, number][] {
  const counts = new Map<K, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]);
}

/** Accuracy per writing style, and the misses counted by kind (`--by-kind`). */
export function formatKinds(report: EvalReport): string {
  const pct = (n: number) => `${(n * 100).toFixed(1)}%`;
  const lines: string[] = ["by style:"];
  const styles = new Map<string, { total: number; correct: number }>();
  for (const c of report.cases) {
    const s = styles.get(c.style ?? "(none)") ?? { total: 0, correct: 0 };
    s.total++;
    if (c.ok) s.correct++;
    styles.set(c.style ?? "(none)", s);
  }
  for (const [style, s] of [...styles].sort()) {
    lines.push(`  ${style.padEnd(14)} ${pct(s.correct / s.total).padStart(6)}  (${s.correct}/${s.total})`);
  }
  lines.push("", "misses by kind:");
  for (const [kind, n] of tally(report.cases.filter((c) => !c.ok).map(missKind))) {
    lines.push(`  ${kind.padEnd(36)} ${String(n).padStart(4)}`);
  }
  return `${lines.join("\n")}\n`;
}

export function formatReport(report: EvalReport, verbose: boolean): string {
  const pct = (n: number) => `${(n * 100).toFixed(1)}%`;
  const lines: string[] = [];
  const correct = report.cases.filter((c) => c.ok).length;
  lines.push(`overall: ${pct(report.accuracy)} (${correct}/${report.cases.length})`, "", "by group:");
  for (const [group, g] of [...report.byGroup].sort()) {
    lines.push(`  ${group.padEnd(14)} ${pct(g.correct / g.total).padStart(6)}  (${g.correct}/${g.total})`);
  }
  lines.push("", "by intent:            precision  recall");
  for (const [name, s] of [...report.byIntent].sort()) {
    const precision = s.tp + s.fp === 0 ? 1 : s.tp / (s.tp + s.fp);
    const recall = s.tp + s.fn === 0 ? 1 : s.tp / (s.tp + s.fn);
    lines.push(`  ${name.padEnd(18)} ${pct(precision).padStart(9)}  ${pct(recall).padStart(6)}`);
  }
  const misses = report.cases.filter((c) => !c.ok);
  lines.push("", `misses (${misses.length}):`);
  for (const m of verbose ? misses : misses.slice(0, 40)) {
    const want = `${m.expected.intent}${m.expected.section ? `/${m.expected.section}` : ""}`;
    const got = `${m.got.intent}${m.got.section ? `/${m.got.section}` : ""}`;
    lines.push(
      `  [${m.group}] ${JSON.stringify(m.expected.text.slice(0, 90))}  want ${want}  got ${got}  (${missKind(m)})`,
    );
  }
  if (!verbose && misses.length > 40) lines.push(`  ... ${misses.length - 40} more (--verbose)`);
  return `${lines.join("\n")}\n`;
}

export async function runEval(
  makeEngine: (options?: EngineOptions) => MessageHandler,
  args: string[],
  output: Writable,
): Promise<number> {
  const verbose = args.includes("--verbose");
  const setArg =
    args.find((a) => a.startsWith("--set="))?.slice("--set=".length) ??
    (args.includes("--set") ? args[args.indexOf("--set") + 1] : undefined);
  const named = setArg ?? (args.includes("--holdout") ? "holdout" : "questions");
  // A name is a set under test/eval/; a path (a "/" or ".jsonl" in it) is a file anywhere, such as an export of
  // `crampbot review` being labelled, with its conversations file beside it if there is one.
  const isPath = named.includes("/") || named.endsWith(".jsonl");
  const dir = isPath ? dirname(resolve(named)) : join(PACKAGE_ROOT, "test", "eval");
  const set = isPath ? basename(named).replace(/\.jsonl$/, "") : named;
  const questions = loadQuestions(join(dir, `${set}.jsonl`));
  const conversationFile = set === "questions" ? "conversations.json" : `${set}-conversations.json`;
  const conversations = existsSync(join(dir, conversationFile))
    ? loadConversations(join(dir, conversationFile))
    : [];
  const report = await evaluate(
    makeEngine({ rateLimit: { messages: 1_000_000, windowMs: 1 } }),
    questions,
    conversations,
  );
  output.write(
    `set: ${isPath ? join(dir, `${set}.jsonl`) : `test/eval/${set}.jsonl`}${conversations.length > 0 ? ` + ${conversationFile}` : ""}\n`,
  );
  output.write(formatReport(report, verbose));
  if (args.includes("--by-kind")) output.write(`\n${formatKinds(report)}`);
  return 0;
}
