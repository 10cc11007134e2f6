// Runs once when a Next server process starts (not for each request).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startUpChecks } = await import("./server/start-up");
  startUpChecks();
}
