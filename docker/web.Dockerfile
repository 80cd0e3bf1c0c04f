# syntax=docker/dockerfile:1
# The two Angular apps (apps/portal at /, apps/workbench at /workbench/) served by nginx, which
# also forwards /api, /health and /metrics to the province deployment.

FROM node:20-bookworm-slim AS build
WORKDIR /src
ENV NX_NO_CLOUD=true NX_DAEMON=false
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npx nx run-many -t build -p portal workbench

FROM nginx:1.27-alpine
COPY docker/nginx/default.conf /etc/nginx/conf.d/default.conf
COPY --from=build /src/dist/apps/portal/browser /usr/share/nginx/html/portal
COPY --from=build /src/dist/apps/workbench/browser /usr/share/nginx/html/workbench
EXPOSE 8080
