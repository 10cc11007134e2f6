// HAProxy's runtime API (its stats socket): commands, and each web instance's status.
import { connect } from "node:net";

/** One command to HAProxy's runtime API (its stats socket). */
export function haproxyCommand(socket: string, command: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const conn = connect(socket, () => conn.end(`${command}\n`));
    conn.on("data", (chunk: Buffer) => chunks.push(chunk));
    conn.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    conn.on("error", reject);
  });
}

/** The `status` column of HAProxy's `show stat` for each server of the web backend (UP, DOWN, MAINT…). */
export function parseServerStatus(showStat: string): Map<string, string> {
  const [header, ...rows] = showStat.trim().split("\n");
  const columns = (header ?? "").replace(/^# /, "").split(",");
  const px = columns.indexOf("pxname");
  const sv = columns.indexOf("svname");
  const status = columns.indexOf("status");
  const result = new Map<string, string>();
  for (const row of rows) {
    const cells = row.split(",");
    if (cells[px] === "web" && cells[sv] !== "BACKEND" && cells[sv] !== "FRONTEND") result.set(cells[sv]!, cells[status]!);
  }
  return result;
}
