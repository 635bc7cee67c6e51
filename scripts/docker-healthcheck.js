// The Docker image's HEALTHCHECK: GET /healthz on the container's own network address, not on 127.0.0.1, so a
// server that listens on the container's loopback only (HOST=127.0.0.1), which `docker run -p` cannot reach, is
// reported unhealthy instead of healthy. Exits 0 when /healthz answers 2xx, else prints why and exits 1.
import { networkInterfaces } from "node:os";

const port = process.env.PORT || "3000";
const addresses = Object.values(networkInterfaces())
  .flat()
  .filter((entry) => entry !== undefined && !entry.internal);
// The first IPv4 address (docker's bridge), else IPv6; a container without a network has only loopback.
const chosen = addresses.find((entry) => entry.family === "IPv4") ?? addresses[0];
const host =
  chosen === undefined ? "127.0.0.1" : chosen.family === "IPv6" ? `[${chosen.address}]` : chosen.address;
const url = `http://${host}:${port}/healthz`;

try {
  // Below the HEALTHCHECK's --timeout, so a hung server is reported here with a reason.
  const response = await fetch(url, { signal: AbortSignal.timeout(4_000) });
  if (!response.ok) {
    console.log(`unhealthy: ${url} answered ${response.status}`);
    process.exit(1);
  }
  console.log(`healthy: ${url}`);
} catch (error) {
  const reason =
    error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : "";
  console.log(
    `unhealthy: ${url} is not reachable (${reason}); the server must listen on every interface ` +
      `(HOST=0.0.0.0, the image's setting) for a published port to reach it`,
  );
  process.exit(1);
}
