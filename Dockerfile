# CrampBot service image (`crampbot serve`), in three stages:
#   build      node:20-slim + every dependency (npm ci, install scripts off), compiles src/ to dist/ with tsc.
#   prod-deps  node:20-slim + build tools: production dependencies only (npm ci --omit=dev --ignore-scripts, so the
#              `prepare` script's tsc does not run), then `npm rebuild better-sqlite3` builds its native module
#              (a prebuilt binary when one downloads, else compiled with python3/make/g++).
#   runtime    node:20-slim with dist/ (plus the web chat's page), bin/, knowledge/, intents/ and the production node_modules only; runs as the
#              unprivileged `node` user, listens on 0.0.0.0:3000, keeps the SQLite file in the /data volume
#              (DATABASE_PATH=/data/crampbot.db) and checks GET /healthz with a node one-liner (no curl).
# Build: docker build -t crampbot .
# Run:   docker run --rm -p 3000:3000 -v crampbot-data:/data --env-file .env crampbot
# SIGTERM (docker stop) drains and exits within SHUTDOWN_TIMEOUT_MS (default 10 s, docker's default grace period):
# raise `docker stop -t` / stop_grace_period if you raise it.

FROM node:20-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npx tsc -p tsconfig.build.json

FROM node:20-slim AS prod-deps
WORKDIR /app
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund \
  && npm rebuild better-sqlite3 \
  && npm cache clean --force

FROM node:20-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATABASE_PATH=/data/crampbot.db
WORKDIR /app
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# tsc does not copy the web chat's page; the adapter finds it next to its compiled code.
COPY --from=build /app/src/adapters/web/public ./dist/adapters/web/public
COPY package.json ./
COPY bin ./bin
COPY knowledge ./knowledge
COPY intents ./intents
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
STOPSIGNAL SIGTERM
CMD ["node", "bin/crampbot.js", "serve"]
