import type { Connect, Plugin } from 'vite';

const ROUTE_SUFFIX = '/__bocage/clear-site-data';

/**
 * Serves the one request the web app's GDPR erasure needs: a POST answered with
 * `Clear-Site-Data: "storage"`, after which the browser deletes the origin's IndexedDB files. In
 * the desktop app, main does the same through Electron's session.clearStorageData.
 */
function clearSiteData(): Connect.NextHandleFunction {
  return (request, response, next) => {
    if (request.method !== 'POST' || !request.url?.split('?')[0]?.endsWith(ROUTE_SUFFIX)) {
      next();
      return;
    }
    response.statusCode = 204;
    response.setHeader('Clear-Site-Data', '"storage"');
    response.setHeader('Cache-Control', 'no-store');
    response.end();
  };
}

export function clearSiteDataPlugin(): Plugin {
  return {
    name: 'bocage-clear-site-data',
    configureServer(server) {
      server.middlewares.use(clearSiteData());
    },
    configurePreviewServer(server) {
      server.middlewares.use(clearSiteData());
    },
  };
}
