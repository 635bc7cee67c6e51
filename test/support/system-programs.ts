// The system programs some tests need (Debian's Chromium, redis-server, nginx, a font), found once, and the one way a test file
// that needs one runs, skips or fails: present, its suite runs; missing, the suite is skipped with one line naming
// the install command, so `npm test` passes on a machine with Node alone; missing while CI is set, the suite fails,
// so CI can never skip them silently (.ci/run installs both).
import { accessSync, constants, existsSync } from "node:fs";
import { delimiter, join } from "node:path";
import { describe, it } from "vitest";

export interface SystemProgram {
  /** The program's name, as in the messages: "chromium", "redis-server". */
  name: string;
  /** Its full path, or undefined when it is not installed. */
  path: string | undefined;
  /** The command that installs it on Debian. */
  install: string;
}

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The full path of the executable `name` in a PATH folder, or undefined when there is none. */
export function findOnPath(name: string, path = process.env.PATH ?? ""): string | undefined {
  for (const dir of path.split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    if (executable(candidate)) return candidate;
  }
  return undefined;
}

/** Debian's Chromium at its fixed path (playwright-core drives it; playwright's own browsers are not used). */
export const CHROMIUM: SystemProgram = {
  name: "chromium",
  path: executable("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined,
  install: "apt-get install -y chromium",
};

/** redis-server on PATH: the tests start and stop throwaway servers of their own (./redis-server.ts). */
export const REDIS_SERVER: SystemProgram = {
  name: "redis-server",
  path: findOnPath("redis-server"),
  install: "apt-get install -y redis-server",
};

/** nginx (Debian's nginx or nginx-light): the load-balancer test runs deploy/nginx.conf in front of two instances. */
export const NGINX: SystemProgram = {
  name: "nginx",
  path: findOnPath("nginx", `${process.env.PATH ?? ""}${delimiter}/usr/sbin`),
  install: "apt-get install -y nginx",
};

/**
 * A system font for the text of the check-up card's PNG (resvg draws text only with installed fonts; slim systems
 * have none). Not a program, but found and installed the same way.
 */
export const DEJAVU_FONTS: SystemProgram = {
  name: "fonts-dejavu-core",
  path: existsSync("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    ? "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
    : undefined,
  install: "apt-get install -y fonts-dejavu-core",
};

/** Whether CI is set (any value but "", "0" or "false"): then a missing program fails instead of skipping. */
export function inCI(env: Record<string, string | undefined> = process.env): boolean {
  const value = env.CI?.trim().toLowerCase();
  return value !== undefined && value !== "" && value !== "0" && value !== "false";
}

type Suite = (title: string, body: () => void) => void;

/**
 * The `describe` for a suite that needs `program`: vitest's own when it is installed; else one that skips the
 * suite and prints one line saying what was skipped (`what`) and how to install the program; under CI, one whose
 * single test fails with that line, so the run fails.
 */
export function describeNeeding(program: SystemProgram, what: string): Suite {
  if (program.path !== undefined) return describe;
  const missing = `${program.name} is not installed (${program.install})`;
  if (inCI()) {
    return (title) =>
      describe(title, () => {
        it(`needs ${program.name}`, () => {
          throw new Error(`${what} cannot run: ${missing}; CI is set, so this fails instead of skipping`);
        });
      });
  }
  console.warn(`${what} skipped: ${missing}`);
  return describe.skip;
}
