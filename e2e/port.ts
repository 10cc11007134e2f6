import { createServer } from "node:net";
import { e2eEnv } from "./env";

/**
 * Playwright loads playwright.config.ts in its main process and again in every
 * worker: the port is chosen once, in the main process, and handed to the
 * workers and the web server through E2E_PORT (a free port when it is not set).
 */
export async function chooseE2ePort(): Promise<number> {
  // eslint-disable-next-line no-restricted-syntax -- written for the workers and the web server, which inherit it
  if (e2eEnv.E2E_PORT === undefined) process.env.E2E_PORT = String(await freePort());
  return e2ePort();
}

/** The port of the e2e web server, from E2E_PORT. */
export function e2ePort(): number {
  const port = e2eEnv.E2E_PORT;
  if (port === undefined) throw new Error("E2E_PORT is not set; `pnpm e2e` chooses a free one when it is unset.");
  return port;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}
