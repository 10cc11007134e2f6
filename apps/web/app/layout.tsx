import type { Metadata } from "next";
import type { ReactNode } from "react";
import { movableClockEnabled } from "@fairlance/db";
import { Header } from "@/components/header";
import { DemoClockBanner } from "@/features/clock/demo-clock-banner";
import { getSession } from "@/server/auth";
import { Providers } from "./providers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Fairlance", template: "%s · Fairlance" },
  description: "A freelance marketplace where every connect, fee and payout is exact and explained before you commit.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const session = await getSession();
  return (
    <html lang="en">
      <body className="min-h-screen">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2">
          Skip to content
        </a>
        <Providers>
          {movableClockEnabled() && <DemoClockBanner />}
          <Header session={session} />
          <main id="main" className="mx-auto max-w-6xl px-4 py-8">
            {children}
          </main>
        </Providers>
      </body>
    </html>
  );
}
