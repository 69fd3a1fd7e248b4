import type { Metadata } from "next";
import { Suspense } from "react";
import { ModelsWorkspace } from "@/components/models/models-workspace";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Models" };

export default function ModelsPage() {
  return (
    <>
      <PageHeader
        title="Models"
        description="Pick the models your agent uses, with routing policies, fallbacks and aliases. Changes are saved to OpenClaw's openclaw.json after you review the diff."
      />
      {/* The picker reads its state from the URL (useSearchParams). */}
      <Suspense fallback={<div className="card h-64 animate-pulse" aria-busy="true" />}>
        <ModelsWorkspace />
      </Suspense>
    </>
  );
}
