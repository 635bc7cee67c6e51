// The chat page and its assets (public/): loaded once, served from memory with strict security headers.
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import type { ServerResponse } from "node:http";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { WebAdapterError } from "./errors.js";

const HERE = dirname(fileURLToPath(import.meta.url));
/** Next to this module (source tree), else the source tree seen from dist/adapters/web (tsc copies no assets). */
const CANDIDATES = [join(HERE, "public"), join(HERE, "..", "..", "..", "src", "adapters", "web", "public")];

export interface Asset {
  body: Buffer;
  contentType: string;
  etag: string;
}

/** URL path → file in public/. "/" is the page. */
const FILES: Record<string, { file: string; contentType: string }> = {
  "/": { file: "index.html", contentType: "text/html; charset=utf-8" },
  "/chat.js": { file: "chat.js", contentType: "text/javascript; charset=utf-8" },
  "/chat.css": { file: "chat.css", contentType: "text/css; charset=utf-8" },
  "/feedback.js": { file: "feedback.js", contentType: "text/javascript; charset=utf-8" },
  "/feedback.css": { file: "feedback.css", contentType: "text/css; charset=utf-8" },
  "/pictures.js": { file: "pictures.js", contentType: "text/javascript; charset=utf-8" },
  "/pictures.css": { file: "pictures.css", contentType: "text/css; charset=utf-8" },
};

/** A Host header that can go into a header value as it is. */
const SAFE_HOST = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

/**
 * Everything same-origin, nothing inline, no plugins, no framing. 'self' in connect-src covers the same-origin
 * ws:/wss: socket in current browsers; the socket's URL is also listed for browsers that predate CSP 3.
 */
export function contentSecurityPolicy(host: string | undefined): string {
  const socket = host !== undefined && SAFE_HOST.test(host) ? ` ws://${host} wss://${host}` : "";
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    `connect-src 'self'${socket}`,
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "x-frame-options": "DENY",
  "cross-origin-opener-policy": "same-origin",
};

export function findPublicDir(): string {
  const dir = CANDIDATES.find((candidate) => existsSync(join(candidate, "index.html")));
  if (dir === undefined) {
    throw new WebAdapterError(
      "WEB_ASSETS_MISSING",
      `The web chat page is missing: looked for index.html in ${CANDIDATES.join(" and ")}.`,
    );
  }
  return dir;
}

/** Reads every asset; throws WebAdapterError when one is missing. */
export function loadAssets(dir: string = findPublicDir()): ReadonlyMap<string, Asset> {
  const assets = new Map<string, Asset>();
  for (const [path, { file, contentType }] of Object.entries(FILES)) {
    let body: Buffer;
    try {
      body = readFileSync(join(dir, file));
    } catch (cause) {
      throw new WebAdapterError(
        "WEB_ASSETS_MISSING",
        `The web chat asset ${file} cannot be read in ${dir}.`,
        {
          cause,
        },
      );
    }
    const etag = `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
    assets.set(path, { body, contentType, etag });
  }
  return assets;
}

/** Sends an asset (GET or HEAD), or 304 when the client has this version. */
export function sendAsset(
  res: ServerResponse,
  asset: Asset,
  options: {
    head: boolean;
    host: string | undefined;
    ifNoneMatch: string | undefined;
    extraHeaders?: Record<string, string | string[]>;
  },
): void {
  const headers: Record<string, string | string[]> = {
    ...SECURITY_HEADERS,
    "content-security-policy": contentSecurityPolicy(options.host),
    "cache-control": "no-cache",
    etag: asset.etag,
    ...options.extraHeaders,
  };
  if (options.ifNoneMatch === asset.etag) {
    res.writeHead(304, headers).end();
    return;
  }
  res.writeHead(200, { ...headers, "content-type": asset.contentType, "content-length": asset.body.length });
  res.end(options.head ? undefined : asset.body);
}
