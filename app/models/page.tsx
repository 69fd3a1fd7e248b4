import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Models" };

export default function ModelsPage() {
  return <PageHeader title="Models" description="Pick the models your agent uses, with routing policies, fallbacks and aliases." />;
}
