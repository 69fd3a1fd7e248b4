import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { safeNextPath } from "@/lib/access/session-cookie";
import { dashboardToken } from "@/lib/server/access/session";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const { next } = await searchParams;
  const target = safeNextPath(Array.isArray(next) ? next[0] : next);
  if (!dashboardToken()) {
    return (
      <>
        <PageHeader title="Sign in" />
        <p className="muted">
          No sign-in is needed: this dashboard only listens on this machine.{" "}
          <Link className="link" href="/">
            Go to the Overview
          </Link>
        </p>
      </>
    );
  }
  return (
    <>
      <PageHeader
        title="Sign in"
        description="This dashboard is protected: sign in with the DASHBOARD_TOKEN it was started with."
      />
      <SignInForm next={target} />
    </>
  );
}
