import type { Metadata } from "next";
import { MyProposals } from "@/features/proposals/my-proposals";

export const metadata: Metadata = { title: "My proposals" };

export default function Page() {
  return <MyProposals />;
}
