// Runs once when a Next server process starts (not for each request).
export async function register() {
  // NEXT_RUNTIME is Next's own marker, which it writes into each bundle: read by its literal name.
  // eslint-disable-next-line no-restricted-syntax -- Next's marker, not configuration (see above)
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startOrRefuse } = await import("./server/start-or-refuse");
  await startOrRefuse();
}
