/**
 * The hot reload's metrics, in the service's registry (metrics.ts), read from the {@link Reloader} at each scrape:
 *
 *   crampbot_data_info{version}                     1, labelled with the data version in use (a hash of the files)
 *   crampbot_data_reload_timestamp_seconds          when the last reload ran (0: none since start)
 *   crampbot_data_reload_info{outcome}              1, labelled with the last reload's outcome (applied, refused,
 *                                                   unchanged; "none" before the first)
 *   crampbot_data_reloads_total{outcome}            reloads since start, by outcome
 */
import { Gauge, type Registry } from "prom-client";
import type { LiveData } from "./reload.js";

export function registerReloadMetrics(registry: Registry, reloader: LiveData): void {
  const registers = [registry];
  new Gauge({
    name: "crampbot_data_info",
    help: "The data version in use (a hash of the knowledge/ and intents/ files), as a label.",
    labelNames: ["version"] as const,
    registers,
    collect() {
      this.reset();
      this.set({ version: reloader.version }, 1);
    },
  });
  new Gauge({
    name: "crampbot_data_reload_timestamp_seconds",
    help: "When the last reload of the data ran, in seconds since the epoch (0: none since start).",
    registers,
    collect() {
      this.set((reloader.lastReload?.at ?? 0) / 1000);
    },
  });
  new Gauge({
    name: "crampbot_data_reload_info",
    help: "The last reload's outcome, as a label: applied, refused, unchanged (none: no reload since start).",
    labelNames: ["outcome"] as const,
    registers,
    collect() {
      this.reset();
      this.set({ outcome: reloader.lastReload?.result ?? "none" }, 1);
    },
  });
  new Gauge({
    name: "crampbot_data_reloads_total",
    help: "Reloads of the data since start, by outcome.",
    labelNames: ["outcome"] as const,
    registers,
    collect() {
      for (const [outcome, count] of Object.entries(reloader.counts)) this.set({ outcome }, count);
    },
  });
}
