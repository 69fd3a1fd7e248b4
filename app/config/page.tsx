import type { Metadata } from "next";
import { ConfigWorkspace } from "@/components/config/config-workspace";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Config" };

export default function ConfigPage() {
  return (
    <>
      <PageHeader
        title="Config"
        description="The openclaw.json file as OpenClaw reads it: edit it whole or import settings, review pending changes, download it, or restore a backup."
      />
      <ConfigWorkspace />
    </>
  );
}
