import { describe, expect, it } from "vitest";
import { closeRun } from "./record-run";

describe("closeRun", () => {
  it("tries again until the write succeeds", async () => {
    let calls = 0;
    await closeRun(
      async () => {
        calls++;
        if (calls < 3) throw new Error("Can't reach database server");
      },
      [1, 1, 1],
    );
    expect(calls).toBe(3);
  });

  it("gives up after its last delay with the write's error", async () => {
    let calls = 0;
    await expect(
      closeRun(
        async () => {
          calls++;
          throw new Error("still down");
        },
        [1, 1],
      ),
    ).rejects.toThrow("still down");
    expect(calls).toBe(3);
  });
});
