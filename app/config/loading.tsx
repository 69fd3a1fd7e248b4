import { PageHeader } from "@/components/ui/page-header";

export default function ConfigLoading() {
  return (
    <>
      <PageHeader title="Config" description="Loading openclaw.json…" />
      <div className="card h-64 animate-pulse" aria-busy="true" />
    </>
  );
}
