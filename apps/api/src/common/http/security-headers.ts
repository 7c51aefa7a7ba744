import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * Pages others are meant to embed: the viewer panel (Owncast's external-action iframe) and its
 * sign-in link, and the overlays (browser sources and stream tools' widgets). Every other page may
 * only be framed by Podium itself, which stops clickjacking of the admin.
 */
const EMBEDDABLE = /^\/(panel|p|overlay)(\/|$)/;

/** Swagger UI's page runs an inline script; it is the only page that needs one. */
const API_DOCS = /^\/api\/docs(\/|$)/;

function policy(frameAncestors: string[], scriptSrc: string[]): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        // No inline or injected script can run: the XSS suite's payloads would need one.
        scriptSrc,
        // React sets styles through the DOM; some components still inject <style> tags.
        styleSrc: ["'self'", "'unsafe-inline'"],
        // Viewer avatars come from the platforms' image hosts; alerts play uploaded media as blobs.
        imgSrc: ["'self'", 'data:', 'blob:', 'https:'],
        mediaSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        // Same-origin fetch and Socket.IO (ws/wss to the page's own host).
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors,
      },
    },
    // frame-ancestors above decides framing; X-Frame-Options cannot say "any site" for the panel.
    xFrameOptions: false,
    // The panel's cookie and the overlays work inside other sites' frames and OBS.
    crossOriginOpenerPolicy: false,
    // Integrations call the public API from other origins' servers; browsers need no CORP block here.
    crossOriginResourcePolicy: { policy: 'same-site' },
  });
}

/**
 * Security headers for every response (Content-Security-Policy, nosniff, referrer policy, HSTS
 * behind https…), from helmet rather than hand-written: it keeps the header set current.
 */
export function securityHeaders(): RequestHandler {
  const strict = policy(["'self'"], ["'self'"]);
  const embeddable = policy(['*'], ["'self'"]);
  const docs = policy(["'self'"], ["'self'", "'unsafe-inline'"]);
  return (request, response, next) => {
    const path = request.path;
    const chosen = EMBEDDABLE.test(path) ? embeddable : API_DOCS.test(path) ? docs : strict;
    chosen(request, response, next);
  };
}
