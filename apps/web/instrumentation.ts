// Runs once when a Next server process starts (not for each request).
export async function register() {
  // NEXT_RUNTIME is Next's own marker, which it writes into each bundle: read by its literal name.
  // eslint-disable-next-line no-restricted-syntax -- Next's marker, not configuration (see above)
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  try {
    const { startUpChecks } = await import("./server/start-up");
    startUpChecks();
  } catch (error) {
    // An invalid setting stops the import of the configuration itself (EnvError): same refusal.
    if (!(error instanceof Error && error.name === "EnvError")) throw error;
    console.error(`\n[fairlance] Refusing to start: ${error.message}\n`);
    process.exit(1);
  }
}
