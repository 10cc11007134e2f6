export { REPO_ROOT, WEB_ROOT, BENCH_DATA } from "./paths";
export { startBenchDatabase, type BenchDatabase } from "./database";
export { ensureWebBuild, serviceEnv, startStack, startWeb, startRunner, descendants, type Service, type Stack } from "./processes";
export { sampleMemory, sampleStackMemory, type MemorySampler, type StackMemory, type StackMemorySampler } from "./memory";
export { cpuSeconds } from "./cpu";
export { signIn, trpc, type TrpcResult } from "./http";
export { percentile, runLoad, runLoadFor, type LoadLimits, type LoadResult } from "./stats";
