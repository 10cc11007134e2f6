import { describe, expect, it } from "vitest";
import { chooseClusterRoot, firstUntraversable } from "./paths";

const closed = (...dirs: string[]) => (dir: string) => !dirs.includes(dir);
const asRoot = { explicit: false, runsAsRoot: true, fallbackBase: "/var/lib/fairlance" };

describe("where the embedded clusters live", () => {
  it("stays in the checkout's data folder when the postgres user can walk down to it", () => {
    expect(chooseClusterRoot("/srv/fairlance/.data", { ...asRoot, canTraverse: () => true })).toEqual({
      root: "/srv/fairlance/.data",
      unreachable: null,
    });
  });

  it("moves, as root, to a folder of its own when a parent is closed (a clone under /root)", () => {
    const choice = chooseClusterRoot("/root/fl/.data", { ...asRoot, canTraverse: closed("/root") });
    expect(choice.unreachable).toBe("/root");
    expect(choice.root).toMatch(/^\/var\/lib\/fairlance\/[0-9a-f]{12}$/);
  });

  it("moves when the data folder itself is closed", () => {
    const choice = chooseClusterRoot("/srv/fl/.data", { ...asRoot, canTraverse: closed("/srv/fl/.data") });
    expect(choice.unreachable).toBe("/srv/fl/.data");
  });

  it("picks the same folder on every run from one checkout, and another for another checkout", () => {
    const options = { ...asRoot, canTraverse: closed("/root") };
    const first = chooseClusterRoot("/root/fl/.data", options).root;
    expect(chooseClusterRoot("/root/fl/.data/", options).root).toBe(first);
    expect(chooseClusterRoot("/root/fl/../fl/.data", options).root).toBe(first);
    expect(chooseClusterRoot("/root/other/.data", options).root).not.toBe(first);
  });

  it("keeps FAIRLANCE_DATA_DIR as given, even out of reach (the start then says how to fix it)", () => {
    const choice = chooseClusterRoot("/root/mine", { ...asRoot, explicit: true, canTraverse: closed("/root") });
    expect(choice).toEqual({ root: "/root/mine", unreachable: null });
  });

  it("never moves for a user other than root (PostgreSQL then runs as that user)", () => {
    const choice = chooseClusterRoot("/root/fl/.data", { ...asRoot, runsAsRoot: false, canTraverse: closed("/root") });
    expect(choice).toEqual({ root: "/root/fl/.data", unreachable: null });
  });

  it("reports the outermost closed folder on the way down", () => {
    expect(firstUntraversable("/a/b/c", closed("/a/b", "/a/b/c"))).toBe("/a/b");
    expect(firstUntraversable("/a/b/c", () => true)).toBeNull();
    expect(firstUntraversable("/", closed("/"))).toBe("/");
  });
});
