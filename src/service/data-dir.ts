/**
 * The start-up check of the SQLite file's folder: can this process create and write files there? SQLite's own
 * answer to a folder it cannot write ("unable to open database file", EACCES on mkdir) names no fix; in the Docker
 * image it almost always means a root-owned bind mount on /data, so the one line returned here says what to do.
 */
import { accessSync, constants, existsSync } from "node:fs";
import { dirname, resolve } from "node:path";

/** Whether this process may create files in `dir` (a real access(2) check; root passes everywhere but read-only). */
function writable(dir: string): boolean {
  try {
    accessSync(dir, constants.W_OK | constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * One line describing why the SQLite file at `databasePath` cannot be created or written, or undefined when its
 * folder (or, when that does not exist yet, the nearest existing parent the store would create it in) is writable.
 * `:memory:` and "" (SQLite's temporary database) need no folder. `canWrite` defaults to the access(2) check.
 */
export function dataDirProblem(
  databasePath: string,
  canWrite: (dir: string) => boolean = writable,
): string | undefined {
  if (databasePath === ":memory:" || databasePath === "") return undefined;
  const folder = dirname(resolve(databasePath));
  let existing = folder;
  while (!existsSync(existing) && dirname(existing) !== existing) existing = dirname(existing);
  if (canWrite(existing)) return undefined;
  const uid = process.getuid?.();
  const who = uid === undefined ? "this user" : `this user (uid ${uid})`;
  return (
    `DATABASE_PATH ${databasePath}: ${existing} is not writable by ${who}; in Docker mount a named volume ` +
    `(-v crampbot-data:/data) or make the host folder writable (chown 1000:1000 <folder>), ` +
    `else set DATABASE_PATH to a writable place`
  );
}
