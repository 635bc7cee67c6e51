// Loaded with `node --import`: prints every module the process loads (one `module <url>` line each on standard
// error), so a test can tell which packages a command imports. A resolve hook only watches; it changes nothing.
import { register } from "node:module";

register(
  `data:text/javascript,${encodeURIComponent(
    'export async function resolve(s, c, next) { const r = await next(s, c); process.stderr.write("module " + r.url + "\\n"); return r; }',
  )}`,
);
