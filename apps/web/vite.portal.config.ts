import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The parties' portal (/m/): a second, small bundle with no antd, built after the staff app into
 * dist/portal and served by the server at /m/. `npm run build` prints its first-load gzip size.
 */
export default defineConfig({
  root: 'portal',
  base: '/m/',
  plugins: [react()],
  server: {
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } },
  },
  build: {
    outDir: '../dist/portal',
    emptyOutDir: true,
    chunkSizeWarningLimit: 300,
  },
});
