/** The `crampbot` command line: chat, ask, batch, eval (and the service commands). */

import { CrampBotError } from "../core/errors.js";
import { stderrLogger } from "../node/logger.js";
import { openEngine } from "../node/open-engine.js";
import { runAsk } from "./ask.js";

const USAGE = `Usage: crampbot <command>

Commands:
  chat                 chat in the terminal (type /reset to start over, /quit to leave)
  ask "<question>"     print one answer; --json prints the reply object
  batch                JSON lines {"conversation","text"} on stdin -> one JSON reply line each on stdout
  eval [--verbose] [--set=NAME|FILE]
                       run a labelled question set (test/eval/NAME.jsonl, default "questions", or a .jsonl
                       file) and print accuracy per group, per-intent precision and recall, and the misses
  review [--export FILE]
                       the questions the bot could not answer (kept with REVIEW_LOG=true), grouped, with
                       counts and today's answer; --export writes them as an unlabelled eval set
  serve                run the service: HTTP health check, and Telegram / Discord when their tokens are set
  discord-register [--guild ID]
                       register the Discord slash commands globally, or for one guild
  help                 this text

Environment: see README.md (PORT, HOST, LOG_LEVEL, REVIEW_LOG, TELEGRAM_*, DISCORD_*).
`;

export async function run(argv: string[]): Promise<number> {
  const [command = "help", ...rest] = argv;
  try {
    switch (command) {
      case "chat":
        // Each command's own module is loaded when it runs: `crampbot ask` loads none of the others (cold start).
        return await (await import("./chat.js")).runChat(await openEngine(), process.stdin, process.stdout);
      case "ask":
        return await runAsk(await openEngine(), rest, process.stdout);
      case "batch":
        return await (await import("./batch.js")).runBatch(
          await openEngine({ logger: stderrLogger(logLevel()) }),
          process.stdin,
          process.stdout,
        );
      case "eval":
        return await (await import("./eval.js")).runEval(
          (await import("../node/create-engine.js")).createEngine,
          rest,
          process.stdout,
        );
      case "review": {
        // Loaded only here: it reads the service's configuration (zod), which no other command needs at start.
        const { createEngine } = await import("../node/create-engine.js");
        return await (await import("./review.js")).runReview(rest, {
          output: process.stdout,
          errors: process.stderr,
          makeEngine: () => createEngine(),
        });
      }
      case "serve":
        return await (await import("../service/serve.js")).serve(process.env);
      case "discord-register":
        return await (await import("../service/discord-register.js")).discordRegister(rest, process.env);
      case "help":
      case "--help":
      case "-h":
        process.stdout.write(USAGE);
        return 0;
      default:
        process.stderr.write(`crampbot: unknown command "${command}"\n\n${USAGE}`);
        return 2;
    }
  } catch (error) {
    // Data and configuration problems are reported in one line, never as a stack trace.
    if (error instanceof CrampBotError) {
      process.stderr.write(`crampbot: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

function logLevel(): "debug" | "info" | "warn" | "error" | "silent" {
  const level = process.env.LOG_LEVEL;
  return level === "debug" || level === "info" || level === "error" || level === "silent" ? level : "warn";
}
