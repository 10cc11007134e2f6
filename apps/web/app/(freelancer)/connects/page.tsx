import type { Metadata } from "next";
import { ConnectsPage } from "@/features/connects/connects-page";

export const metadata: Metadata = { title: "Connects" };

export default function Page() {
  return <ConnectsPage />;
}
