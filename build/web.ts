// `npm run web`: build the browser edition and serve it on 127.0.0.1 at PMO_WEB_PORT (5173 by
// default; build/vite.web.config.ts reads the same variable). A taken port is found before the
// build and reported in one sentence naming the port and how to choose another.
import { fileURLToPath } from 'node:url';
import { isPortInUse, portInUseMessage, portIsFree, webPort } from './web-port.ts';

const configFile = fileURLToPath(new URL('./vite.web.config.ts', import.meta.url));

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

const chosen = webPort(process.env);
if ('problem' in chosen) fail(chosen.problem);
const { port } = chosen;
if (!(await portIsFree(port))) fail(portInUseMessage(port));

// Vite is loaded only now: a taken port is reported without waiting for it.
const { build, preview } = await import('vite');
await build({ configFile });
try {
  const server = await preview({ configFile });
  server.printUrls();
} catch (e) {
  // Taken between the check and now: the same sentence.
  if (isPortInUse(e)) fail(portInUseMessage(port));
  throw e;
}
