# CrampBot service image (`crampbot serve`), in three stages:
#   build      node:20-slim + every dependency (npm ci, install scripts off), compiles src/ to dist/ with tsc,
#              precomputes the engine data (dist/engine-data.json) and bundles `crampbot ask` (dist/ask/).
#   prod-deps  node:20-slim + build tools: production dependencies only (npm ci --omit=dev --ignore-scripts, so the
#              `prepare` script's tsc does not run), then `npm rebuild better-sqlite3` builds its native module: a
#              prebuilt binary when one downloads, else compiled with python3/make/g++ against the Node headers the
#              image already has in /usr/local/include/node (npm_config_nodedir), so node-gyp downloads nothing.
#              npm ci installs @resvg/resvg-js's prebuilt binary for this platform (an optional dependency in the lock
#              file, e.g. @resvg/resvg-js-linux-x64-gnu; no install script, no download) and a tiny SVG rendering
#              checks it is there. Then everything the runtime never reads is deleted: better-sqlite3's sources and
#              objects (~26 MB), source maps, TypeScript sources and declarations of the dependencies, npm's cache.
#   runtime    node:20-slim with dist/ (plus the web chat's page), bin/, knowledge/, intents/ (with the stretch
#              drawings in intents/pictures/), the eval gate's set (test/eval/questions.jsonl and conversations.json,
#              which a hot reload runs), the health check, the pruned production node_modules only (no compiler, no
#              build leftovers) and the DejaVu fonts (fonts-dejavu-core), which the check-up card's PNG is drawn with
#              (resvg reads /usr/share/fonts; slim images have no fonts); runs as the unprivileged `node` user
#              (uid 1000), listens on 0.0.0.0:3000, keeps the SQLite file in the /data volume
#              (DATABASE_PATH=/data/crampbot.db).
# Build: docker build -t crampbot .
# Run:   docker run -d --name crampbot -p 127.0.0.1:3000:3000 -v crampbot-data:/data --env-file .env \
#          --stop-timeout 15 crampbot
# Stopping: `docker stop` sends STOPSIGNAL (SIGTERM); the service stops taking messages, finishes those in flight,
# closes the store and exits 0 within SHUTDOWN_TIMEOUT_MS, which the image sets to 8 s, below `docker stop`'s default
# 10 s grace (and README's --stop-timeout 15 / compose's stop_grace_period 15s). Raise the grace with it.
# A /data the node user cannot write (a root-owned bind mount) stops start-up with one line saying how to fix it.

FROM node:20-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY scripts/build-engine-data.js scripts/build-ask-bundle.js ./scripts/
COPY knowledge ./knowledge
COPY intents ./intents
# The precomputed engine data (dist/engine-data.json, ADR 10); without it the engine reads the data files. Then the
# one-file bundle of `crampbot ask` (dist/ask/, ADR 27; esbuild's binary is its optional dependency, no install script).
RUN npx tsc -p tsconfig.build.json && node scripts/build-engine-data.js && node scripts/build-ask-bundle.js

FROM node:20-slim AS prod-deps
WORKDIR /app
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
# node-gyp's headers: the ones this image's Node was installed with, never a download.
ENV npm_config_nodedir=/usr/local
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund \
  && npm rebuild better-sqlite3 \
  && node -e "require('/app/node_modules/better-sqlite3')(':memory:').close()" \
  && node -e "const { Resvg } = require('/app/node_modules/@resvg/resvg-js'); new Resvg('<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1 1\"/>').render().asPng()" \
  && cd node_modules/better-sqlite3 \
  && find build -mindepth 1 -not -path build/Release -not -path build/Release/better_sqlite3.node -delete \
  && rm -rf deps src \
  && cd /app \
  && find node_modules -type f \( -name '*.map' -o -name '*.ts' -o -name '*.mts' -o -name '*.cts' \) -delete \
  && node -e "require('/app/node_modules/better-sqlite3')(':memory:').close()" \
  && npm cache clean --force \
  && rm -rf /root/.npm /root/.cache /tmp/*

FROM node:20-slim AS runtime
RUN apt-get update \
  && apt-get install -y --no-install-recommends fonts-dejavu-core \
  && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATABASE_PATH=/data/crampbot.db \
    SHUTDOWN_TIMEOUT_MS=8000
WORKDIR /app
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# tsc does not copy the web chat's page; the adapter finds it next to its compiled code.
COPY --from=build /app/src/adapters/web/public ./dist/adapters/web/public
COPY package.json ./
COPY bin ./bin
COPY knowledge ./knowledge
COPY intents ./intents
# The eval gate's set: a hot reload (SIGHUP, or edited data in a mounted knowledge/ or intents/) runs it before the new
# data goes live (ADR 14).
COPY test/eval/questions.jsonl test/eval/conversations.json ./test/eval/
COPY scripts/docker-healthcheck.js ./scripts/docker-healthcheck.js
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
# On the container's own address, not 127.0.0.1: a server on the container's loopback is not reachable through -p.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "scripts/docker-healthcheck.js"]
STOPSIGNAL SIGTERM
# The service's node flags (src/bench/service-flags.ts) on the command line: V8's own flags are refused in NODE_OPTIONS.
CMD ["node", "--max-semi-space-size=8", "--v8-pool-size=2", "--no-allocation-site-pretenuring", "bin/crampbot.js", "serve"]
