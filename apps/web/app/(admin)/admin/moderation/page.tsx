import type { Metadata } from "next";
import { ModerationPage } from "@/features/admin/moderation/moderation-page";

export const metadata: Metadata = { title: "Moderation · Admin" };

export default function Page() {
  return <ModerationPage />;
}
