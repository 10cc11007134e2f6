import { describe, expect, it } from "vitest";
import { roleList, rolePluralTitle, roleTitle } from "./roles";

describe("role words", () => {
  it("names one role as a label and lists who may act in a sentence", () => {
    expect(roleTitle("FREELANCER")).toBe("Freelancer");
    expect(roleList("ADMIN")).toBe("admins");
    expect(roleList(["CLIENT", "FREELANCER"])).toBe("clients and freelancers");
    expect(roleList(["CLIENT", "FREELANCER", "ADMIN"])).toBe("clients, freelancers and admins");
    expect(roleList([])).toBe("");
    expect(rolePluralTitle("CLIENT")).toBe("Clients");
  });
});
