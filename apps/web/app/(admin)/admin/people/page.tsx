import type { Metadata } from "next";
import { PeoplePage } from "@/features/admin/people/people-page";

export const metadata: Metadata = { title: "People · Admin" };

export default function Page() {
  return <PeoplePage />;
}
