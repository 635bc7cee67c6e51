/**
 * Role: the node flags the service runs with — `npm start`, the Docker image's NODE_OPTIONS — which the bench's
 * processes take too, so that what it measures is what is served (a test keeps package.json and the Dockerfile to
 * them).
 *
 * - `--max-semi-space-size=8`: a young generation of at most 2 x 8 MB (ADR 16).
 * - `--v8-pool-size=2`: two threads for V8's background work (concurrent compiles, parallel collection) instead of
 *   Node's four. Each such thread keeps a malloc arena of its own, and on the 2-core machines we run on four held
 *   about 20 MB of the engine's resident memory after a run, for work two threads do as fast (ADR 67).
 */
export const SERVICE_FLAGS: readonly string[] = ["--max-semi-space-size=8", "--v8-pool-size=2"];
