import { API_ROUTES } from './routes';

/**
 * The routes that take a file as the body (`fileBody: true`: a paper, up to 100 MB), as both hosts
 * ask before reading one: every other request keeps the 6 MB JSON limit, so a stranger cannot make
 * the app hold 100 MB for any path.
 */
const FILE_ROUTES = API_ROUTES.filter((r) => r.fileBody).map((r) => ({
  method: r.method,
  path: new RegExp(`^${r.pattern.replace(/:[^/]+/g, '[^/]+')}$`),
}));

export const takesFileBody = (method: string, path: string): boolean =>
  FILE_ROUTES.some((r) => r.method === method.toUpperCase() && r.path.test(path));
