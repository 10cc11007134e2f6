export { REPO_ROOT, WEB_ROOT, BENCH_DATA } from "./paths";
export { startBenchDatabase, type BenchDatabase } from "./database";
export { ensureWebBuild, serviceEnv, startWeb, startRunner, descendants, type Service } from "./processes";
export { sampleMemory, type MemorySampler } from "./memory";
export { cpuSeconds } from "./cpu";
export { signIn, trpc, type TrpcResult } from "./http";
export { percentile, runLoad, runLoadFor, type LoadLimits, type LoadResult } from "./stats";
