// The web chat's help: the commands of intents/commands.yaml offered on the web, as JSON.
import { afterEach, describe, expect, it } from "vitest";
import { closeAll, startWebServer } from "./support.js";

afterEach(closeAll);

describe("web chat: commands", () => {
  it("serves the web's commands from intents/commands.yaml, with the check-up described as it is", async () => {
    const web = await startWebServer();
    const response = await fetch(`${web.url}/api/commands`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      commands: { name: string; description: string; sends: string }[];
    };
    expect(body.commands.map((command) => command.name)).toEqual([
      "help",
      "topics",
      "checkup",
      "stretch",
      "reset",
    ]);
    expect(body.commands.find((command) => command.name === "checkup")).toEqual({
      name: "checkup",
      description: "Five questions about your habits, then tips",
      sends: "/checkup",
    });
    expect((await fetch(`${web.url}/api/commands`, { method: "POST" })).status).toBe(405);
  });
});
