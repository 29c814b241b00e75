# One image, every component: GUILDHALL_COMPONENT (or the command) picks api, worker, scheduler
# or bot. TypeScript runs natively, so the image holds the sources, not a build.
FROM node:24-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
# The embedded-database template is for laptops; a deployment uses PostgreSQL.
RUN npm ci --ignore-scripts --no-audit --no-fund

FROM deps AS build
COPY . .
RUN if [ -f web/package.json ] || [ -d web ]; then npm run --if-present build:web; fi \
 && npm prune --omit=dev --ignore-scripts

FROM node:24-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=8080
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/package.json ./
COPY --from=build /app/bin ./bin
COPY --from=build /app/src ./src
COPY --from=build /app/web/dist ./web/dist
USER node
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=3s CMD node -e "fetch('http://127.0.0.1:8080/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
ENTRYPOINT ["node", "--liftoff-only", "bin/guildhall.js"]
CMD ["start"]
