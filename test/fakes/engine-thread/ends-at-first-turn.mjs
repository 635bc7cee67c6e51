// A stand-in for the engine's thread (dist/service/thread/engine-worker.js) that is ready at once and ends, as a thread
// that ran out of memory or crashed would, as soon as the first turn reaches it: what the main thread does then.
import { parentPort } from "node:worker_threads";

// A post carries one message or several in order (protocol.ts, Posted).
parentPort.on("message", (posted) => {
  const messages = Array.isArray(posted) ? posted : [posted];
  if (messages.some((message) => message.kind === "turn")) process.exit(3);
});
parentPort.postMessage({ kind: "ready" });
