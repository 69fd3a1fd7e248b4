"use client";
import { RouteError } from "@/components/ui/route-error";

export default function PlaygroundError({ reset }: { error: Error; reset: () => void }) {
  return (
    <RouteError
      title="Playground"
      message="The playground could not be shown: reading the dashboard's settings failed."
      reset={reset}
    />
  );
}
