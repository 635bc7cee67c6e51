/**
 * Role: the node flags the service runs with — `npm start`, the Docker image's command — which the bench's processes
 * take too, so that what it measures is what is served (a test keeps package.json and the Dockerfile to them).
 *
 * - `--max-semi-space-size=8`: a young generation of at most 2 x 8 MB (ADR 16).
 * - `--v8-pool-size=2`: two threads for V8's background work (concurrent compiles, parallel collection) instead of
 *   Node's four. Each such thread keeps a malloc arena of its own, and on the 2-core machines we run on four held
 *   about 20 MB of the engine's resident memory after a run, for work two threads do as fast (ADR 67).
 * - `--no-allocation-site-pretenuring`: V8 may decide during warm-up, from how many objects of an allocation site
 *   survived a few scavenges, to allocate that site's objects straight in the old generation. For the engine's
 *   per-message objects that guess is wrong, and in about two runs of five old space then filled with garbage to
 *   90 MB before a full collection: peak RSS 156-172 MB instead of 100, at no gain in throughput (ADR 73). V8 accepts
 *   the flag on the command line only, not in NODE_OPTIONS, so the image passes it in its CMD.
 */
export const SERVICE_FLAGS: readonly string[] = [
  "--max-semi-space-size=8",
  "--v8-pool-size=2",
  "--no-allocation-site-pretenuring",
];
