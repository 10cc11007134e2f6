import type { Metadata } from "next";
import { SettingsPage } from "@/features/admin/settings/settings-page";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Settings · Admin" };

export default async function Page() {
  await prefetch(
    trpc.admin.settings.list.queryOptions(),
  );
  return (
    <HydrateClient>
      <SettingsPage />
    </HydrateClient>
  );
}
