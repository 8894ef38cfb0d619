/// The Content-Security-Policy of every page Excerpt shows, whether the Electron window
/// (app:// scheme) or a browser tab on the loopback host serves it: only the app's own
/// scripts and styles, no inline script, no plugins, no framing, no form posts elsewhere.
export const contentSecurityPolicy = [
  "default-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');
