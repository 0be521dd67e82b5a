// The Remix options. vite.config.ts passes them to the Remix Vite plugin, so they live in one place.
import { flatRoutes } from "remix-flat-routes";

/** @type {import("@remix-run/dev").VitePluginConfig} */
export default {
  appDirectory: "app",
  buildDirectory: "build",
  // Routes follow remix-flat-routes (the README's "Architecture" section maps them): a `name+/` folder
  // groups one feature, its files are flat route names under that prefix (`journaal+/gedeeld.tsx` is
  // /journaal/gedeeld), and a route with parts of its own is a folder with `route.tsx` beside those parts.
  // Remix's own convention is switched off (`**/*`) so that only flatRoutes defines routes.
  ignoredRouteFiles: ["**/*"],
  routes: async (defineRoutes) =>
    flatRoutes("routes", defineRoutes, {
      // Tests sit next to routes without becoming routes.
      ignoredRouteFiles: ["**/.*", "**/*.test.ts", "**/*.test.tsx"],
    }),
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    // Off (issue 18): with lazy route discovery every page matched the whole route tree once more to inline
    // a partial route manifest into its HTML (about a twentieth of an empty page's CPU), and the browser then
    // asked the server for more of the manifest (/__manifest) as links appeared. Without it the browser loads
    // the full manifest once, as a fingerprinted file it caches for a year.
    v3_lazyRouteDiscovery: false,
    v3_singleFetch: true,
    v3_routeConfig: false,
  },
};
