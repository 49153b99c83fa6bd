# syntax=docker/dockerfile:1
# kubecon-bot image. Build: docker build -t REGISTRY/kubecon-bot:TAG .
# test/deploy/image.test.ts replays the runtime stage's steps (production-only install, then start).

# --- build: every dependency, the C++ toolchain for better-sqlite3, the TypeScript build and the CLI's bundle ---
FROM node:20-bookworm-slim AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json rolldown.config.ts ./
COPY src ./src
COPY adapters ./adapters
# The build compiles the benchmarks too (tsconfig.build.json), and they import test helpers.
COPY test ./test
RUN npm run build \
 && npm prune --omit=dev --no-audit --no-fund
# The index snapshot of the shipped corpus, made once here with the very files the runtime stage
# copies, so no pod indexes the corpus at start (an emptyDir DATA_DIR starts empty every time).
COPY data ./data
RUN node dist/src/bundle/kubecon.js index

# --- runtime: production dependencies (native addon already compiled above), no toolchain ---
FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    DATA_DIR=/data \
    PORT=3000
WORKDIR /app
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist/src ./dist/src
COPY --from=build /app/dist/adapters ./dist/adapters
COPY data ./data
# Read-only in the image, read before DATA_DIR/cache; a different CORPUS_DIR is indexed into DATA_DIR.
COPY --from=build /app/index ./index
# The image's own `node` user (uid 1000), numeric so Kubernetes can check runAsNonRoot.
RUN mkdir -p /data && chown 1000:1000 /data
USER 1000:1000
EXPOSE 3000
VOLUME ["/data"]
# node runs as PID 1 and handles SIGTERM (graceful stop) and SIGHUP (corpus reload) itself; npm would not forward them.
CMD ["node", "dist/src/main.js"]
