import type { Metadata } from "next";
import { currentTime } from "@fairlance/db";
import { MyProfilePage } from "@/features/profiles/my-profile-page";
import { timeZoneOptions } from "@/features/profiles/profile-values";
import { getPrisma } from "@/server/db";
import { HydrateClient, prefetch, prefetched, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Your profile" };

export default async function Page() {
  const [now] = await Promise.all([currentTime(getPrisma()), prefetch(trpc.profile.mine.queryOptions())]);
  const mine = prefetched(trpc.profile.mine.queryOptions());
  // Only a freelancer's form has a time zone.
  const zones = mine?.role === "FREELANCER" ? timeZoneOptions(Intl.supportedValuesOf("timeZone"), mine.freelancer.timeZoneName) : [];
  return (
    <HydrateClient>
      <MyProfilePage zones={zones} today={now.toISOString()} />
    </HydrateClient>
  );
}
