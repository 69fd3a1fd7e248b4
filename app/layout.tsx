import type { Metadata } from "next";
import { AppNav } from "@/components/shell/app-nav";
import { SWRProvider } from "@/lib/client/swr-provider";
import { SignOutButton } from "./sign-in/sign-out-button";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "HF Provider Dashboard", template: "%s · HF Provider Dashboard" },
  description: "Configure OpenClaw's Hugging Face Inference provider and try models.",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen">
        <SWRProvider>
          <a
            href="#main"
            className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-amber-400 focus:px-3 focus:py-2 focus:text-zinc-950"
          >
            Skip to content
          </a>
          <div className="flex min-h-screen flex-col md:flex-row">
            <header className="border-b border-zinc-200 bg-white md:w-56 md:shrink-0 md:border-b-0 md:border-r dark:border-zinc-800 dark:bg-zinc-900">
              <div className="flex items-center gap-2 px-4 py-4">
                <svg aria-hidden viewBox="0 0 32 32" className="h-8 w-8 shrink-0">
                  <circle cx="16" cy="16" r="15" className="fill-amber-400" />
                  <circle cx="11" cy="13" r="2" className="fill-zinc-900" />
                  <circle cx="21" cy="13" r="2" className="fill-zinc-900" />
                  <path
                    d="M9 19c2 4 12 4 14 0"
                    className="fill-none stroke-zinc-900"
                    strokeWidth="2"
                    strokeLinecap="round"
                  />
                </svg>
                <span className="font-semibold leading-tight">
                  HF Provider
                  <br className="hidden md:block" /> Dashboard
                </span>
              </div>
              <AppNav />
              <SignOutButton />
            </header>
            <main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 md:px-8 md:py-8">
              {children}
            </main>
          </div>
        </SWRProvider>
      </body>
    </html>
  );
}
