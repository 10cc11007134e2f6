// Imported first by a start script (`import "@fairlance/db/env/exit-on-invalid";`): an invalid
// setting found while the script's modules load (an EnvError from a package's env.ts) ends the
// process with its sentence instead of a stack trace. Any other uncaught error is reported as
// Node would (stack, exit code 1).
process.on("uncaughtException", (error) => {
  const invalidSetting = error instanceof Error && error.name === "EnvError";
  console.error(invalidSetting ? `\n[fairlance] Refusing to start: ${error.message}\n` : error);
  process.exit(1);
});
