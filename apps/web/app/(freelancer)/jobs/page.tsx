import type { Metadata } from "next";
import { FindWork } from "@/features/jobs/find-work";

export const metadata: Metadata = { title: "Find work" };

export default function Page() {
  return <FindWork />;
}
