import { defaultClientConditions, defineConfig, type Plugin } from "vite";

/**
 * The built page may load nothing from elsewhere and send nothing anywhere: no network connections at
 * all (`connect-src 'none'`), scripts and styles only from the page itself. Added at build time only, so
 * the dev server's live reload keeps working.
 *
 * `'unsafe-eval'`: core fills clause templates with Handlebars, which compiles each template to a
 * function at run time. The templates come from the bundled clause library, never from the user, and
 * the policy still forbids any connection. Drop it once core ships precompiled templates.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "frame-src 'self' about: blob:",
  "connect-src 'none'",
  "form-action 'none'",
  "object-src 'none'",
  "base-uri 'none'",
].join("; ");

function contentSecurityPolicy(): Plugin {
  return {
    name: "fairtender-csp",
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

export default defineConfig({
  base: "./",
  plugins: [contentSecurityPolicy()],
  resolve: { conditions: ["@fairtender/source", ...defaultClientConditions] },
  build: {
    target: "es2022",
    outDir: "dist",
    emptyOutDir: true,
    reportCompressedSize: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      onwarn(warning, warn) {
        // zod ships comments Rollup cannot place; they are harmless and not ours to fix.
        if (warning.code === "INVALID_ANNOTATION" && warning.id?.includes("node_modules")) return;
        warn(warning);
      },
    },
  },
});
