import { existsSync, statSync } from 'node:fs';
import { join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** Where `npm run build:web` (and `npm start`) put the built web app. */
export const DEFAULT_WEB_DIR = fileURLToPath(new URL('../../../web/dist', import.meta.url));

export type WebApp = {
  /** Answers a GET outside /api with a built file, or the app's page for its client-side routes. */
  serve(request: FastifyRequest, reply: FastifyReply): FastifyReply | null;
};

/**
 * The React app, served from the API's origin (one cookie, one CSP). Hashed assets are cached for a
 * year; the page itself never, so a new build is picked up on reload. Nothing here needs sign-in:
 * the page holds no data, and every API call it makes is checked as usual.
 */
export async function installWebApp(app: FastifyInstance, dir: string): Promise<WebApp | null> {
  if (!existsSync(join(dir, 'index.html'))) return null;
  await app.register(fastifyStatic, { root: dir, serve: false, cacheControl: false });
  const root = normalize(dir + sep);
  return {
    serve(request, reply) {
      if (request.method !== 'GET' && request.method !== 'HEAD') return null;
      let path: string;
      try {
        path = decodeURIComponent((request.url.split('?')[0] ?? '/').replace(/\/+$/, '') || '/');
      } catch {
        return null; // a malformed escape: not a file of ours
      }
      if (path === '/api' || path.startsWith('/api/')) return null;
      const file = normalize(join(dir, path));
      if (file.startsWith(root) && path !== '/' && isFile(file)) {
        const immutable = path.startsWith('/assets/');
        return reply
          .header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache')
          .sendFile(file.slice(root.length));
      }
      // A path with an extension that is not there is a missing file, not a page of the app.
      if (/\.[a-z0-9]+$/i.test(path)) return null;
      return reply
        .header('cache-control', 'no-cache')
        .type('text/html; charset=utf-8')
        .sendFile('index.html');
    },
  };
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
