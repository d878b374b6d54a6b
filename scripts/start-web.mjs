// `npm run start:web`: builds the renderer for a plain browser and serves it on 127.0.0.1.
import { build, preview } from 'vite';

const port = Number.parseInt(process.env.PORT ?? '5173', 10);
if (!Number.isInteger(port) || port <= 0 || port > 65535) {
  console.error(`PORT doit être un numéro de port entre 1 et 65535 (reçu : « ${process.env.PORT} »).`);
  process.exit(1);
}

await build({ configFile: 'vite.web.config.ts' });
const server = await preview({ configFile: 'vite.web.config.ts', preview: { host: '127.0.0.1', port, strictPort: true } });
console.log(`Bocage (version web) : http://127.0.0.1:${port}/`);
server.printUrls();
