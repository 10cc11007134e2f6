import type { Metadata } from "next";
import { ContractList } from "@/features/contracts/contract-list";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Contracts" };

export default async function Page() {
  await prefetch(
    trpc.contract.list.queryOptions(),
  );
  return (
    <HydrateClient>
      <ContractList />
    </HydrateClient>
  );
}
