import { defineConfig } from 'vite';

// The C++ server ships web/dist under a strict CSP (script-src 'self'), so the build
// must not emit inline scripts; the module-preload polyfill is left out for that reason.
export default defineConfig({
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2020',
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 900,
  },
  server: {
    proxy: {
      '/api': process.env.DIEUHANH_API ?? 'http://127.0.0.1:8080',
      '/healthz': process.env.DIEUHANH_API ?? 'http://127.0.0.1:8080',
    },
  },
});
