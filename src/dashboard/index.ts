/** The dashboard, as the composition root sees it: build the sign-in, build the app, mount it on the HTTP server. */
import { getRequestListener } from '@hono/node-server';
import type { HttpServer } from '../http/server.js';
import { createDashboardApp } from './app.js';
import type { DashboardDeps } from './deps.js';

export { createDashboardLogin, type DashboardLogin } from './login.js';
export type { DashboardDeps } from './deps.js';

/** Serves the dashboard under /dashboard on Herald's one HTTP server. */
export function mountDashboard(http: HttpServer, deps: DashboardDeps): void {
  const app = createDashboardApp(deps);
  http.mount('/dashboard', getRequestListener(app.fetch));
}
