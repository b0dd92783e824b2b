// Starts a Vite dev server on web/ (no config file: the views need none)
// on a free port; used by the browser tests and the screenshot script.
import { createServer } from 'vite';
import { fileURLToPath } from 'node:url';

export async function serve() {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const server = await createServer({ root, configFile: false, logLevel: 'error', server: { port: 0, host: '127.0.0.1' } });
  await server.listen();
  const addr = server.httpServer.address();
  return { url: `http://127.0.0.1:${addr.port}`, close: () => server.close() };
}

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
