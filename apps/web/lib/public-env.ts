/**
 * What the browser's code may know of the configuration. Next writes these values in at build
 * time where it finds them by their literal names, so each is read here, spelled out, once.
 */
export const publicEnv = {
  development: process.env.NODE_ENV === "development",
} as const;
