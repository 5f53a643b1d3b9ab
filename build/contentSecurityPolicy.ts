import type { Plugin } from "vite";

/**
 * The built page's Content Security Policy, as a <meta> tag (the app is static files: no
 * server of ours sets headers). Defence in depth against a reply or a file that slips past
 * the renderer: no script but the site's own, no plugins, no <base> rewrite, no images from
 * elsewhere (a Markdown image could carry data out). `connect-src` still allows any http(s)
 * endpoint, because users point providers at their own servers (Ollama on localhost, a
 * company gateway); what keeps a key from going to the wrong server is the key's binding to
 * its origins, not this policy. Not in the dev server: its hot reload runs inline scripts.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self' https: http:",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

export function contentSecurityPolicy(): Plugin {
  return {
    name: "llm-flow-studio:content-security-policy",
    apply: "build",
    transformIndexHtml: () => [
      {
        tag: "meta",
        attrs: { "http-equiv": "Content-Security-Policy", content: CONTENT_SECURITY_POLICY },
        injectTo: "head-prepend",
      },
    ],
  };
}
