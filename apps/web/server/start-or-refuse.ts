/**
 * The server's start-up checks (start-up.ts). An invalid setting already stops the loading of
 * the configuration (an EnvError from env.ts), before those checks run: refused the same way.
 */
export async function startOrRefuse() {
  try {
    const { startUpChecks } = await import("./start-up");
    startUpChecks();
  } catch (error) {
    if (!(error instanceof Error && error.name === "EnvError")) throw error;
    console.error(`\n[fairlance] Refusing to start: ${error.message}\n`);
    process.exit(1);
  }
}
