// The cap on new conversations per client address per minute: a session the adapter has not seen lately is new.
import type { IncomingMessage as HttpRequest } from "node:http";
import type { Clock } from "../../core/types.js";

const WINDOW_MS = 60_000;
/**
 * Sessions remembered as known, the most recently active kept. Beyond this the least recent one is forgotten and its
 * next message counts as new once more, which costs a real visitor nothing while the budget has room.
 */
const KNOWN_MAX = 100_000;
/** Client addresses tracked at once; beyond this, the address whose window started first is dropped. */
const ADDRESSES_MAX = 50_000;

/** `first`: the address's first refusal in this window (log that one; an attacker's next thousand are noise). */
export type Admission = { ok: true } | { ok: false; retryAfterSeconds: number; first: boolean };

interface Window {
  start: number;
  count: number;
  refused: boolean;
}

/**
 * Counts new conversations per client address in one-minute windows (each starts with the address's first new
 * conversation). A session id is new until it has been admitted once: a cookie-less request, a fresh cookie from the
 * page, or a forged id all count, so neither dropping nor inventing cookies gets past the cap.
 */
export class ConversationBudget {
  /** Pseudonyms of admitted sessions (never the bearer id); Map order is recency. */
  private readonly known = new Map<string, true>();
  private readonly windows = new Map<string, Window>();

  /** `perMinute` 0: no cap (every session is admitted and nothing is tracked). */
  constructor(
    private readonly perMinute: number,
    private readonly clock: Clock,
  ) {}

  /** Admits a message of session `key` (its pseudonym) from `address`, or says how long to wait. */
  admit(key: string, address: string): Admission {
    if (this.perMinute === 0) return { ok: true };
    if (this.known.delete(key)) {
      this.known.set(key, true);
      return { ok: true };
    }
    const now = this.clock.now();
    let window = this.windows.get(address);
    if (window === undefined || now - window.start >= WINDOW_MS) {
      window = { start: now, count: 0, refused: false };
      this.windows.delete(address);
      this.windows.set(address, window);
      this.prune(now);
    }
    if (window.count >= this.perMinute) {
      const first = !window.refused;
      window.refused = true;
      return {
        ok: false,
        retryAfterSeconds: Math.max(1, Math.ceil((window.start + WINDOW_MS - now) / 1000)),
        first,
      };
    }
    window.count += 1;
    this.known.set(key, true);
    if (this.known.size > KNOWN_MAX) {
      const oldest = this.known.keys().next().value;
      if (oldest !== undefined) this.known.delete(oldest);
    }
    return { ok: true };
  }

  /** How many addresses are tracked (for tests of the bound). */
  get addresses(): number {
    return this.windows.size;
  }

  /** Drops finished windows (Map order is window start), and the oldest ones beyond ADDRESSES_MAX. */
  private prune(now: number): void {
    for (const [address, window] of this.windows) {
      if (now - window.start < WINDOW_MS && this.windows.size <= ADDRESSES_MAX) break;
      this.windows.delete(address);
    }
  }
}

/**
 * The client address a budget is kept for: IPv4 as it is (also when mapped into IPv6), IPv6 by its /64 prefix, which
 * one client usually holds whole.
 */
export function clientAddress(req: HttpRequest): string {
  let address = req.socket.remoteAddress ?? "unknown";
  if (address.toLowerCase().startsWith("::ffff:") && address.includes(".")) address = address.slice(7);
  if (!address.includes(":")) return address;
  return ipv6Prefix(address);
}

function ipv6Prefix(address: string): string {
  const bare = (address.split("%")[0] ?? address).toLowerCase();
  const groups = (part: string) => (part === "" ? [] : part.split(":"));
  const [head = "", tail] = bare.split("::");
  const first = groups(head);
  if (tail !== undefined) {
    const last = groups(tail);
    // An embedded IPv4 address at the end takes two groups.
    const width = last.length + (last.at(-1)?.includes(".") ? 1 : 0);
    first.push(...new Array<string>(Math.max(0, 8 - first.length - width)).fill("0"));
    first.push(...last);
  }
  return `${first
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}
