# syntax=docker/dockerfile:1
# The approval core (apps/api): the same image runs every deployment (province, city, county);
# DEPLOYMENT_ID and HOSTED_TENANTS say which centres it serves.

FROM node:20-bookworm-slim AS build
WORKDIR /src
ENV NX_NO_CLOUD=true NX_DAEMON=false
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npx nx run-many -t build -p api keys

# Only the production dependencies the bundle needs (webpack writes a pruned package.json and
# lockfile next to it; pg is listed explicitly because TypeORM loads its driver dynamically).
FROM node:20-bookworm-slim AS runtime-deps
WORKDIR /app
COPY --from=build /src/dist/apps/api/package.json /src/dist/apps/api/package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm ls pg

FROM node:20-bookworm-slim
ENV NODE_ENV=production PORT=3000 HOST=0.0.0.0
WORKDIR /app
COPY --from=runtime-deps /app/node_modules ./node_modules
COPY --from=build /src/dist/apps/api ./
# The routing keys command (docker/compose.yaml runs it once before the deployments start).
COPY --from=build /src/dist/tools/keys/main.js ./tools/keys.js
# Key files live on a volume mounted here; the image creates it so the volume belongs to node.
RUN mkdir -p /keys && chown node:node /keys
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s \
  CMD node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "--enable-source-maps", "main.js"]
