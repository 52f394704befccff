# policybot as a container: a build stage compiles the TypeScript, a slim runtime stage runs the
# compiled JavaScript with production dependencies only, as an unprivileged user.
#   docker build -t policybot .
#   docker run --env-file .env policybot

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --ignore-scripts
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY commands ./commands
RUN npm run build

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund --ignore-scripts && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY data ./data
COPY assets ./assets
COPY LICENSE NOTICE ./
# GET /healthz answers 200 only while the bot is connected to Discord; /metrics for Prometheus.
ENV HEALTH_PORT=8080
EXPOSE 8080
USER node
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + process.env.HEALTH_PORT + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# node itself, not npm: SIGTERM from `docker stop` reaches the bot, which logs out and exits 0.
# The V8 flag is npm start's (see "Memory" in README.md): major GCs before the heap doubles.
CMD ["node", "--heap-growing-percent=50", "dist/src/main.js"]
