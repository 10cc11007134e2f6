// The job runner: scheduled economy jobs, their queue and their recorded runs.
export { advanceClockAndQueue, enqueueEconomySql, pendingEconomyJobs } from "./enqueue";
export { listJobRuns, failedEconomyJobs, type JobRunView } from "./runs";
export { runAllTasks } from "./record-run";
