import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isReservedPath } from './reserved-paths.ts';
import type { HttpApp } from './types.ts';

/**
 * The dashboard's own policy: scripts, styles and API calls only from this origin; images also
 * from Discord's CDN and embed thumbnails anywhere on https; never framed.
 */
export const DASHBOARD_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: https:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export type Dashboard = {
  /** Answers a request no route matched when it is a page of the single-page app; false otherwise. */
  fallback(request: FastifyRequest, reply: FastifyReply): false | FastifyReply;
};

function htmlHeaders(reply: FastifyReply) {
  // The page names its hashed assets: always revalidate it, so a new build is picked up at once.
  reply.header('cache-control', 'no-cache');
  reply.header('content-security-policy', DASHBOARD_CSP);
  reply.header('x-content-type-options', 'nosniff');
  reply.header('referrer-policy', 'same-origin');
}

/**
 * Serves the built single-page app (`web/dist`) at `/`: its files as they are, and `index.html`
 * for any other page a browser asks for (`/guilds/…`, `/sandbox`), so deep links and reloads work;
 * the client-side router takes it from there. Without a build, pages explain how to make one.
 */
export async function registerDashboard(app: HttpApp, root: string): Promise<Dashboard> {
  const built = existsSync(path.join(root, 'index.html'));
  if (built) {
    await app.register(fastifyStatic, {
      root,
      prefix: '/',
      // A wildcard route reads the folder at request time: a rebuild needs no restart.
      wildcard: true,
      index: 'index.html',
      dotfiles: 'ignore',
      setHeaders(reply, file) {
        if (file.endsWith('.html')) htmlHeaders(reply);
        // Vite puts a content hash in every asset name: they never change under the same name.
        else if (file.includes(`${path.sep}assets${path.sep}`))
          reply.header('cache-control', 'public, max-age=31536000, immutable');
      },
    });
  }

  return {
    fallback(request, reply) {
      if (request.method !== 'GET' && request.method !== 'HEAD') return false;
      if (isReservedPath(request.url)) return false;
      if (!String(request.headers.accept ?? '').includes('text/html')) return false;
      if (built) {
        htmlHeaders(reply);
        return reply.code(200).sendFile('index.html');
      }
      return reply
        .code(503)
        .header('cache-control', 'no-cache')
        .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'")
        .type('text/html; charset=utf-8')
        .send(NOT_BUILT);
    },
  };
}

/** For operators: shown instead of the dashboard when `web/dist` is missing. */
const NOT_BUILT = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Guildhall</title></head>
<body style="font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem">
<h1>The dashboard has not been built</h1>
<p>Build it with <code>npm run build:web</code> (it needs the development dependencies: <code>npm install</code>), then reload this page.
<code>npm start</code> builds it by itself when it is missing or out of date.</p>
<p>The API works without it: <a href="/docs">API reference</a>.</p></body></html>`;
