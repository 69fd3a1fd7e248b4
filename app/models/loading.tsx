import { PageHeader } from "@/components/ui/page-header";

export default function ModelsLoading() {
  return (
    <>
      <PageHeader title="Models" description="Loading…" />
      <div className="space-y-6" aria-busy="true">
        <div className="card h-16 animate-pulse" />
        <div className="grid gap-6 lg:grid-cols-2">
          <div className="card h-48 animate-pulse" />
          <div className="card h-48 animate-pulse" />
        </div>
      </div>
    </>
  );
}
