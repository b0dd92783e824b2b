import { defineConfig } from 'vite';

// Cross-origin isolation (the threaded build of a later issue needs it).
const headers = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  base: './',
  server: { headers, fs: { allow: ['..'] } },
  // make play passes --port (PORT, default 8080).
  preview: { headers, host: '127.0.0.1', port: 8080, strictPort: true },
  worker: { format: 'es' },
  build: { target: 'es2022', outDir: 'dist', emptyOutDir: true },
});
