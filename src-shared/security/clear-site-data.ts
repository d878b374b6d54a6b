/**
 * The address, relative to the web app's page, that answers with `Clear-Site-Data: "storage"`.
 * Shared by the web bridge that calls it and the web server plugin that serves it.
 */
export const CLEAR_SITE_DATA_PATH = './__bocage/clear-site-data';
