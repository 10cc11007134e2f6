import { describe, expect, it } from "vitest";
import { currentItem, NAV } from "./navigation";

describe("currentItem", () => {
  it.each([
    ["FREELANCER", "/dashboard", "Dashboard"],
    ["FREELANCER", "/jobs", "Find work"],
    ["FREELANCER", "/jobs/7d4c", "Find work"],
    ["FREELANCER", "/payouts", "Withdraw"],
    ["CLIENT", "/jobs/new", "Post a job"],
    ["CLIENT", "/client/jobs/7d4c/hire/91ab", "My jobs"],
    ["CLIENT", "/billing/methods", "Billing"],
    ["CLIENT", "/talent/saved", "Find talent"],
    ["FREELANCER", "/invitations", "Invitations"],
    ["FREELANCER", "/saved", "Saved"],
    ["ADMIN", "/admin/people", "People"],
    ["ADMIN", "/dashboard", "Admin overview"],
    ["CLIENT", "/messages/contract/7d4c", "Messages"],
    ["ADMIN", "/messages", "Messages"],
  ] as const)("%s on %s: %s", (role, path, label) => {
    expect(currentItem(NAV[role], path)?.label).toBe(label);
  });

  it("marks nothing on a page outside the list, nor on a path that only starts with the same letters", () => {
    expect(currentItem(NAV.FREELANCER, "/account")).toBeUndefined();
    expect(currentItem(NAV.FREELANCER, "/jobsearch")).toBeUndefined();
    expect(currentItem(NAV.CLIENT, "/contractsx")).toBeUndefined();
  });
});
