import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Config" };

export default function ConfigPage() {
  return <PageHeader title="Config" description="The openclaw.json file as OpenClaw reads it." />;
}
